// GET /api/public/v1/{shopPublicKey}/{rate|leaderboard}: the public metrics API (docs/public-api.md).
// OPTIONS (CORS preflight) and other methods reach the action; the service answers them all.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { publicApiResponse } from "../services/public-remix.server";

export const loader = ({ request, params }: LoaderFunctionArgs) => publicApiResponse(request, params.key, params.endpoint, false);
export const action = ({ request, params }: ActionFunctionArgs) => publicApiResponse(request, params.key, params.endpoint, false);
