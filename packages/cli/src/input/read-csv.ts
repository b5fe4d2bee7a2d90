import { createReadStream } from "node:fs";
import type { Progress } from "../progress.js";
import { CsvParser } from "./csv-parser.js";
import type { InputFile } from "./input-file.js";
import { inputError, locate } from "./input-error.js";

/** What a CSV reader does with the file's rows; either callback may throw to stop with an error. */
export interface CsvVisitor {
  /** The first row, with its line number (1 unless the file starts with blank lines). */
  header(names: string[], line: number): void;
  /** A data row, as many fields as the header, with the line it starts on. */
  row(values: string[], line: number): void;
}

/** Read size: 1 MB chunks keep a large export's read to a few dozen steps. */
const CHUNK_BYTES = 1 << 20;

/**
 * Streams a CSV file (RFC 4180, UTF-8 with or without BOM, LF, CRLF or CR) to `visitor`, one row
 * at a time, so a 100 MB export never sits in memory as a whole. Every row carries the line it
 * starts on (quoted fields may span lines); blank lines are skipped; a row whose field count
 * differs from the header's stops the read. Resolves to the number of data rows (0 for an empty
 * file). Errors are InvalidInputError naming the file and line.
 *
 * @example
 * const rows: string[][] = [];
 * await readCsv(inputFile("roster.csv", cwd), {
 *   header: (names) => check(names),
 *   row: (values) => rows.push(values),
 * });
 */
export async function readCsv(file: InputFile, visitor: CsvVisitor, progress?: Progress): Promise<number> {
  let width = -1;
  let rows = 0;
  let lastLine = 1;
  const parser = new CsvParser((values, line) => {
    lastLine = line;
    if (values.length === 1 && values[0] === "") return;
    if (width < 0) {
      width = values.length;
      checkHeaderNames(file, values, line);
      visitor.header(values, line);
      return;
    }
    if (values.length !== width) {
      throw inputError(file.name, line, `has ${values.length} fields but the header has ${width} (a comma inside a value needs "quotes")`);
    }
    rows += 1;
    visitor.row(values, line);
    progress?.update(rows);
  });
  const stream = createReadStream(file.path, { encoding: "utf8", highWaterMark: CHUNK_BYTES });
  try {
    for await (const chunk of stream) parser.push(chunk as string);
    parser.end();
  } catch (error) {
    throw locate(error, file.name, lastLine);
  } finally {
    stream.destroy();
  }
  return rows;
}

function checkHeaderNames(file: InputFile, names: string[], line: number): void {
  const seen = new Set<string>();
  for (const name of names) {
    const key = name.trim().toLowerCase();
    if (seen.has(key)) throw inputError(file.name, line, `column "${name.trim()}" appears twice in the header`);
    seen.add(key);
  }
}
