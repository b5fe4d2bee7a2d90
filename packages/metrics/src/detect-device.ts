/** Device class of a browser, as segments show it. */
export type DeviceClass = "mobile" | "tablet" | "desktop";

/**
 * The device class of a user agent, by the markers browsers put in it: tablets first (iPad,
 * "Tablet", Android without "Mobile", Kindle/Silk), then phones ("Mobi", iPhone, Android, …), else
 * desktop. A small check for segments, not a full parser. Returns undefined for an empty or
 * missing user agent.
 *
 * @example
 * deviceFromUserAgent("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) … Mobile/15E148"); // "mobile"
 * deviceFromUserAgent("Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) …");                         // "tablet"
 * deviceFromUserAgent(undefined);                                                               // undefined
 */
export function deviceFromUserAgent(ua: string | null | undefined): DeviceClass | undefined {
  if (typeof ua !== "string" || ua.trim() === "") return undefined;
  if (/ipad|tablet|kindle|silk\/|playbook|android(?!.*mobi)/i.test(ua)) return "tablet";
  if (/mobi|iphone|ipod|android|windows phone|blackberry|opera mini/i.test(ua)) return "mobile";
  return "desktop";
}
