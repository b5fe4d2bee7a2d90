// GET /portal/{token}: an invitation link. A good token becomes a session cookie, then 303 to /portal.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { portalClientAddress, openPortalLink } from "../services/portal-http.server";
import { portalDeps } from "../services/portal-runtime.server";

export const loader = async ({ request, params, context }: LoaderFunctionArgs) =>
  openPortalLink(await portalDeps(request), request, params.token ?? "", portalClientAddress(request, context, false));
