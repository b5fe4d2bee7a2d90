// The influencer page's portal invite: GET its state; POST intent=invite (rotates the link, returned
// once to copy) or intent=revoke. Called from the influencer page with a fetcher.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "../services/admin-context.server";
import { runInviteAction } from "../services/portal-admin.server";
import { getInviteStatus } from "../services/portal-invites.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { db, shop } = await requireAdmin(request);
  return Response.json(await getInviteStatus(db, shop.id, params.id ?? ""), { headers: { "Cache-Control": "no-store" } });
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { db, shop, appUrl } = await requireAdmin(request);
  const result = await runInviteAction(db, shop, params.id ?? "", await request.formData(), { appUrl, now: Date.now() });
  return Response.json(result, { status: result.ok ? 200 : result.status, headers: { "Cache-Control": "no-store" } });
};
