import { InvalidInputError } from "./errors.js";
import { parseMoney } from "./money.js";
import { parseTimestamp } from "./parse-timestamp.js";

/** A JSON object as parsed, before any field is trusted. */
export type JsonObject = Record<string, unknown>;

/*
 * Typed reads of untrusted JSON for the normalizers. Shopify sends null for absent values, so null
 * and undefined read as "absent"; a value of the wrong type throws InvalidInputError naming its path.
 */

/**
 * `path` of `key` under `base`; the key alone under the root ("").
 *
 * @example
 * joinPath("customer", "email"); // "customer.email"
 * joinPath("discount_codes", 1); // "discount_codes[1]"
 */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === "number") return `${base}[${key}]`;
  return base === "" ? key : `${base}.${key}`;
}

/**
 * Whether a value is a JSON object (not null, not an array).
 *
 * @example
 * isJsonObject({}); // true
 * isJsonObject([]); // false
 */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * `value` as an object; throws InvalidInputError at `path` otherwise (null and arrays included).
 *
 * @example
 * expectObject(JSON.parse(body), ""); // the payload, or InvalidInputError "expected an object, got an array"
 */
export function expectObject(value: unknown, path: string): JsonObject {
  if (!isJsonObject(value)) throw new InvalidInputError(`expected an object, got ${describe(value)}`, { path });
  return value;
}

/**
 * An optional nested object: undefined when absent or null; throws at its path when not an object.
 *
 * @example
 * optionalObject(order, "customer", ""); // the customer, or undefined for `"customer": null`
 */
export function optionalObject(obj: JsonObject, key: string, base: string): JsonObject | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  return expectObject(value, joinPath(base, key));
}

/**
 * An optional array: [] when absent or null; throws at its path when not an array.
 *
 * @example
 * optionalArray(order, "discount_codes", ""); // [] for `"discount_codes": null`
 */
export function optionalArray(obj: JsonObject, key: string, base: string): unknown[] {
  const value = obj[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    throw new InvalidInputError(`expected an array, got ${describe(value)}`, { path: joinPath(base, key) });
  }
  return value;
}

/**
 * An optional string, trimmed; undefined when absent, null or blank; throws when not a string.
 *
 * @example
 * optionalString({ name: " #1001 " }, "name", ""); // "#1001"
 * optionalString({ name: "" }, "name", "");        // undefined
 */
export function optionalString(obj: JsonObject, key: string, base: string): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") {
    throw new InvalidInputError(`expected a string, got ${describe(value)}`, { path: joinPath(base, key) });
  }
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

/**
 * A required, non-blank string; throws "is required" at its path when absent, null or blank.
 *
 * @example
 * requiredString({ name: "#1001" }, "name", ""); // "#1001"
 */
export function requiredString(obj: JsonObject, key: string, base: string): string {
  const value = optionalString(obj, key, base);
  if (value === undefined) throw new InvalidInputError("is required", { path: joinPath(base, key) });
  return value;
}

/**
 * An optional boolean; `fallback` when absent or null; throws for "true" and other non-booleans.
 *
 * @example
 * optionalBoolean({ test: null }, "test", "", false); // false
 */
export function optionalBoolean(obj: JsonObject, key: string, base: string, fallback: boolean): boolean {
  const value = obj[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "boolean") {
    throw new InvalidInputError(`expected true or false, got ${describe(value)}`, { path: joinPath(base, key) });
  }
  return value;
}

/**
 * An optional timestamp (ISO 8601 with a zone) as epoch ms; undefined when absent, null or blank.
 *
 * @example
 * optionalTimestamp({ cancelled_at: "2026-03-01T10:15:00-05:00" }, "cancelled_at", ""); // 1772378100000
 */
export function optionalTimestamp(obj: JsonObject, key: string, base: string): number | undefined {
  const text = optionalString(obj, key, base);
  if (text === undefined) return undefined;
  const at = parseTimestamp(text);
  if (at === undefined) {
    throw new InvalidInputError(`not a timestamp with a time zone: ${JSON.stringify(text)}`, { path: joinPath(base, key) });
  }
  return at;
}

/**
 * A required timestamp; throws "is required" when absent, null or blank.
 *
 * @example
 * requiredTimestamp({ created_at: "2026-03-01T15:15:00Z" }, "created_at", ""); // 1772378100000
 */
export function requiredTimestamp(obj: JsonObject, key: string, base: string): number {
  const at = optionalTimestamp(obj, key, base);
  if (at === undefined) throw new InvalidInputError("is required", { path: joinPath(base, key) });
  return at;
}

/**
 * An optional money amount (decimal string or JSON number) in minor units of `currency`; undefined
 * when absent, null or "".
 *
 * @example
 * optionalMoney({ subtotal_price: "40.50" }, "subtotal_price", "", "USD"); // 4050
 */
export function optionalMoney(obj: JsonObject, key: string, base: string, currency: string): number | undefined {
  const value = obj[key];
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string" && typeof value !== "number") {
    throw new InvalidInputError(`expected a decimal amount, got ${describe(value)}`, { path: joinPath(base, key) });
  }
  return money(value, currency, joinPath(base, key));
}

/**
 * `parseMoney`, with its RangeError turned into an InvalidInputError at `path` (and `line`).
 *
 * @example
 * money("0.00", "USD", "Subtotal", 14); // 0
 * money("1,50", "USD", "Subtotal", 14); // throws "line 14: Subtotal: not a decimal amount: \"1,50\""
 */
export function money(amount: string | number, currency: string, path: string, line?: number): number {
  try {
    return parseMoney(amount, currency);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidInputError(reason, line === undefined ? { path } : { path, line });
  }
}

/**
 * A short description of a JSON value for error messages, never the whole value.
 *
 * @example
 * describe(null); // "null"
 * describe({ a: 1 }); // "an object"
 */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "object") return "an object";
  return String(value);
}
