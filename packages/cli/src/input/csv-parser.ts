import { InvalidInputError } from "@icr/metrics";

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** A row longer than this is taken for a file that is not CSV (a stray quote swallowing the rest). */
export const MAX_ROW_CHARS = 1_000_000;

/** Receives each parsed row with the line it starts on. */
export type CsvRowHandler = (values: string[], line: number) => void;

/**
 * An incremental RFC 4180 parser: feed it text in chunks of any size with `push` and call `end`
 * once; it hands each complete row to `onRow` with the line the row starts on. Fields are split on
 * commas; rows end at LF, CRLF or a lone CR; a field in double quotes may hold commas, line breaks
 * and doubled quotes (`""`). A leading byte order mark is dropped. A blank line is a row of one
 * empty field (callers skip those).
 *
 * Written for the orders export, which is tens of megabytes: it is about five times faster than
 * csv-parse on that file (bench/report.bench.js) and gives exact start lines, and tests check it
 * against csv-parse. Bad quoting throws InvalidInputError with the line; an empty input gives no rows.
 *
 * @example
 * const parser = new CsvParser((values, line) => console.log(line, values));
 * parser.push('Name,Notes\n#1001,"two\nlin');
 * parser.push('es"\n#1002,x\n');
 * parser.end();
 * // 1 ["Name", "Notes"]
 * // 2 ["#1001", "two\nlines"]
 * // 4 ["#1002", "x"]
 */
export class CsvParser {
  /** Text of a row not yet complete when the last chunk ended. */
  private pending = "";
  /** Line of the next row's first character. */
  private line = 1;
  private started = false;

  constructor(private readonly onRow: CsvRowHandler) {}

  /** Parses every row `chunk` completes; keeps the unfinished rest for the next chunk. */
  push(chunk: string): void {
    let text = this.pending + chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const consumed = this.parse(text, false);
    this.pending = consumed === text.length ? "" : text.slice(consumed);
    if (this.pending.length > MAX_ROW_CHARS) {
      throw new InvalidInputError(`a row is longer than ${MAX_ROW_CHARS.toLocaleString("en-US")} characters: is this really a CSV file?`, {
        line: this.line,
      });
    }
  }

  /** Parses what is left as the last row (a missing final line break is fine). */
  end(): void {
    const text = this.pending;
    this.pending = "";
    if (text.length > 0) this.parse(text, true);
  }

  /**
   * Parses rows from the start of `text` and returns how many characters they used. Unless
   * `final`, a row is only taken once its line break is seen, so a chunk may end anywhere.
   */
  private parse(text: string, final: boolean): number {
    const length = text.length;
    let rowStart = 0;
    let at = 0;
    while (rowStart < length) {
      const values: string[] = [];
      let line = this.line;
      at = rowStart;
      for (;;) {
        let value: string;
        if (text.charCodeAt(at) === QUOTE) {
          // Quoted field: runs to the quote that is not doubled; may span lines.
          let from = at + 1;
          value = "";
          for (;;) {
            const quote = text.indexOf('"', from);
            if (quote === -1) {
              if (!final) return rowStart;
              throw new InvalidInputError('a quoted field is never closed (a closing " is missing)', { line: this.line });
            }
            const piece = text.slice(from, quote);
            line += countLineBreaks(piece);
            if (quote + 1 === length && !final) return rowStart;
            if (text.charCodeAt(quote + 1) === QUOTE) {
              value += `${piece}"`;
              from = quote + 2;
              continue;
            }
            value += piece;
            at = quote + 1;
            break;
          }
          const next = text.charCodeAt(at);
          if (at < length && next !== COMMA && next !== LF && next !== CR) {
            throw new InvalidInputError('a quoted field has text after its closing " (write "" for a quote inside a field)', { line });
          }
        } else {
          const from = at;
          let code = text.charCodeAt(at);
          while (at < length && code !== COMMA && code !== LF && code !== CR) {
            if (code === QUOTE) {
              throw new InvalidInputError('a " appears inside an unquoted field (quote the whole field and write "" inside it)', { line });
            }
            at += 1;
            code = text.charCodeAt(at);
          }
          value = at === from ? "" : text.slice(from, at);
        }
        values.push(value);
        if (at >= length) {
          if (!final) return rowStart;
          this.emit(values, line + 1);
          return length;
        }
        const code = text.charCodeAt(at);
        if (code === COMMA) {
          at += 1;
          continue;
        }
        // A CR at the very end of a chunk may be the first half of CRLF: wait for the next chunk.
        if (code === CR && at + 1 === length && !final) return rowStart;
        at += code === CR && text.charCodeAt(at + 1) === LF ? 2 : 1;
        this.emit(values, line + 1);
        rowStart = at;
        break;
      }
    }
    return rowStart;
  }

  /** Hands a row over and moves the line counter past it (`nextLine` is the line after the row). */
  private emit(values: string[], nextLine: number): void {
    const line = this.line;
    this.line = nextLine;
    this.onRow(values, line);
  }
}

/** Line breaks in a field's text: CRLF, LF and lone CR each count once. */
function countLineBreaks(text: string): number {
  if (text.indexOf("\n") === -1 && text.indexOf("\r") === -1) return 0;
  let count = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === LF) count += 1;
    else if (code === CR && text.charCodeAt(at + 1) !== LF) count += 1;
  }
  return count;
}
