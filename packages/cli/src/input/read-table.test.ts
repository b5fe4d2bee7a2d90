import { InvalidInputError } from "@icr/metrics";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scratchFile } from "../test-files.js";
import { readTable, splitList, type TableRecord, type TableSpec } from "./read-table.js";

const SPEC: TableSpec = { columns: ["handle", "codes", "userAgent"], required: ["handle"], lists: ["codes"] };

async function read(name: string, text: string): Promise<[TableRecord, number][]> {
  const file = await scratchFile(name, text);
  const rows: [TableRecord, number][] = [];
  await readTable(file, SPEC, (record, line) => rows.push([record, line]));
  return rows;
}

async function problem(name: string, text: string): Promise<string> {
  const error = await read(name, text).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidInputError);
  return (error as Error).message;
}

describe("readTable", () => {
  it("reads CSV with columns in any order and any case, filling absent ones with ''", async () => {
    expect(await read("r.csv", "CODES, Handle\nA;B,alice\n")).toEqual([[{ handle: "alice", codes: "A;B", userAgent: "" }, 2]]);
  });

  it("reads a JSON array and JSON Lines the same way, lists as arrays or text", async () => {
    const expected = [[{ handle: "alice", codes: "A;B", userAgent: "" }, 1]];
    expect(await read("r.json", '[{"handle":"alice","codes":["A","B"]}]')).toEqual(expected);
    expect(await read("r.jsonl", '{"handle":"alice","codes":"A;B","useragent":null}\n')).toEqual(expected);
  });

  it("turns JSON numbers into text", async () => {
    expect(await read("r.jsonl", '{"handle":42}\n')).toEqual([[{ handle: "42", codes: "", userAgent: "" }, 1]]);
  });

  it("reads an empty file as no rows", async () => {
    expect(await read("r.csv", "")).toEqual([]);
    expect(await read("r.csv", "\n \n")).toEqual([]);
  });

  it("rejects unknown columns and keys, naming them and the expected ones", async () => {
    expect(await problem("r.csv", "handle,email\nalice,a@x.io\n")).toBe(
      'r.csv:1: unknown column "email": expected handle, codes, userAgent',
    );
    expect(await problem("r.jsonl", '{"handle":"a"}\n{"handle":"b","mail":"x"}\n')).toBe(
      'r.jsonl:2: unknown key "mail": expected handle, codes, userAgent',
    );
  });

  it("rejects a header without a required column", async () => {
    expect(await problem("r.csv", "codes\nA\n")).toBe('r.csv:1: the header lacks the column "handle" (columns: handle,codes,userAgent)');
  });

  it("rejects JSON values of the wrong type", async () => {
    expect(await problem("r.jsonl", '{"handle":true}\n')).toBe('r.jsonl:1: "handle" must be a text');
    expect(await problem("r.jsonl", '{"handle":["a"]}\n')).toBe('r.jsonl:1: "handle" must be a text');
    expect(await problem("r.jsonl", '{"handle":"a","codes":[1]}\n')).toBe('r.jsonl:1: "codes" must be a list of texts without ";"');
    expect(await problem("r.jsonl", '{"handle":"a","codes":["A;B"]}\n')).toBe('r.jsonl:1: "codes" must be a list of texts without ";"');
    expect(await problem("r.json", '[{"handle":"a"},\n"alice"]')).toBe(
      "r.json:2: expected a JSON object with the fields handle, codes, userAgent",
    );
  });

  it("never crashes on random bytes: rows or a clean InvalidInputError", async () => {
    const bytes = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.array(fc.constantFrom("handle", "codes", ",", ";", '"', "\n", "\r\n", "{", "}", "[", "]", ":", "x", " "), { maxLength: 60 }).map((parts) => parts.join("")),
      fc.uint8Array({ maxLength: 200 }).map((array) => Buffer.from(array).toString("latin1")),
    );
    await fc.assert(
      fc.asyncProperty(bytes, async (text) => {
        try {
          await read("fuzz.txt", text);
        } catch (error) {
          if (!(error instanceof InvalidInputError)) throw error;
          expect(error.message).toMatch(/^fuzz\.txt(:\d+)?: \S/u);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("splitList", () => {
  it("splits on ';', trims and drops empty items", () => {
    expect(splitList(" A ; B;;C; ")).toEqual(["A", "B", "C"]);
    expect(splitList("")).toEqual([]);
  });
});
