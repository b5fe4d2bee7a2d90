import { open } from "node:fs/promises";
import type { InputFile } from "./input-file.js";

/** How a data file is laid out. `empty` means nothing but whitespace (or nothing at all). */
export type FileFormat = "csv" | "json-array" | "json-lines" | "empty";

const SNIFF_BYTES = 64 * 1024;

/**
 * Tells CSV, a JSON array and JSON Lines apart by the file's first non-blank character (`[` array,
 * `{` JSON Lines, anything else CSV), which is more reliable than an extension a user may have
 * got wrong. Returns "empty" for an empty or all-whitespace start.
 *
 * @example
 * await sniffFormat(inputFile("orders.jsonl", cwd)); // "json-lines"
 */
export async function sniffFormat(file: InputFile): Promise<FileFormat> {
  const handle = await open(file.path, "r");
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    // Read on through leading blank space, however long, so a padded file is not taken for empty.
    for (let position = 0; ; position += SNIFF_BYTES) {
      const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, position);
      const format = formatOfStart(buffer.subarray(0, bytesRead).toString("utf8"));
      if (format !== "empty" || bytesRead < SNIFF_BYTES) return format;
    }
  } finally {
    await handle.close();
  }
}

/**
 * The format implied by the first non-blank character of `text` (a byte order mark is skipped).
 *
 * @example
 * formatOfStart("\uFEFF  [ {} ]"); // "json-array"
 * formatOfStart("");               // "empty"
 */
export function formatOfStart(text: string): FileFormat {
  const first = /[^\s\uFEFF]/u.exec(text)?.[0];
  if (first === undefined) return "empty";
  if (first === "[") return "json-array";
  if (first === "{") return "json-lines";
  return "csv";
}
