/**
 * Commission an influencer earned, in exact integer arithmetic.
 *
 * - percent: each attributed purchase earns revenue × basis points / 10,000, where revenue is the
 *   order's current subtotal (after discounts and refunds: net of refunds). The exact product is
 *   rounded to minor units once per order, half to even (banker's rounding, so rounding errors do
 *   not drift one way over many orders); the order amounts are then summed.
 * - fixed: each attributed purchase earns the fixed amount. Fully refunded and cancelled orders are
 *   not conversions, so they earn nothing; a partial refund leaves a fixed commission whole.
 * Sign-ups carry no revenue and earn no commission.
 */
import type { Attribution, MinorUnits } from "@icr/metrics";
import type { CommissionRate } from "../models/influencers.server";

/**
 * `numerator / denominator` rounded to the nearest integer, ties to even.
 *
 * @example divideHalfEven(25n, 10n) // 2n (2.5 → 2); divideHalfEven(35n, 10n) // 4n
 * @returns 0n for a numerator of 0; throws RangeError for a denominator ≤ 0.
 */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError("denominator must be positive");
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  let quotient = n / denominator;
  const twice = (n % denominator) * 2n;
  if (twice > denominator || (twice === denominator && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}

/**
 * What one attributed purchase earns.
 *
 * @example orderCommission(12_345, { kind: "percent", value: 1000 }) // 1234 (10% of 123.45 = 12.345 → 12.34)
 * @returns minor units; 0 for a revenue of 0 under a percent rate.
 */
export function orderCommission(revenue: MinorUnits, rate: CommissionRate): MinorUnits {
  if (rate.kind === "fixed") return rate.value;
  return Number(divideHalfEven(BigInt(revenue) * BigInt(rate.value), 10_000n));
}

/**
 * The commission earned over the influencer's attributions (only attributed purchases count).
 *
 * @example commissionEarned(receipts, { kind: "fixed", value: 500 }) // 1500 for three purchases
 * @returns minor units; 0 for no attributions.
 */
export function commissionEarned(attributions: readonly Pick<Attribution, "status" | "goal" | "revenue">[], rate: CommissionRate): MinorUnits {
  let total = 0n;
  for (const a of attributions) {
    if (a.status !== "attributed" || a.goal !== "purchase") continue;
    total += BigInt(orderCommission(a.revenue, rate));
  }
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError("commission total exceeds the safe integer range");
  return Number(total);
}
