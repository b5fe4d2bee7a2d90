import { dayNumberFromCivil, FIRST_DAY_NUMBER, formatDayNumber, LAST_DAY_NUMBER, MS_PER_DAY, parseDay } from "./civil-day.js";

const MS_PER_HOUR = 3_600_000;

/** Timestamps whose local day is writable as YYYY-MM-DD in every zone (a day of margin each side). */
const FIRST_AT = (FIRST_DAY_NUMBER + 1) * MS_PER_DAY;
const LAST_AT = LAST_DAY_NUMBER * MS_PER_DAY - 1;

/** Hours remembered per zone before the memo is dropped (about 23 years of hours). */
const MAX_MEMO_HOURS = 200_000;

/** eachDay refuses longer ranges: no report needs them, and a typo'd year should not allocate millions. */
const MAX_EACH_DAY = 100_000;

/** Marks an hour that contains an offset change: days in it are computed one timestamp at a time. */
const TRANSITION = Number.NaN;

interface ZoneMemo {
  formatter: Intl.DateTimeFormat;
  /** UTC offset (ms) in force at the start of each UTC hour, keyed by hour index. */
  offsetAtHour: Map<number, number>;
  /** The offset valid for the whole hour, or TRANSITION. */
  hourOffset: Map<number, number>;
}

const memos = new Map<string, ZoneMemo>();

function memoFor(timeZone: string): ZoneMemo {
  const existing = memos.get(timeZone);
  if (existing !== undefined) return existing;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  } catch {
    throw new RangeError(`unknown time zone: ${JSON.stringify(timeZone)} (use an IANA name such as "Europe/Paris")`);
  }
  const memo: ZoneMemo = { formatter, offsetAtHour: new Map(), hourOffset: new Map() };
  memos.set(timeZone, memo);
  return memo;
}

/** The zone's UTC offset at an instant, to the second, read from Intl (the slow, exact path). */
function offsetAt(formatter: Intl.DateTimeFormat, at: number): number {
  const fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatter.formatToParts(at)) {
    if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
  }
  const localMs =
    dayNumberFromCivil(fields.year, fields.month, fields.day) * MS_PER_DAY +
    (fields.hour % 24) * MS_PER_HOUR +
    fields.minute * 60_000 +
    fields.second * 1000;
  return localMs - Math.floor(at / 1000) * 1000;
}

function offsetAtHourStart(memo: ZoneMemo, hour: number): number {
  let offset = memo.offsetAtHour.get(hour);
  if (offset === undefined) {
    offset = offsetAt(memo.formatter, hour * MS_PER_HOUR);
    memo.offsetAtHour.set(hour, offset);
  }
  return offset;
}

/**
 * The offset in force during a UTC hour. Offset changes happen months apart, so when the hour
 * starts and ends with the same offset, that offset holds for all of it; Intl is asked twice per
 * hour and never per row. Hours that hold a change (a couple a year) are computed per timestamp.
 */
function offsetFor(memo: ZoneMemo, at: number): number {
  const hour = Math.floor(at / MS_PER_HOUR);
  let offset = memo.hourOffset.get(hour);
  if (offset === undefined) {
    if (memo.hourOffset.size >= MAX_MEMO_HOURS) {
      memo.hourOffset.clear();
      memo.offsetAtHour.clear();
    }
    const start = offsetAtHourStart(memo, hour);
    offset = start === offsetAtHourStart(memo, hour + 1) ? start : TRANSITION;
    memo.hourOffset.set(hour, offset);
  }
  return Number.isNaN(offset) ? offsetAt(memo.formatter, at) : offset;
}

/**
 * The calendar day ("YYYY-MM-DD") of an instant in an IANA time zone: the day rollups file a click
 * or an order under. Correct across daylight-saving changes and half-hour zones; fast enough for
 * million-row loops (Intl is consulted about twice per distinct hour, then memoized per zone).
 *
 * @param at epoch milliseconds (UTC).
 * @param timeZone IANA name; "UTC" by default.
 * @returns the local date, e.g. "2024-03-10".
 * @throws RangeError for an unknown zone, or a timestamp that is not finite or outside years 1–9999.
 * @example
 * dayOf(Date.UTC(2024, 0, 1, 3));                        // "2024-01-01"
 * dayOf(Date.UTC(2024, 0, 1, 3), "America/Los_Angeles"); // "2023-12-31"
 */
export function dayOf(at: number, timeZone = "UTC"): string {
  if (typeof at !== "number" || !(at >= FIRST_AT && at <= LAST_AT)) {
    throw new RangeError(`not a timestamp in years 1 to 9999: ${String(at)}`);
  }
  const offset = timeZone === "UTC" ? 0 : offsetFor(memoFor(timeZone), at);
  return formatDayNumber(Math.floor((at + offset) / MS_PER_DAY));
}

/**
 * The ISO week a day belongs to, named by its Monday.
 *
 * @returns the Monday on or before `day`, as "YYYY-MM-DD" (a Monday returns itself).
 * @throws RangeError when `day` is not a real "YYYY-MM-DD" date.
 * @example
 * weekOf("2024-01-03"); // "2024-01-01"
 * weekOf("2025-01-01"); // "2024-12-30"
 */
export function weekOf(day: string): string {
  const dayNumber = parseDay(day);
  // 1970-01-01 was a Thursday: three days after a Monday.
  const sinceMonday = (((dayNumber + 3) % 7) + 7) % 7;
  return formatDayNumber(dayNumber - sinceMonday);
}

/**
 * The month a day belongs to.
 *
 * @returns "YYYY-MM".
 * @throws RangeError when `day` is not a real "YYYY-MM-DD" date.
 * @example
 * monthOf("2024-02-29"); // "2024-02"
 */
export function monthOf(day: string): string {
  parseDay(day);
  return day.slice(0, 7);
}

/**
 * Whole days from `from` to `to` (signed).
 *
 * @returns 0 for the same day, negative when `to` is earlier.
 * @throws RangeError when either is not a real "YYYY-MM-DD" date.
 * @example
 * daysBetween("2024-02-28", "2024-03-01"); // 2
 */
export function daysBetween(from: string, to: string): number {
  return parseDay(to) - parseDay(from);
}

/**
 * Every day from `from` to `to`, both included, in order.
 *
 * @returns `[]` when `to` is before `from`; `[from]` when they are equal.
 * @throws RangeError for a malformed day, or a range longer than 100,000 days.
 * @example
 * eachDay("2024-02-28", "2024-03-01"); // ["2024-02-28", "2024-02-29", "2024-03-01"]
 */
export function eachDay(from: string, to: string): string[] {
  const first = parseDay(from);
  const last = parseDay(to);
  if (last - first + 1 > MAX_EACH_DAY) {
    throw new RangeError(`${from} to ${to} is more than ${MAX_EACH_DAY} days`);
  }
  const days: string[] = [];
  for (let n = first; n <= last; n++) days.push(formatDayNumber(n));
  return days;
}
