import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import type { Progress } from "../progress.js";
import type { InputFile } from "./input-file.js";
import { inputError } from "./input-error.js";

/** Receives each top-level JSON value with the line it starts on; may throw to stop the read. */
export type JsonVisitor = (value: unknown, line: number) => void;

/**
 * Streams a JSON Lines file: one JSON value per non-blank line. Resolves to the number of values
 * (0 for an empty file). A line that is not valid JSON stops the read with its line number.
 *
 * @example
 * await readJsonLines(inputFile("orders.jsonl", cwd), (order, line) => orders.push({ order, line }));
 */
export async function readJsonLines(file: InputFile, visit: JsonVisitor, progress?: Progress): Promise<number> {
  const lines = createInterface({ input: createReadStream(file.path), crlfDelay: Infinity });
  let line = 0;
  let count = 0;
  try {
    for await (const text of lines) {
      line += 1;
      const source = line === 1 ? text.replace(/^\uFEFF/u, "") : text;
      if (source.trim() === "") continue;
      visit(parseJson(file, source, line, "JSON Lines needs one complete JSON object per line"), line);
      count += 1;
      progress?.update(count);
    }
  } finally {
    lines.close();
  }
  return count;
}

/**
 * Reads a file holding one JSON array and visits its elements with the line each starts on, so a
 * bad element is reported where it is rather than as "somewhere in the file". Resolves to the
 * number of elements (0 for `[]`).
 *
 * @example
 * await readJsonArray(inputFile("roster.json", cwd), (influencer, line) => rows.push({ influencer, line }));
 */
export async function readJsonArray(file: InputFile, visit: JsonVisitor, progress?: Progress): Promise<number> {
  let text: string;
  try {
    text = await readFile(file.path, "utf8");
  } catch (error) {
    // A JSON array is parsed from one string, which V8 caps at about 512 MB; JSON Lines streams.
    if ((error as NodeJS.ErrnoException).code !== "ERR_STRING_TOO_LONG") throw error;
    throw inputError(file.name, undefined, "too large to read as one JSON array: write one JSON object per line (JSON Lines)");
  }
  let count = 0;
  forEachJsonArrayElement(file, text, (source, line) => {
    visit(parseJson(file, source, line, undefined), line);
    count += 1;
    progress?.update(count);
  });
  return count;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const NEWLINE = 0x0a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * Splits the text of a JSON array into its top-level elements' source text and start lines without
 * parsing them (each is then parsed on its own). Strings and nesting are tracked so commas inside
 * them do not split. Visits nothing for `[]`; throws InvalidInputError for text that is not one array.
 *
 * @example
 * forEachJsonArrayElement(file, '[{"a":1},\n{"a":2}]', (text, line) => console.log(line, text));
 * // 1 {"a":1}
 * // 2 {"a":2}
 */
export function forEachJsonArrayElement(
  file: InputFile,
  text: string,
  visit: (source: string, line: number) => void,
): void {
  let line = 1;
  let at = 0;
  const skipBlank = (): void => {
    while (at < text.length) {
      const code = text.charCodeAt(at);
      if (code === NEWLINE) line += 1;
      else if (!isBlank(code)) return;
      at += 1;
    }
  };

  if (text.charCodeAt(0) === 0xfeff) at = 1;
  skipBlank();
  if (text.charCodeAt(at) !== OPEN_BRACKET) throw inputError(file.name, line, "expected a JSON array starting with [");
  at += 1;
  skipBlank();
  if (text.charCodeAt(at) === CLOSE_BRACKET) {
    at += 1;
  } else {
    for (;;) {
      skipBlank();
      const start = at;
      const startLine = line;
      let depth = 0;
      let inString = false;
      for (; at < text.length; at += 1) {
        const code = text.charCodeAt(at);
        if (code === NEWLINE) line += 1;
        if (inString) {
          if (code === BACKSLASH) at += 1;
          else if (code === QUOTE) inString = false;
        } else if (code === QUOTE) {
          inString = true;
        } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
          depth += 1;
        } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
          if (depth === 0) break;
          depth -= 1;
        } else if (code === COMMA && depth === 0) {
          break;
        }
      }
      if (at >= text.length) throw inputError(file.name, line, "the JSON array is never closed (a ] is missing)");
      const source = text.slice(start, at);
      if (source.trim() === "") {
        throw inputError(file.name, startLine, "an empty element in the JSON array (two commas in a row, or a comma before ])");
      }
      visit(source, startLine);
      const code = text.charCodeAt(at);
      at += 1;
      if (code === CLOSE_BRACKET) break;
      if (code === CLOSE_BRACE) throw inputError(file.name, line, "a } with no matching {");
    }
  }
  skipBlank();
  if (at < text.length) throw inputError(file.name, line, "unexpected text after the end of the JSON array");
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d || code === NEWLINE;
}

/**
 * JSON.parse with the engine's message trimmed to its reason and, when the engine gives a position,
 * the failing line located inside `source` (otherwise the line the value starts on).
 */
function parseJson(file: InputFile, source: string, line: number, hint: string | undefined): unknown {
  try {
    return JSON.parse(source) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/u.exec(message)?.[1];
    const offsetLines = position === undefined ? 0 : countNewlines(source, Number(position));
    const reason = message
      .replace(/, ".*" is not valid JSON$/su, "")
      .replace(/\s*(in JSON )?at position \d+.*$/su, "");
    throw inputError(file.name, line + offsetLines, `not valid JSON (${reason})${hint === undefined ? "" : `: ${hint}`}`);
  }
}

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let at = text.indexOf("\n"); at !== -1 && at < end; at = text.indexOf("\n", at + 1)) count += 1;
  return count;
}
