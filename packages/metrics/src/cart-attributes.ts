import { visitRecord } from "./order-record.js";
import { parseLandingUrl } from "./parse-utm.js";
import type { Visit } from "./types.js";

/** Cart attribute the storefront embed writes with the share link's `icr_click` id. */
export const CLICK_ATTRIBUTE = "_icr_click";
/** Cart attribute the storefront embed writes with the share link's UTM query string. */
export const UTM_ATTRIBUTE = "_icr_utm";

/** Evidence read from an order's cart attributes. */
export interface CartEvidence {
  clickIds: string[];
  visits: Visit[];
}

/**
 * Click ids and UTM visits from an order's cart attributes (`note_attributes` in REST,
 * `customAttributes` in GraphQL, "Note Attributes" in exports), given as name/value pairs.
 * `_icr_click` may hold several ids separated by commas or spaces; `_icr_utm` is a query string
 * (`utm_source=instagram&utm_content=alice`) and becomes a visit of source "pixel" (captured on the
 * storefront) without a time: it came with the cart that placed the order. Other attributes are
 * ignored. Returns empty lists when nothing matches.
 *
 * @example
 * readCartAttributes([["_icr_click", "c_9f"], ["gift", "yes"]]); // { clickIds: ["c_9f"], visits: [] }
 */
export function readCartAttributes(pairs: Iterable<readonly [string, string]>): CartEvidence {
  const clickIds: string[] = [];
  const visits: Visit[] = [];
  for (const [name, value] of pairs) {
    const key = name.trim().toLowerCase();
    if (key === CLICK_ATTRIBUTE) {
      for (const id of value.split(/[\s,]+/)) {
        if (id !== "" && !clickIds.includes(id)) clickIds.push(id);
      }
    } else if (key === UTM_ATTRIBUTE) {
      const visit = visitRecord("pixel", undefined, parseLandingUrl(value));
      if (visit !== undefined) visits.push(visit);
    }
  }
  return { clickIds, visits };
}
