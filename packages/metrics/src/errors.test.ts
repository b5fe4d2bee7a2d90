import { describe, expect, it } from "vitest";
import { InvalidInputError } from "./errors.js";

describe("InvalidInputError", () => {
  it("says what and where", () => {
    const error = new InvalidInputError("expected a string", { path: "discount_codes[1].code" });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("InvalidInputError");
    expect(error.message).toBe("discount_codes[1].code: expected a string");
    expect(error.path).toBe("discount_codes[1].code");
    expect(error.line).toBeUndefined();
    expect(error.reason).toBe("expected a string");
  });

  it("puts the line first, and needs no location", () => {
    expect(new InvalidInputError("is required", { line: 14, path: "Subtotal" }).message).toBe("line 14: Subtotal: is required");
    expect(new InvalidInputError("bad").message).toBe("bad");
  });

  it("can be relocated under a line and a parent path", () => {
    const inner = new InvalidInputError("not a timestamp", { path: "occurredAt" });
    const outer = inner.at({ line: 3, path: "customerJourneySummary.firstVisit" });
    expect(outer.message).toBe("line 3: customerJourneySummary.firstVisit.occurredAt: not a timestamp");
    expect(outer).toMatchObject({ line: 3, path: "customerJourneySummary.firstVisit.occurredAt", reason: "not a timestamp" });
  });
});
