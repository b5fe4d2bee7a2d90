import { describe, expect, it } from "vitest";
import { assertCount } from "./assert-count.js";

describe("assertCount", () => {
  it("accepts zero and positive integers", () => {
    expect(() => assertCount("clicks", 0)).not.toThrow();
    expect(() => assertCount("clicks", 12_345)).not.toThrow();
  });

  it.each([-1, 1.5, Number.NaN, Infinity, 2 ** 53])("rejects %s with the argument's name", (value) => {
    expect(() => assertCount("clicks", value)).toThrow(new RangeError(`clicks must be a non-negative integer, got ${String(value)}`));
  });

  it("rejects a numeric string passed from untyped code", () => {
    expect(() => assertCount("clicks", "3" as unknown as number)).toThrow(RangeError);
  });
});
