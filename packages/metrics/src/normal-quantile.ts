// Coefficients of Wichura's algorithm AS 241 (PPND16), Applied Statistics 37(3), 1988, 477–484,
// written as the shortest decimals of the doubles the published 20-digit values round to: rational
// approximations good to about 1e-16 relative error, so no refinement step is needed.

/** Central region, |p - ½| ≤ 0.425. */
const A = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946,
  45921.95393154987, 67265.7709270087, 33430.57558358813, 2509.0809287301227,
] as const;
const B = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597,
  39307.89580009271, 28729.085735721943, 5226.495278852854,
] as const;
/** Intermediate tail, r = √(-ln(min(p, 1-p))) ≤ 5. */
const C = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045,
  1.2704582524523684, 0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
] as const;
const D = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008,
  0.015198666563616457, 0.0005475938084995345, 1.0507500716444169e-9,
] as const;
/** Far tail, r > 5. */
const E = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487,
  0.026532189526576124, 0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7,
] as const;
const F = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
  0.000018463183175100548, 1.421511758316446e-7, 2.0442631033899397e-15,
] as const;

/** Horner evaluation of c[0] + c[1]·x + … + c[7]·x⁷. */
function polynomial(c: readonly number[], x: number): number {
  let sum = 0;
  for (let i = c.length - 1; i >= 0; i--) sum = sum * x + (c[i] ?? 0);
  return sum;
}

/**
 * The standard normal quantile Φ⁻¹(p): the z with P(Z ≤ z) = p (R's `qnorm(p)`).
 *
 * Wichura's AS 241, accurate to about 1e-16; used for the z of confidence intervals.
 *
 * @returns z; -Infinity at p = 0, +Infinity at p = 1, 0 at p = ½.
 * @throws RangeError when p is outside [0, 1] or NaN.
 * @example
 * normalQuantile(0.975); // 1.959963984540054
 * normalQuantile(0.5);   // 0
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`normalQuantile needs a probability in [0, 1], got ${String(p)}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(A, r)) / polynomial(B, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let z: number;
  if (r <= 5) {
    r -= 1.6;
    z = polynomial(C, r) / polynomial(D, r);
  } else {
    r -= 5;
    z = polynomial(E, r) / polynomial(F, r);
  }
  return q < 0 ? -z : z;
}
