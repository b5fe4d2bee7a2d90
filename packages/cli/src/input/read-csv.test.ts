import { InvalidInputError } from "@icr/metrics";
import { describe, expect, it } from "vitest";
import { scratchFile } from "../test-files.js";
import { inputFile } from "./input-file.js";
import { readCsv } from "./read-csv.js";

async function readAll(name: string, text: string) {
  const file = await scratchFile(name, text);
  const header: { names: string[]; line: number }[] = [];
  const rows: { values: string[]; line: number }[] = [];
  const count = await readCsv(file, {
    header: (names, line) => header.push({ names, line }),
    row: (values, line) => rows.push({ values, line }),
  });
  return { header, rows, count };
}

async function failure(name: string, text: string): Promise<string> {
  const error = await readAll(name, text).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidInputError);
  return (error as Error).message;
}

describe("readCsv", () => {
  it("gives the header, then each row with the line it starts on (RFC 4180 quoting)", async () => {
    const { header, rows, count } = await readAll(
      "orders.csv",
      'Name,Notes,Total\n#1001,"two\nlines",10.00\n\n#1002,"say ""hi"", ok",5.00\n#1003,,1\n',
    );
    expect(header).toEqual([{ names: ["Name", "Notes", "Total"], line: 1 }]);
    expect(rows).toEqual([
      { values: ["#1001", "two\nlines", "10.00"], line: 2 },
      { values: ["#1002", 'say "hi", ok', "5.00"], line: 5 },
      { values: ["#1003", "", "1"], line: 6 },
    ]);
    expect(count).toBe(3);
  });

  it("keeps line numbers exact with CRLF line ends, quoted CRLF and a byte order mark", async () => {
    const { header, rows } = await readAll("a.csv", '\uFEFFa,b\r\n1,"x\r\ny"\r\n\r\n2,z\r\n');
    expect(header[0]?.names).toEqual(["a", "b"]);
    expect(rows).toEqual([
      { values: ["1", "x\r\ny"], line: 2 },
      { values: ["2", "z"], line: 5 },
    ]);
  });

  it("reads an empty file as no header and no rows", async () => {
    expect(await readAll("empty.csv", "")).toEqual({ header: [], rows: [], count: 0 });
  });

  it("stops at a row whose field count differs from the header's", async () => {
    expect(await failure("roster.csv", "handle,codes\nalice,A1\nbob,B1,B2\n")).toBe(
      'roster.csv:3: has 3 fields but the header has 2 (a comma inside a value needs "quotes")',
    );
  });

  it("names the line of an unclosed quote and of a stray quote", async () => {
    expect(await failure("a.csv", 'a,b\n1,2\n3,"never\nclosed\n')).toBe(
      'a.csv:3: a quoted field is never closed (a closing " is missing)',
    );
    expect(await failure("a.csv", 'a,b\n1,"x"y\n')).toMatch(/^a\.csv:2: a quoted field has text after its closing "/u);
  });

  it("rejects a header that names a column twice", async () => {
    expect(await failure("a.csv", "handle,Handle\nx,y\n")).toBe('a.csv:1: column "Handle" appears twice in the header');
  });

  it("stops at the first error a visitor throws and reads no further", async () => {
    const file = await scratchFile("a.csv", "a\n1\n2\n3\n");
    const seen: string[] = [];
    const error = await readCsv(file, {
      header: () => undefined,
      row: (values, line) => {
        seen.push(values[0] ?? "");
        if (line === 3) throw new InvalidInputError("bad row", { line });
      },
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe("a.csv:3: bad row");
    expect(seen).toEqual(["1", "2"]);
  });

  it("rejects a missing file through the stream error", async () => {
    const error = await readCsv(inputFile("nope.csv", "/nonexistent-dir"), {
      header: () => undefined,
      row: () => undefined,
    }).catch((e: unknown) => e);
    expect((error as NodeJS.ErrnoException).code).toBe("ENOENT");
  });
});
