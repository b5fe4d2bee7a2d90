// GET /portal: the influencer's portal for the session cookie; POST /portal: sign out.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { portalAction, showPortal } from "../services/portal-http.server";
import { portalDeps } from "../services/portal-runtime.server";

export const loader = async ({ request }: LoaderFunctionArgs) => showPortal(await portalDeps(request), request);

export const action = async ({ request }: ActionFunctionArgs) => portalAction(await portalDeps(request), request);
