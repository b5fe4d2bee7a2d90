import { describe, expect, it } from "vitest";
import { scratchFile } from "../test-files.js";
import { formatOfStart, sniffFormat } from "./sniff-format.js";

describe("formatOfStart", () => {
  it("tells formats apart by the first non-blank character", () => {
    expect(formatOfStart("[{}]")).toBe("json-array");
    expect(formatOfStart('\uFEFF\n {"id":1}')).toBe("json-lines");
    expect(formatOfStart("Name,Email\n")).toBe("csv");
    expect(formatOfStart('"Name",Email')).toBe("csv");
    expect(formatOfStart(" \r\n\t")).toBe("empty");
    expect(formatOfStart("")).toBe("empty");
  });
});

describe("sniffFormat", () => {
  it("reads through leading blank space longer than one read", async () => {
    const file = await scratchFile("padded.json", `${" ".repeat(70_000)}[]`);
    expect(await sniffFormat(file)).toBe("json-array");
  });

  it("calls a blank file empty, whatever its extension", async () => {
    expect(await sniffFormat(await scratchFile("orders.csv", "\n\n"))).toBe("empty");
  });
});
