// Calendar days as integers (days since 1970-01-01), with the proleptic Gregorian conversions of
// Howard Hinnant's "chrono-Compatible Low-Level Date Algorithms": plain integer arithmetic, no
// Date objects, so day arithmetic in million-row loops stays cheap and exact.

/** Milliseconds in a civil day (UTC has no leap seconds in epoch time). */
export const MS_PER_DAY = 86_400_000;

/** 0001-01-01 and 9999-12-31 as day numbers: the years a YYYY-MM-DD string can spell. */
export const FIRST_DAY_NUMBER = -719_162;
export const LAST_DAY_NUMBER = 2_932_896;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Day number of a proleptic Gregorian date (month 1–12, day 1–31, not validated here).
 *
 * @returns days since 1970-01-01; 0 for 1970-01-01, negative before.
 * @example
 * dayNumberFromCivil(1970, 1, 1); // 0
 * dayNumberFromCivil(2000, 3, 1); // 11017
 */
export function dayNumberFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = (month + 9) % 12; // March = 0, so leap days fall at the end of the year.
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * The date of a day number, as "YYYY-MM-DD".
 *
 * @returns the ISO date; "1970-01-01" for 0.
 * @throws RangeError outside years 1–9999 (not writable as YYYY) or for a non-integer.
 * @example
 * formatDayNumber(0);     // "1970-01-01"
 * formatDayNumber(19723); // "2024-01-01"
 */
export function formatDayNumber(dayNumber: number): string {
  if (!Number.isInteger(dayNumber) || dayNumber < FIRST_DAY_NUMBER || dayNumber > LAST_DAY_NUMBER) {
    throw new RangeError(`day number ${String(dayNumber)} is outside years 1 to 9999`);
  }
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

/**
 * Parses a strict "YYYY-MM-DD" calendar date into its day number.
 *
 * @returns days since 1970-01-01.
 * @throws RangeError naming the text when it is not a real date ("2024-02-30", "2024-1-5", "").
 * @example
 * parseDay("1970-01-02"); // 1
 * parseDay("2024-02-29"); // 19782
 */
export function parseDay(day: string): number {
  const match = typeof day === "string" ? DAY_PATTERN.exec(day) : null;
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const dayOfMonth = Number(match?.[3]);
  if (match === null || year < 1 || month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > daysInMonth(year, month)) {
    throw new RangeError(`not a calendar day (YYYY-MM-DD): ${JSON.stringify(day)}`);
  }
  return dayNumberFromCivil(year, month, dayOfMonth);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
