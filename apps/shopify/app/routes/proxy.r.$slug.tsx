// https://{shop}/apps/icr/r/{slug} through Shopify's app proxy: signature verified, then the same redirect.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { appConfig } from "../config.server";
import { getDb } from "../db.server";
import { findShopByDomain } from "../models/shops.server";
import { verifyAppProxySignature } from "../services/app-proxy.server";
import { redirectContext } from "../services/redirect-runtime.server";
import { shareLinkResponse } from "../services/share-link-redirect.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const query = new URL(request.url).searchParams;
  if (!verifyAppProxySignature(query, appConfig().SHOPIFY_API_SECRET, Date.now())) {
    return new Response("Invalid app proxy signature", { status: 401 });
  }
  const shop = await findShopByDomain(await getDb(), query.get("shop") ?? "");
  return shareLinkResponse(await redirectContext(), {
    slug: params.slug ?? "",
    ...(shop ? { shopId: shop.id } : { shopId: -1 }),
    method: request.method,
    userAgent: request.headers.get("user-agent") ?? "",
    header: (name) => request.headers.get(name) ?? undefined,
    viaAppProxy: true,
  });
};
