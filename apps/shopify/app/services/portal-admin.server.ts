/**
 * The admin side of portal invites, for the influencer page: what to show (the invite's state) and
 * what the merchant can do (invite or re-invite, which rotates the link; revoke). The form is
 * parsed with a schema; the new link's token is returned once, to copy, and never again.
 */
import { z } from "zod";
import type { Db } from "../db.server";
import {
  DEFAULT_INVITE_DAYS,
  InviteError,
  MAX_INVITE_DAYS,
  getInviteStatus,
  inviteInfluencer,
  revokeInvite,
  type InviteStatus,
} from "./portal-invites.server";

const formSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("invite"),
    validDays: z.coerce.number().int().min(1).max(MAX_INVITE_DAYS).default(DEFAULT_INVITE_DAYS),
  }),
  z.object({ intent: z.literal("revoke") }),
]);

/** What the influencer page gets back from an invite action. */
export type InviteActionResult =
  | { ok: true; intent: "invite"; url: string; storeUrl: string; expiresAt: string; status: InviteStatus }
  | { ok: true; intent: "revoke"; revoked: boolean; status: InviteStatus }
  | { ok: false; status: 400 | 404; error: string };

/**
 * Runs the merchant's invite form (`intent=invite` with optional `validDays`, or `intent=revoke`).
 *
 * @example
 *   const result = await runInviteAction(db, { id: shop.id, domain: shop.domain }, params.id, await request.formData(), { appUrl, now: Date.now() });
 *   if (result.ok && result.intent === "invite") copy(result.url);
 * @returns the outcome; `{ ok: false, status: 400 }` for a bad form (nothing written), 404 for an
 *   influencer not in this shop.
 */
export async function runInviteAction(
  db: Db,
  shop: { id: number; domain: string },
  influencerId: string,
  form: FormData,
  options: { appUrl: string; now: number },
): Promise<InviteActionResult> {
  const parsed = formSchema.safeParse(Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")));
  if (!parsed.success) {
    return { ok: false, status: 400, error: parsed.error.issues.map((i) => `${i.path.join(".") || "form"}: ${i.message}`).join("; ") };
  }
  try {
    if (parsed.data.intent === "revoke") {
      const revoked = await revokeInvite(db, shop.id, influencerId, options.now);
      return { ok: true, intent: "revoke", revoked, status: await getInviteStatus(db, shop.id, influencerId, options.now) };
    }
    const invite = await inviteInfluencer(db, shop.id, influencerId, {
      appUrl: options.appUrl,
      shopDomain: shop.domain,
      now: options.now,
      validDays: parsed.data.validDays,
    });
    return {
      ok: true,
      intent: "invite",
      url: invite.url,
      storeUrl: invite.storeUrl,
      expiresAt: invite.expiresAt.toISOString(),
      status: await getInviteStatus(db, shop.id, influencerId, options.now),
    };
  } catch (error) {
    if (error instanceof InviteError) return { ok: false, status: error.code === "not_found" ? 404 : 400, error: error.message };
    throw error;
  }
}
