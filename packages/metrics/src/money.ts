import type { MinorUnits } from "./types.js";

/** ISO 4217 codes are three letters; anything else is a typo, not a currency. */
const CURRENCY_CODE = /^[A-Za-z]{3}$/;

/** Optional sign, digits, optional fraction: "12", "-0.50", "12.", ".5". No exponents, no separators. */
const DECIMAL_AMOUNT = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** Intl lookups are slow next to a Map hit, and amounts are parsed per order in bulk imports. */
const digitsByCurrency = new Map<string, number>();

/**
 * ISO 4217 minor units where CLDR (Intl) shows fewer digits because the minor unit is out of use in
 * cash. Shopify's amounts follow ISO 4217 ("1234.50" HUF is a real subtotal), so parsing must too.
 */
const ISO_MINOR_UNITS_WHERE_CLDR_DIFFERS: Readonly<Record<string, number>> = {
  AFN: 2, ALL: 2, COP: 2, HUF: 2, IDR: 2, IQD: 3, IRR: 2, KPW: 2,
  LAK: 2, LBP: 2, MGA: 2, MMK: 2, PKR: 2, SOS: 2, SYP: 2, YER: 2,
};

/**
 * Decimal places of a currency's minor unit per ISO 4217: USD 2, JPY 0, KWD 3, HUF 2.
 * Intl (CLDR) answers for most codes; a short table covers those whose ISO exponent CLDR does
 * not display (HUF, IDR, IQD…). An unknown but ISO-looking code gets 2, the most common case.
 *
 * @returns a count of decimals (0 to 3 for every current currency).
 * @throws RangeError when `currency` is not three letters.
 * @example
 * currencyDigits("USD"); // 2
 * currencyDigits("JPY"); // 0
 * currencyDigits("KWD"); // 3
 * currencyDigits("HUF"); // 2
 */
export function currencyDigits(currency: string): number {
  if (typeof currency !== "string" || !CURRENCY_CODE.test(currency)) {
    throw new RangeError(`not an ISO 4217 currency code: ${JSON.stringify(currency)}`);
  }
  const code = currency.toUpperCase();
  const cached = digitsByCurrency.get(code);
  if (cached !== undefined) return cached;
  let digits = ISO_MINOR_UNITS_WHERE_CLDR_DIFFERS[code];
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2; // Intl rejects only malformed codes, which the pattern above already caught.
    }
  }
  digitsByCurrency.set(code, digits);
  return digits;
}

/**
 * Parses a decimal amount ("12.3", "-0.50", or a JSON number) into integer minor units, exactly:
 * the digits are moved, never multiplied as floats, so "0.29" is 29 and not 28.999….
 *
 * Extra decimals are accepted only when they are zeros ("12.300" USD is 1230); "12.345" USD is
 * rejected rather than silently rounded, because money that does not add up must be noticed.
 *
 * @returns minor units; 0 for "0", "0.00" or "-0".
 * @throws RangeError naming the value for "", "abc", "1e5", "1,000", non-finite numbers, more
 *   decimals than the currency has, or an amount beyond Number.MAX_SAFE_INTEGER minor units.
 * @example
 * parseMoney("12.3", "USD");  // 1230
 * parseMoney("-0.5", "USD");  // -50
 * parseMoney(1500, "JPY");    // 1500
 */
export function parseMoney(amount: string | number, currency: string): MinorUnits {
  const digits = currencyDigits(currency);
  const shown = typeof amount === "string" ? JSON.stringify(amount) : String(amount);
  const text = typeof amount === "number" ? String(amount) : typeof amount === "string" ? amount.trim() : "";
  const match = DECIMAL_AMOUNT.exec(text);
  const sign = match?.[1] ?? "";
  const whole = match?.[2] ?? "";
  const fraction = match?.[3] ?? "";
  if (match === null || (whole === "" && fraction === "")) {
    throw new RangeError(`not a decimal amount: ${shown}`);
  }
  const kept = fraction.slice(0, digits);
  if (/[^0]/.test(fraction.slice(digits))) {
    throw new RangeError(
      `${shown} has more decimals than ${currency.toUpperCase()} allows (${digits})`,
    );
  }
  const magnitude = Number(`${whole}${kept.padEnd(digits, "0")}`);
  if (!Number.isSafeInteger(magnitude)) {
    throw new RangeError(`${shown} is too large to count exactly in minor units`);
  }
  if (magnitude === 0) return 0;
  return sign === "-" ? -magnitude : magnitude;
}

/**
 * Formats integer minor units as a plain decimal string in the currency's precision, the form
 * the CLI's JSON and CSV carry (no symbol, no grouping: that is the display layer's business).
 *
 * @returns e.g. "12.34"; "0.00" for 0 in USD; a leading "-" for negative amounts.
 * @throws RangeError when `minor` is not a safe integer or the currency code is malformed.
 * @example
 * formatMoney(1234, "USD"); // "12.34"
 * formatMoney(1234, "JPY"); // "1234"
 * formatMoney(-50, "USD");  // "-0.50"
 */
export function formatMoney(minor: MinorUnits, currency: string): string {
  if (!Number.isSafeInteger(minor)) {
    throw new RangeError(`minor units must be a safe integer, got ${String(minor)}`);
  }
  const digits = currencyDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const padded = String(Math.abs(minor)).padStart(digits + 1, "0");
  if (digits === 0) return `${sign}${padded}`;
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}
