/** Largest number of decimals accepted: beyond 15 a double has no digits left to round. */
const MAX_DECIMALS = 15;

/**
 * Rounds to `decimals` places, half away from zero, on the number's shortest decimal form.
 *
 * `Math.round(x * 100) / 100` gets 1.005 wrong (1.005 * 100 is 100.49999…) and rounds -2.5 up.
 * Shifting the decimal exponent of the printed number instead ("1.005e2" is exactly 100.5)
 * rounds the digits a person sees, so 1.005 → 1.01 and -2.5 → -3.
 *
 * @returns the rounded number; 0 (never -0) for zero or for values that round to zero.
 * @throws RangeError when value is not finite or decimals is not an integer in 0..15.
 * @example
 * roundTo(1.005, 2);   // 1.01
 * roundTo(-0.125, 2);  // -0.13
 * roundTo(0, 2);       // 0
 */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`roundTo needs a finite number, got ${String(value)}`);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    throw new RangeError(`decimals must be an integer from 0 to ${MAX_DECIMALS}, got ${String(decimals)}`);
  }
  const magnitude = shiftDecimal(Math.round(shiftDecimal(Math.abs(value), decimals)), -decimals);
  if (magnitude === 0) return 0;
  return value < 0 ? -magnitude : magnitude;
}

/** x × 10^places, computed on the decimal string so no binary rounding creeps in. */
function shiftDecimal(x: number, places: number): number {
  const [mantissa, exponent = "0"] = String(x).split("e");
  return Number(`${mantissa ?? "0"}e${Number(exponent) + places}`);
}
