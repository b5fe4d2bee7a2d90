/**
 * Throws a RangeError unless `value` is a count: a non-negative safe integer.
 *
 * Every function that takes clicks, conversions or engagements calls this first, so bad input
 * fails loudly with the argument's name instead of turning into NaN three functions later.
 *
 * @example
 * assertCount("clicks", 10); // returns nothing
 * assertCount("clicks", -1); // throws RangeError("clicks must be a non-negative integer, got -1")
 */
export function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${String(value)}`);
  }
}
