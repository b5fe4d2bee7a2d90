/**
 * The one `shopifyApp()` of the app: embedded auth with token exchange, Admin API 2026-07,
 * sessions in the app database through the official Drizzle adapter. Webhooks are declared in
 * shopify.app.toml (app-specific subscriptions) and verified by our own handler.
 */
import "@shopify/shopify-app-remix/adapters/node";
import { ApiVersion, AppDistribution, shopifyApp } from "@shopify/shopify-app-remix/server";
import { DrizzleSessionStoragePostgres } from "@shopify/shopify-app-session-storage-drizzle";
import { appConfig } from "./config.server";
import { getDb } from "./db.server";
import { sessionTable } from "./db/schema";
import { onInstalled } from "./services/install.server";

const config = appConfig();
const db = await getDb();

const shopify = shopifyApp({
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
      await onInstalled(db, session.shop);
    },
  },
  ...(config.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [config.SHOP_CUSTOM_DOMAIN] } : {}),
});

export default shopify;
export const apiVersion = ApiVersion.July26;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const login = shopify.login;
export const sessionStorage = shopify.sessionStorage;
