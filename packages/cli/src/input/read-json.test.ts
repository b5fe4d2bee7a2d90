import { InvalidInputError } from "@icr/metrics";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scratchFile } from "../test-files.js";
import { inputFile } from "./input-file.js";
import { forEachJsonArrayElement, readJsonArray, readJsonLines } from "./read-json.js";

const FILE = inputFile("orders.json", "/tmp");

function elements(text: string): { source: string; line: number }[] {
  const found: { source: string; line: number }[] = [];
  forEachJsonArrayElement(FILE, text, (source, line) => found.push({ source, line }));
  return found;
}

function problemOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInputError) return error.message;
    throw error;
  }
  throw new Error("expected an InvalidInputError");
}

describe("forEachJsonArrayElement", () => {
  it("finds each top-level element and the line it starts on", () => {
    const text = '\uFEFF[\n  {"id": 1, "note": "a, [b]"},\n  {"id": 2,\n   "tags": ["x", {"y": "}"}]},\n\n  3\n]\n';
    expect(elements(text)).toEqual([
      { source: '{"id": 1, "note": "a, [b]"}', line: 2 },
      { source: '{"id": 2,\n   "tags": ["x", {"y": "}"}]}', line: 3 },
      { source: "3\n", line: 6 },
    ]);
  });

  it("handles escaped quotes inside strings and an empty array", () => {
    expect(elements('[{"a": "say \\"hi\\", ok"}]')).toEqual([{ source: '{"a": "say \\"hi\\", ok"}', line: 1 }]);
    expect(elements(" [ ] ")).toEqual([]);
  });

  it("rejects what is not exactly one array, naming the line", () => {
    expect(problemOf(() => elements('{"a": 1}'))).toBe("orders.json:1: expected a JSON array starting with [");
    expect(problemOf(() => elements("[\n{},\n{}"))).toBe("orders.json:3: the JSON array is never closed (a ] is missing)");
    expect(problemOf(() => elements("[{},\n]"))).toMatch(/^orders\.json:2: an empty element/u);
    expect(problemOf(() => elements("[{}]\n[{}]"))).toBe("orders.json:2: unexpected text after the end of the JSON array");
    expect(problemOf(() => elements("[1}]"))).toBe("orders.json:1: a } with no matching {");
  });
});

describe("readJsonArray", () => {
  it("parses each element and reports a bad one at its own line", async () => {
    const file = await scratchFile("roster.json", '[\n {"handle": "alice"},\n {"handle": "bob",\n  "codes": [1,]}\n]');
    const seen: number[] = [];
    const error = await readJsonArray(file, (_, line) => seen.push(line)).catch((e: unknown) => e);
    expect(seen).toEqual([2]);
    expect(error).toBeInstanceOf(InvalidInputError);
    // Node 20's V8 gives no position for this error, so the element's first line is named.
    expect((error as Error).message).toMatch(/^roster\.json:[34]: not valid JSON \(Unexpected token '\]'/u);
  });

  it("counts the elements it visited", async () => {
    const file = await scratchFile("a.json", '[{"a":1},{"a":2}]');
    const values: unknown[] = [];
    expect(await readJsonArray(file, (value) => values.push(value))).toBe(2);
    expect(values).toEqual([{ a: 1 }, { a: 2 }]);
  });
});

describe("readJsonLines", () => {
  it("reads one value per line, skipping blank lines, with CRLF and a BOM", async () => {
    const file = await scratchFile("orders.jsonl", '\uFEFF{"id":1}\r\n\r\n{"id":2}\r\n');
    const seen: [unknown, number][] = [];
    expect(await readJsonLines(file, (value, line) => seen.push([value, line]))).toBe(2);
    expect(seen).toEqual([
      [{ id: 1 }, 1],
      [{ id: 2 }, 3],
    ]);
  });

  it("says a pretty-printed object is not JSON Lines", async () => {
    const file = await scratchFile("orders.jsonl", '{"id":1}\n{\n  "id": 2\n}\n');
    const error = await readJsonLines(file, () => undefined).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /^orders\.jsonl:2: not valid JSON \(.+\): JSON Lines needs one complete JSON object per line$/u,
    );
  });

  it("passes on what the visitor throws, stopping the read", async () => {
    const file = await scratchFile("orders.jsonl", '{"id":1}\n{"id":2}\n');
    let calls = 0;
    const error = await readJsonLines(file, () => {
      calls += 1;
      throw new InvalidInputError("nope", { line: 1 });
    }).catch((e: unknown) => e);
    expect(calls).toBe(1);
    expect((error as Error).message).toBe("line 1: nope");
  });
});

describe("JSON readers on random input", () => {
  it("either visit values or fail with InvalidInputError, never anything else", () => {
    const text = fc.oneof(
      fc.string(),
      fc.json().map((json) => `[${json}`),
      fc.array(fc.oneof(fc.json(), fc.constantFrom("[", "]", "{", "}", ",", '"', "\\", "\n")), { maxLength: 30 }).map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(text, (input) => {
        try {
          forEachJsonArrayElement(FILE, input, (source) => JSON.parse(source) as unknown);
        } catch (error) {
          if (error instanceof InvalidInputError) return;
          if (error instanceof SyntaxError) return; // the element parse above, not the scanner
          throw error;
        }
      }),
      { numRuns: 500 },
    );
  });
});
