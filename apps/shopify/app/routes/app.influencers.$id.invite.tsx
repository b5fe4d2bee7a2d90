// The influencer page's portal invite: GET its state; POST intent=invite (rotates the link, returned
// once to copy) or intent=revoke. Called from the influencer page with a fetcher.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { appConfig } from "../config.server";
import { getDb } from "../db.server";
import { ensureShop } from "../models/shops.server";
import { runInviteAction } from "../services/portal-admin.server";
import { getInviteStatus } from "../services/portal-invites.server";
import { authenticate } from "../shopify.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const db = await getDb();
  const shop = await ensureShop(db, session.shop);
  return Response.json(await getInviteStatus(db, shop.id, params.id ?? ""), { headers: { "Cache-Control": "no-store" } });
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const db = await getDb();
  const shop = await ensureShop(db, session.shop);
  const result = await runInviteAction(db, shop, params.id ?? "", await request.formData(), {
    appUrl: appConfig().SHOPIFY_APP_URL,
    now: Date.now(),
  });
  return Response.json(result, { status: result.ok ? 200 : result.status, headers: { "Cache-Control": "no-store" } });
};
