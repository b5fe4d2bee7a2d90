import { InvalidInputError } from "@icr/metrics";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvParser, MAX_ROW_CHARS } from "./csv-parser.js";

/** Parses `chunks` in order and returns every row with its start line. */
function rowsOf(...chunks: string[]): [string[], number][] {
  const rows: [string[], number][] = [];
  const parser = new CsvParser((values, line) => rows.push([values, line]));
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return rows;
}

function failure(...chunks: string[]): string {
  try {
    rowsOf(...chunks);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as Error).message;
  }
  throw new Error("expected an InvalidInputError");
}

/** RFC 4180 §2 rules 5–7: quote a field holding a comma, quote or line break, doubling quotes. */
function writeCsv(rows: string[][], lineEnd: string): string {
  const field = (value: string) => (/[",\r\n]/u.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return rows.map((row) => row.map(field).join(",")).join(lineEnd) + lineEnd;
}

describe("CsvParser", () => {
  it("splits fields and rows, with RFC 4180 quoting (the examples of RFC 4180 §2)", () => {
    expect(rowsOf('aaa,"b""bb",ccc\r\nzzz,"y\r\nyy",xxx\r\n')).toEqual([
      [["aaa", 'b"bb', "ccc"], 1],
      [["zzz", "y\r\nyy", "xxx"], 2],
    ]);
  });

  it("gives each row the line it starts on, across LF, CRLF, lone CR and blank lines", () => {
    expect(rowsOf('a,b\n1,"x\ny"\n\n2,z\r3,w\r\n4,"\r"\n5,e')).toEqual([
      [["a", "b"], 1],
      [["1", "x\ny"], 2],
      [[""], 4],
      [["2", "z"], 5],
      [["3", "w"], 6],
      [["4", "\r"], 7],
      [["5", "e"], 9],
    ]);
  });

  it("drops a byte order mark and keeps empty fields", () => {
    expect(rowsOf("\uFEFFa,,c\n,,\n")).toEqual([
      [["a", "", "c"], 1],
      [["", "", ""], 2],
    ]);
  });

  it("gives no rows for no text", () => {
    expect(rowsOf()).toEqual([]);
    expect(rowsOf("", "")).toEqual([]);
  });

  it("gives the same rows however the text is cut into chunks", () => {
    const text = 'Name,Notes\r\n#1,"say ""hi"",\r\nbye"\r\n#2,\r\n"#3","x"\n#4,\r';
    const whole = rowsOf(text);
    for (let cut = 0; cut <= text.length; cut++) {
      expect(rowsOf(text.slice(0, cut), text.slice(cut)), `cut at ${cut}`).toEqual(whole);
    }
    expect(rowsOf(...text.split(""))).toEqual(whole);
  });

  it("names the line of bad quoting", () => {
    expect(failure('a,b\n1,2\n3,"never\nclosed\n')).toBe('line 3: a quoted field is never closed (a closing " is missing)');
    expect(failure('a,b\n1,"x"y\n')).toBe('line 2: a quoted field has text after its closing " (write "" for a quote inside a field)');
    expect(failure('a,b\n1,"x\n"y\n')).toBe('line 3: a quoted field has text after its closing " (write "" for a quote inside a field)');
    expect(failure('a,b\n1,x"y\n')).toBe('line 2: a " appears inside an unquoted field (quote the whole field and write "" inside it)');
  });

  it("gives up on a row longer than MAX_ROW_CHARS instead of buffering the rest of the file", () => {
    const parser = new CsvParser(() => undefined);
    parser.push('a\n"');
    expect(() => parser.push("x".repeat(MAX_ROW_CHARS + 1))).toThrow(/^line 2: a row is longer than 1,000,000 characters/u);
  });

  const field = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.array(fc.constantFrom("a", "Z", "é", "😀", ",", '"', "\n", "\r", "\r\n", " ", ";"), { maxLength: 8 }).map((parts) => parts.join("")),
  );
  const table = fc
    .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 6 }))
    .chain(([width, height]) => fc.array(fc.array(field, { minLength: width, maxLength: width }), { minLength: height, maxLength: height }))
    // A one-field row holding "" is written as a blank line, which is a blank line: not a round trip.
    .filter((rows) => rows.every((row) => row.length > 1 || row[0] !== ""));

  it("reads back any table written RFC 4180 style, in any chunking (round trip)", () => {
    fc.assert(
      fc.property(table, fc.constantFrom("\n", "\r\n"), fc.integer({ min: 1, max: 20 }), (rows, lineEnd, size) => {
        const text = writeCsv(rows, lineEnd);
        const chunks = text.match(new RegExp(`[^]{1,${size}}`, "gu")) ?? [];
        expect(rowsOf(...chunks).map(([values]) => values)).toEqual(rows);
      }),
      { numRuns: 400 },
    );
  });

  it("agrees with csv-parse, the reference implementation, on valid CSV", () => {
    fc.assert(
      fc.property(table, fc.constantFrom("\n", "\r\n"), (rows, lineEnd) => {
        const text = writeCsv(rows, lineEnd);
        const reference = parse(text, { relax_column_count: true }) as string[][];
        expect(rowsOf(text).map(([values]) => values)).toEqual(reference);
      }),
      { numRuns: 400 },
    );
  });

  it("never fails on random text with anything but InvalidInputError", () => {
    const text = fc.array(fc.constantFrom("a", ",", '"', "\n", "\r", "\uFEFF", "x,y", '""'), { maxLength: 40 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 7 }), (input, size) => {
        const chunks = input.match(new RegExp(`[^]{1,${size}}`, "gu")) ?? [];
        try {
          rowsOf(...chunks);
        } catch (error) {
          if (!(error instanceof InvalidInputError)) throw error;
        }
      }),
      { numRuns: 500 },
    );
  });
});
