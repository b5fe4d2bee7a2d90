import { describe, expect, it } from "vitest";
import { commissionEarned, divideHalfEven, orderCommission } from "./portal-commission.server";

const purchase = (revenue: number) => ({ status: "attributed" as const, goal: "purchase" as const, revenue });

describe("divideHalfEven", () => {
  // Round-half-to-even as IEEE 754-2008 §4.3.1 (roundTiesToEven) defines it: 0.5 → 0, 1.5 → 2, 2.5 → 2, -2.5 → -2.
  it.each([
    [5n, 10n, 0n],
    [15n, 10n, 2n],
    [25n, 10n, 2n],
    [35n, 10n, 4n],
    [-25n, 10n, -2n],
    [26n, 10n, 3n],
    [24n, 10n, 2n],
    [0n, 7n, 0n],
  ])("%s / %s = %s", (n, d, q) => {
    expect(divideHalfEven(n, d)).toBe(q);
  });

  it("refuses a zero or negative divisor", () => {
    expect(() => divideHalfEven(1n, 0n)).toThrow(RangeError);
    expect(() => divideHalfEven(1n, -1n)).toThrow(RangeError);
  });
});

describe("commission", () => {
  it("takes a percent of each order's net revenue, rounded half-even per order", () => {
    expect(orderCommission(12_345, { kind: "percent", value: 1000 })).toBe(1234); // 1234.5 → 1234
    expect(orderCommission(12_355, { kind: "percent", value: 1000 })).toBe(1236); // 1235.5 → 1236
    expect(orderCommission(10_000, { kind: "percent", value: 1250 })).toBe(1250);
    // Rounded per order, then summed: 3 × round(0.5) = 0, not round(1.5) = 2.
    expect(commissionEarned([purchase(5), purchase(5), purchase(5)], { kind: "percent", value: 1000 })).toBe(0);
  });

  it("pays a fixed amount per attributed purchase, nothing for sign-ups or excluded orders", () => {
    const rate = { kind: "fixed" as const, value: 500 };
    expect(
      commissionEarned(
        [purchase(9_999), purchase(0), { status: "attributed", goal: "signup", revenue: 0 }, { status: "excluded", goal: "purchase", revenue: 0 }],
        rate,
      ),
    ).toBe(1000);
  });

  it("is exact beyond 2^53 / 10,000 (no floating point)", () => {
    // (2^53 - 1) × 3333 = 30020995116051723003, / 10,000 = 3002099511605172.3003 → 3002099511605172.
    expect(orderCommission(Number.MAX_SAFE_INTEGER, { kind: "percent", value: 3333 })).toBe(3002099511605172);
  });

  it("is 0 for no orders", () => {
    expect(commissionEarned([], { kind: "percent", value: 1000 })).toBe(0);
  });
});
