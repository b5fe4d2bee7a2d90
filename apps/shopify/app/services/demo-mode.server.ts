/**
 * Demo mode: the admin pages served outside Shopify, for one seeded demo shop, with no
 * authentication. It exists for `npm run demo` and the browser tests, and it must never be able
 * to bypass authentication on a real install: it refuses to run when Shopify credentials are set
 * or NODE_ENV is production, and every admin request checks that again.
 */

/** The demo shop's domain (a real install never has it: Shopify domains are issued by Shopify). */
export const DEMO_SHOP_DOMAIN = "icr-demo.myshopify.com";

/** The environment variable the demo start script sets. */
export const DEMO_ENV = "ICR_DEMO";

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Whether demo mode is requested.
 *
 * @example isDemoMode({ ICR_DEMO: "1" }) // true
 * @returns false unless `ICR_DEMO` is exactly "1" (an empty env is not demo mode).
 */
export function isDemoMode(env: Env = process.env): boolean {
  return env[DEMO_ENV] === "1";
}

/**
 * Throws when demo mode is requested where it could bypass authentication on a real install.
 *
 * @example assertDemoModeAllowed({ ICR_DEMO: "1" }) // passes
 * @returns nothing when demo mode is off or allowed; throws an Error naming each reason otherwise.
 */
export function assertDemoModeAllowed(env: Env = process.env): void {
  if (!isDemoMode(env)) return;
  const reasons: string[] = [];
  if (env.SHOPIFY_API_KEY) reasons.push("SHOPIFY_API_KEY is set");
  if (env.SHOPIFY_API_SECRET) reasons.push("SHOPIFY_API_SECRET is set");
  if (env.NODE_ENV === "production") reasons.push("NODE_ENV is production");
  if (reasons.length > 0) {
    throw new Error(
      `ICR demo mode refuses to start: ${reasons.join(", ")}. Demo mode serves the admin without authentication, ` +
        "so it only runs on a machine with no Shopify credentials; unset them (or unset ICR_DEMO) and try again.",
    );
  }
}
