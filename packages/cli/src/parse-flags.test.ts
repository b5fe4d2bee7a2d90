import { describe, expect, it } from "vitest";
import { oneOf, optionalString, parseFlags, requireString, type FlagSpec } from "./parse-flags.js";
import { UsageError } from "./usage-error.js";

const SPEC: FlagSpec = { orders: { type: "string" }, explain: { type: "boolean" }, help: { type: "boolean", short: "h" } };

function usageMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).hint).toBe('run "icr report --help" to see the options');
    return (error as Error).message;
  }
  throw new Error("expected a UsageError");
}

describe("parseFlags", () => {
  it("reads string and boolean flags in both spellings", () => {
    expect(parseFlags(["--orders", "o.csv", "--explain"], SPEC, "report")).toEqual({ orders: "o.csv", explain: true });
    expect(parseFlags(["--orders=o.csv", "-h"], SPEC, "report")).toEqual({ orders: "o.csv", help: true });
    expect(parseFlags([], SPEC, "report")).toEqual({});
  });

  it("turns parse errors into messages that name the flag", () => {
    expect(usageMessage(() => parseFlags(["--ordres", "o.csv"], SPEC, "report"))).toBe("unknown option --ordres");
    expect(usageMessage(() => parseFlags(["--orders"], SPEC, "report"))).toBe("--orders needs a value");
    expect(usageMessage(() => parseFlags(["--explain=yes"], SPEC, "report"))).toBe("--explain takes no value");
    expect(usageMessage(() => parseFlags(["o.csv"], SPEC, "report"))).toBe('unexpected argument "o.csv" (every value follows its --option)');
    expect(usageMessage(() => parseFlags(["--orders", "a", "--orders", "b"], SPEC, "report"))).toBe("--orders is given twice; give it once");
  });
});

describe("value helpers", () => {
  it("requireString insists on a non-blank value", () => {
    expect(requireString({ orders: "o.csv" }, "orders", "report")).toBe("o.csv");
    expect(usageMessage(() => requireString({}, "orders", "report"))).toBe("--orders FILE is required");
    expect(usageMessage(() => requireString({ orders: " " }, "orders", "report"))).toBe("--orders FILE is required");
  });

  it("optionalString trims, and refuses an empty value", () => {
    expect(optionalString({ clicks: " c.csv " }, "clicks", "report")).toBe("c.csv");
    expect(optionalString({}, "clicks", "report")).toBeUndefined();
    expect(usageMessage(() => optionalString({ clicks: "" }, "clicks", "report"))).toBe("--clicks needs a non-empty value");
  });

  it("oneOf accepts a listed choice in any case, else lists the choices", () => {
    const formats = ["table", "json", "csv"] as const;
    expect(oneOf({ format: "JSON" }, "format", formats, "table", "report")).toBe("json");
    expect(oneOf({}, "format", formats, "table", "report")).toBe("table");
    expect(() => oneOf({ format: "xml" }, "format", formats, "table", "report")).toThrow('--format must be table, json or csv, not "xml"');
  });
});
