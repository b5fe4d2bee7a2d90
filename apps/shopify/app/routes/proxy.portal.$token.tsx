// https://{shop}/apps/icr/portal/{token} through Shopify's app proxy: signature verified, token bound to the proxy's shop.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { portalClientAddress, showProxyPortal } from "../services/portal-http.server";
import { portalDeps } from "../services/portal-runtime.server";

export const loader = async ({ request, params, context }: LoaderFunctionArgs) =>
  showProxyPortal(await portalDeps(request), request, params.token ?? "", portalClientAddress(request, context, true));
