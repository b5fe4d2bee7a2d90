import { describe, expect, it } from "vitest";
import { InvalidInputError } from "./errors.js";
import {
  describe as describeValue,
  expectObject,
  joinPath,
  money,
  optionalArray,
  optionalBoolean,
  optionalMoney,
  optionalString,
  optionalTimestamp,
  requiredString,
} from "./json-fields.js";

describe("json-fields", () => {
  it("joins paths", () => {
    expect(joinPath("", "id")).toBe("id");
    expect(joinPath("customer", "email")).toBe("customer.email");
    expect(joinPath("discount_codes", 1)).toBe("discount_codes[1]");
  });

  it("reads null and absent as absent, blank strings too", () => {
    const o = { a: null, s: "  ", b: null, list: null };
    expect(optionalString(o, "a", "")).toBeUndefined();
    expect(optionalString(o, "s", "")).toBeUndefined();
    expect(optionalString(o, "missing", "")).toBeUndefined();
    expect(optionalBoolean(o, "b", "", true)).toBe(true);
    expect(optionalArray(o, "list", "")).toEqual([]);
    expect(optionalTimestamp(o, "a", "")).toBeUndefined();
    expect(optionalMoney({ m: "" }, "m", "", "USD")).toBeUndefined();
  });

  it.each<[string, () => unknown, string]>([
    ["a string that is a number", () => optionalString({ x: 5 }, "x", "root"), "root.x"],
    ["an array that is an object", () => optionalArray({ x: {} }, "x", ""), "x"],
    ["a boolean that is a string", () => optionalBoolean({ x: "true" }, "x", "", false), "x"],
    ["a required string that is missing", () => requiredString({}, "x", "a"), "a.x"],
    ["an object that is an array", () => expectObject([], "p"), "p"],
    ["money that is an object", () => optionalMoney({ x: {} }, "x", "", "USD"), "x"],
    ["money that does not parse", () => money("1.2.3", "USD", "p"), "p"],
    ["a timestamp without zone", () => optionalTimestamp({ t: "2026-01-01T00:00:00" }, "t", ""), "t"],
  ])("rejects %s at its path", (_label, run, path) => {
    expect(run).toThrow(InvalidInputError);
    try {
      run();
    } catch (error) {
      expect((error as InvalidInputError).path).toBe(path);
    }
  });

  it("reads money exactly", () => {
    expect(optionalMoney({ x: "0.29" }, "x", "", "USD")).toBe(29);
    expect(optionalMoney({ x: 59.9 }, "x", "", "EUR")).toBe(5990);
  });

  it("describes values briefly", () => {
    expect(describeValue(null)).toBe("null");
    expect(describeValue([1])).toBe("an array");
    expect(describeValue({})).toBe("an object");
    expect(describeValue("x".repeat(100))).toHaveLength(43);
  });
});
