import { InvalidInputError } from "./errors.js";
import { parseMoney } from "./money.js";
import { parseTimestamp } from "./parse-timestamp.js";

/** A JSON object as parsed, before any field is trusted. */
export type JsonObject = Record<string, unknown>;

/*
 * Typed reads of untrusted JSON for the normalizers. Shopify sends null for absent values, so null
 * and undefined read as "absent"; a value of the wrong type throws InvalidInputError naming its path.
 */

/** `path` of `key` under `base`: "customer" + "email" -> "customer.email". */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === "number") return `${base}[${key}]`;
  return base === "" ? key : `${base}.${key}`;
}

/** Whether a value is a JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `value` as an object; throws InvalidInputError at `path` otherwise. */
export function expectObject(value: unknown, path: string): JsonObject {
  if (!isJsonObject(value)) throw new InvalidInputError(`expected an object, got ${describe(value)}`, { path });
  return value;
}

/** An optional nested object: undefined when absent or null. */
export function optionalObject(obj: JsonObject, key: string, base: string): JsonObject | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  return expectObject(value, joinPath(base, key));
}

/** An optional array: [] when absent or null. */
export function optionalArray(obj: JsonObject, key: string, base: string): unknown[] {
  const value = obj[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    throw new InvalidInputError(`expected an array, got ${describe(value)}`, { path: joinPath(base, key) });
  }
  return value;
}

/** An optional string, trimmed; undefined when absent, null or blank. */
export function optionalString(obj: JsonObject, key: string, base: string): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") {
    throw new InvalidInputError(`expected a string, got ${describe(value)}`, { path: joinPath(base, key) });
  }
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

/** A required, non-blank string. */
export function requiredString(obj: JsonObject, key: string, base: string): string {
  const value = optionalString(obj, key, base);
  if (value === undefined) throw new InvalidInputError("is required", { path: joinPath(base, key) });
  return value;
}

/** An optional boolean; `fallback` when absent or null. */
export function optionalBoolean(obj: JsonObject, key: string, base: string, fallback: boolean): boolean {
  const value = obj[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "boolean") {
    throw new InvalidInputError(`expected true or false, got ${describe(value)}`, { path: joinPath(base, key) });
  }
  return value;
}

/** An optional timestamp (ISO 8601 with a zone), as epoch ms. */
export function optionalTimestamp(obj: JsonObject, key: string, base: string): number | undefined {
  const text = optionalString(obj, key, base);
  if (text === undefined) return undefined;
  const at = parseTimestamp(text);
  if (at === undefined) {
    throw new InvalidInputError(`not a timestamp with a time zone: ${JSON.stringify(text)}`, { path: joinPath(base, key) });
  }
  return at;
}

/** A required timestamp. */
export function requiredTimestamp(obj: JsonObject, key: string, base: string): number {
  const at = optionalTimestamp(obj, key, base);
  if (at === undefined) throw new InvalidInputError("is required", { path: joinPath(base, key) });
  return at;
}

/** An optional money amount (decimal string or JSON number) in minor units of `currency`. */
export function optionalMoney(obj: JsonObject, key: string, base: string, currency: string): number | undefined {
  const value = obj[key];
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string" && typeof value !== "number") {
    throw new InvalidInputError(`expected a decimal amount, got ${describe(value)}`, { path: joinPath(base, key) });
  }
  return money(value, currency, joinPath(base, key));
}

/** `parseMoney`, with its RangeError turned into an InvalidInputError at `path`. */
export function money(amount: string | number, currency: string, path: string, line?: number): number {
  try {
    return parseMoney(amount, currency);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidInputError(reason, line === undefined ? { path } : { path, line });
  }
}

/** A short description of a JSON value for error messages, never the whole value. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "object") return "an object";
  return String(value);
}
