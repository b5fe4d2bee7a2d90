// https://{shop}/apps/icr/api/public/v1/{key}/{endpoint} through Shopify's app proxy: same-origin for
// theme blocks. Signature verified; the key must belong to the proxied shop.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { publicApiResponse } from "../services/public-remix.server";

export const loader = ({ request, params }: LoaderFunctionArgs) => publicApiResponse(request, params.key, params.endpoint, true);
export const action = ({ request, params }: ActionFunctionArgs) => publicApiResponse(request, params.key, params.endpoint, true);
