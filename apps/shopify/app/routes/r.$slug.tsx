// GET /r/{slug}: a share link. 302 to the destination with UTM + icr_click; the click is queued.
// (The production server answers /r/* before Remix with the same service: app/services/share-link-http.server.ts.)
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirectContext } from "../services/redirect-runtime.server";
import { shareLinkResponse } from "../services/share-link-redirect.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) =>
  shareLinkResponse(await redirectContext(), {
    slug: params.slug ?? "",
    method: request.method,
    userAgent: request.headers.get("user-agent") ?? "",
    header: (name) => request.headers.get(name) ?? undefined,
    viaAppProxy: false,
  });
