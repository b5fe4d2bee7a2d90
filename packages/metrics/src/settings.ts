import type { AttributionSettings, Rule, TouchModel } from "./types.js";

const RULES: readonly Rule[] = ["code", "link", "utm"];
const TOUCH_MODELS: readonly TouchModel[] = ["last", "first"];
/** Longest window accepted: a year. Older clicks say nothing about today's orders. */
export const MAX_WINDOW_DAYS = 365;

/**
 * The defaults of METRICS.md §4: a 30-day window, last touch, precedence code > link > utm, and
 * self-referral checked by email and by customer id. Frozen: derive new settings with
 * `resolveSettings`.
 *
 * @example
 * DEFAULT_ATTRIBUTION_SETTINGS.windowDays; // 30
 */
export const DEFAULT_ATTRIBUTION_SETTINGS: Readonly<AttributionSettings> = deepFreeze({
  windowDays: 30,
  touch: "last",
  precedence: ["code", "link", "utm"],
  selfReferral: { byEmail: true, byCustomerId: true },
});

/** A shop's overrides, as stored or posted; any field may be missing. */
export interface PartialAttributionSettings {
  windowDays?: number;
  touch?: TouchModel;
  precedence?: readonly Rule[];
  selfReferral?: Partial<AttributionSettings["selfReferral"]>;
}

/**
 * Complete, validated, frozen settings: `partial` over the defaults. `precedence` lists the rules
 * highest first; a rule left out of it is switched off (its evidence is ignored). Throws RangeError
 * for a window that is not a whole number of days in 1..365, an unknown touch model, an empty
 * precedence list, or an unknown or repeated rule. Returns the defaults for `{}` or undefined.
 *
 * @example
 * resolveSettings({ windowDays: 7, precedence: ["link", "code"] });
 * // { windowDays: 7, touch: "last", precedence: ["link", "code"], selfReferral: { byEmail: true, byCustomerId: true } }
 * resolveSettings({ windowDays: 0 }); // throws RangeError
 */
export function resolveSettings(partial: PartialAttributionSettings = {}): Readonly<AttributionSettings> {
  const d = DEFAULT_ATTRIBUTION_SETTINGS;
  const windowDays = partial.windowDays ?? d.windowDays;
  if (!Number.isInteger(windowDays) || windowDays < 1 || windowDays > MAX_WINDOW_DAYS) {
    throw new RangeError(`windowDays must be a whole number of days from 1 to ${MAX_WINDOW_DAYS}, got ${String(windowDays)}`);
  }
  const touch = partial.touch ?? d.touch;
  if (!TOUCH_MODELS.includes(touch)) {
    throw new RangeError(`touch must be one of ${TOUCH_MODELS.join(", ")}, got ${String(touch)}`);
  }
  const precedence = [...(partial.precedence ?? d.precedence)];
  if (precedence.length === 0) throw new RangeError("precedence must list at least one rule");
  const seen = new Set<Rule>();
  for (const rule of precedence) {
    if (!RULES.includes(rule)) throw new RangeError(`unknown precedence rule ${String(rule)} (expected ${RULES.join(", ")})`);
    if (seen.has(rule)) throw new RangeError(`precedence lists ${rule} twice`);
    seen.add(rule);
  }
  const byEmail = partial.selfReferral?.byEmail ?? d.selfReferral.byEmail;
  const byCustomerId = partial.selfReferral?.byCustomerId ?? d.selfReferral.byCustomerId;
  if (typeof byEmail !== "boolean" || typeof byCustomerId !== "boolean") {
    throw new RangeError("selfReferral.byEmail and selfReferral.byCustomerId must be booleans");
  }
  return deepFreeze({ windowDays, touch, precedence, selfReferral: { byEmail, byCustomerId } });
}

function deepFreeze(settings: AttributionSettings): Readonly<AttributionSettings> {
  Object.freeze(settings.precedence);
  Object.freeze(settings.selfReferral);
  return Object.freeze(settings);
}
