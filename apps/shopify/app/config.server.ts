/**
 * Environment, parsed once with a schema so a missing variable fails at start with its name.
 * Documented in `.env.example` and the README.
 */
import { z } from "zod";

const schema = z.object({
  SHOPIFY_API_KEY: z.string().min(1, "SHOPIFY_API_KEY is required (the app's client id)"),
  SHOPIFY_API_SECRET: z.string().min(1, "SHOPIFY_API_SECRET is required (signs webhooks and app-proxy requests)"),
  SHOPIFY_APP_URL: z.string().url("SHOPIFY_APP_URL must be the app's public https URL"),
  SCOPES: z.string().default("read_orders,read_all_orders,read_customers,read_discounts,write_discounts,read_products,write_pixels,read_customer_events"),
  SHOP_CUSTOM_DOMAIN: z.string().optional(),
});

export type AppConfig = z.infer<typeof schema>;

let cached: AppConfig | undefined;

/**
 * The app's configuration from `process.env`.
 *
 * @example const { SHOPIFY_API_SECRET } = appConfig();
 * @returns the parsed config; throws an Error listing every missing or invalid variable.
 */
export function appConfig(): AppConfig {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error("invalid environment: " + parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  }
  cached = parsed.data;
  return cached;
}
