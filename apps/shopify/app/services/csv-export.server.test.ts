import { describe, expect, it } from "vitest";
import { csvResponse, toCsv } from "./csv-export.server";

describe("toCsv (RFC 4180)", () => {
  it("writes a header and rows with CRLF", () => {
    expect(toCsv(["handle", "rate"], [["alice", 5], ["bob", null]])).toBe("handle,rate\r\nalice,5\r\nbob,\r\n");
  });

  it("quotes commas, quotes and line breaks, doubling quotes (RFC 4180 §2.6–2.7)", () => {
    expect(toCsv(["name"], [['Maya "M" Chen, NYC'], ["two\nlines"]])).toBe('name\r\n"Maya ""M"" Chen, NYC"\r\n"two\nlines"\r\n');
  });

  it("defuses text a spreadsheet would run as a formula, but not negative numbers", () => {
    expect(toCsv(["a", "b", "c"], [["=HYPERLINK(\"x\")", "@sum", -3]])).toBe('a,b,c\r\n"\'=HYPERLINK(""x"")",\'@sum,-3\r\n');
  });

  it("writes the header alone for no rows, and refuses ragged rows", () => {
    expect(toCsv(["a"], [])).toBe("a\r\n");
    expect(() => toCsv(["a", "b"], [["x"]])).toThrow(/row 1 has 1 cells/);
  });

  it("answers an attachment with a BOM and a safe file name", async () => {
    const response = csvResponse("rates 2026/03.csv", "a\r\n");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="rates_2026_03.csv"');
    // text() would strip the BOM while decoding: read the bytes.
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a]);
  });
});
