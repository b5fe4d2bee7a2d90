/** ln(√(2π)), so the density is exp(-x²/2 - LN_SQRT_2PI). */
const LN_SQRT_2PI = 0.9189385332046728;

/** Beyond this |x| the series loses relative accuracy in the tail; the continued fraction takes over. */
const TAIL_START = 3;

/** Terms of the continued fraction; at |x| ≥ 3 it has converged to double precision well before this. */
const TAIL_TERMS = 80;

/**
 * The standard normal cumulative distribution function Φ(x) = P(Z ≤ x).
 *
 * For |x| < 3: the Taylor series Φ(x) = ½ + φ(x)·(x + x³/3 + x⁵/(3·5) + …) (Marsaglia 2004,
 * "Evaluating the Normal Distribution", J. Stat. Software 11(4)). Further out: the upper tail
 * from Laplace's continued fraction for the Mills ratio, Q(z) = φ(z) / (z + 1/(z + 2/(z + 3/(z + …)))),
 * which keeps relative accuracy in tails (Φ(-10) ≈ 7.6e-24 rather than 0).
 *
 * @returns a probability in [0, 1]: 0 at -Infinity, 1 at +Infinity, ½ at 0.
 * @throws RangeError when x is NaN.
 * @example
 * normalCdf(1.959963984540054); // 0.975
 * normalCdf(0);                 // 0.5
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) throw new RangeError("normalCdf needs a number, got NaN");
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  if (Math.abs(x) >= TAIL_START) {
    const tail = upperTail(Math.abs(x));
    return x > 0 ? 1 - tail : tail;
  }
  return 0.5 + taylorSum(x) * Math.exp(-0.5 * x * x - LN_SQRT_2PI);
}

/** x + x³/3 + x⁵/(3·5) + … summed until adding a term no longer changes the sum. */
function taylorSum(x: number): number {
  const xx = x * x;
  let sum = x;
  let term = x;
  let previous = Number.NaN;
  for (let odd = 3; sum !== previous; odd += 2) {
    previous = sum;
    term *= xx / odd;
    sum += term;
  }
  return sum;
}

/** Q(z) = 1 - Φ(z) for z ≥ TAIL_START, evaluated bottom-up from a fixed depth. */
function upperTail(z: number): number {
  let fraction = z;
  for (let k = TAIL_TERMS; k >= 1; k--) fraction = z + k / fraction;
  return Math.exp(-0.5 * z * z - LN_SQRT_2PI) / fraction;
}
