const DAY = /^(\d{4})-(\d{2})-(\d{2})$/u;

/**
 * Checks a calendar day written `YYYY-MM-DD` (as engagement files carry them) and returns it
 * trimmed, or undefined when it is not one (wrong shape, month 13, February 30th, empty).
 *
 * @example
 * parseDay("2024-02-29"); // "2024-02-29" (leap year)
 * parseDay("2023-02-29"); // undefined
 * parseDay("");           // undefined
 */
export function parseDay(text: string): string | undefined {
  const trimmed = text.trim();
  const match = DAY.exec(trimmed);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return undefined;
  // Day 0 of the next month is the last day of this one; setUTCFullYear keeps years 0–99 as they are.
  const lastOfMonth = new Date(0);
  lastOfMonth.setUTCFullYear(year, month, 0);
  return day <= lastOfMonth.getUTCDate() ? trimmed : undefined;
}
