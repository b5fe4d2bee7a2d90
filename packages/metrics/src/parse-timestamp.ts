/**
 * ISO 8601 with a zone ("2026-03-01T10:15:00Z", "2026-03-01T10:15:00-05:00") or Shopify's export
 * spelling ("2026-03-01 10:15:00 -0500"). A time without a zone is refused: read on another
 * machine it would mean another instant.
 */
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Epoch milliseconds of a timestamp with an explicit zone, as Shopify writes them in webhooks,
 * GraphQL (`DateTime`) and order exports. Returns undefined for anything else: empty text, a time
 * without a zone, impossible dates ("2026-02-30").
 *
 * @example
 * parseTimestamp("2026-03-01T10:15:00-05:00"); // 1772378100000
 * parseTimestamp("2026-03-01 10:15:00 -0500"); // 1772378100000
 * parseTimestamp("2026-03-01 10:15:00");       // undefined
 */
export function parseTimestamp(text: string): number | undefined {
  const m = TIMESTAMP.exec(text.trim());
  if (m === null) return undefined;
  const [, year, month, day, hour, minute, second = "00", fraction = "", zone = "Z"] = m;
  const offset = zone.toUpperCase() === "Z" ? "Z" : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const millis = fraction === "" ? "" : `.${fraction.slice(0, 3).padEnd(3, "0")}`;
  const iso = `${year}-${month}-${day}T${hour}:${minute}:${second}${millis}${offset}`;
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return undefined;
  // Date.parse rolls "02-30" over to March; a date that does not survive the round trip is invalid.
  const utc = new Date(at + offsetMinutes(offset) * 60_000);
  if (utc.getUTCDate() !== Number(day) || utc.getUTCMonth() + 1 !== Number(month)) return undefined;
  return at;
}

function offsetMinutes(offset: string): number {
  if (offset === "Z") return 0;
  const sign = offset.startsWith("-") ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
}
