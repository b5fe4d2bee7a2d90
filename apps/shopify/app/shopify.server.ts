/**
 * The one `shopifyApp()` of the app: embedded auth with token exchange, Admin API 2026-07,
 * sessions in the app database through the official Drizzle adapter. Webhooks are declared in
 * shopify.app.toml (app-specific subscriptions) and verified by our own handler.
 *
 * Built on first use, not at import: the server bundle holds every route, and demo mode (no
 * Shopify credentials, see demo-mode.server.ts) must be able to load it without this module
 * reading the environment.
 */
import "@shopify/shopify-app-remix/adapters/node";
import { ApiVersion, AppDistribution, shopifyApp } from "@shopify/shopify-app-remix/server";
import { DrizzleSessionStoragePostgres } from "@shopify/shopify-app-session-storage-drizzle";
import { appConfig } from "./config.server";
import { getDb, type Db } from "./db.server";
import { sessionTable } from "./db/schema";
import { onInstalled } from "./services/install.server";

function createShopify(db: Db) {
  const config = appConfig();
  return shopifyApp({
    apiKey: config.SHOPIFY_API_KEY,
    apiSecretKey: config.SHOPIFY_API_SECRET,
    apiVersion: ApiVersion.July26,
    scopes: config.SCOPES.split(","),
    appUrl: config.SHOPIFY_APP_URL,
    authPathPrefix: "/auth",
    sessionStorage: new DrizzleSessionStoragePostgres(db, sessionTable),
    distribution: AppDistribution.AppStore,
    future: { unstable_newEmbeddedAuthStrategy: true, expiringOfflineAccessTokens: true },
    hooks: {
      afterAuth: async ({ session }) => {
        await onInstalled(db, session.shop, config.SHOPIFY_APP_URL);
      },
    },
    ...(config.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [config.SHOP_CUSTOM_DOMAIN] } : {}),
  });
}

export type Shopify = ReturnType<typeof createShopify>;

let instance: Promise<Shopify> | undefined;

/**
 * The app's `shopifyApp()`, created on first call from the environment.
 *
 * @example const { authenticate } = await shopify();
 * @returns the shared instance; rejects with the list of missing variables when the environment is incomplete.
 */
export function shopify(): Promise<Shopify> {
  instance ??= getDb().then(createShopify);
  return instance;
}

export const apiVersion = ApiVersion.July26;

/** `shopify.authenticate`, resolved on use (same calls, same answers). */
export const authenticate = {
  admin: async (request: Request) => (await shopify()).authenticate.admin(request),
};

/**
 * Adds the headers Shopify's admin needs on document responses (frame ancestors, …).
 *
 * @example await addDocumentResponseHeaders(request, responseHeaders);
 * @returns once the headers are set.
 */
export async function addDocumentResponseHeaders(request: Request, headers: Headers): Promise<void> {
  (await shopify()).addDocumentResponseHeaders(request, headers);
}
