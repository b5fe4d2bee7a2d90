// POST /pixel/{shopPublicKey}: checkout-funnel events from the web pixel (extensions/web-pixel).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "../db.server";
import { answerPixel, PIXEL_MAX_BODY_BYTES, pixelEndpointContext } from "../services/pixel-endpoint.server";
import { clientAddress } from "../services/public-http.server";

async function handle(request: Request, key: string | undefined): Promise<Response> {
  const length = Number(request.headers.get("content-length") ?? 0);
  // Refuse a large body before reading it; answerPixel checks the bytes actually read too.
  const body = request.method === "POST" && length <= PIXEL_MAX_BODY_BYTES ? await request.text() : "x".repeat(length > PIXEL_MAX_BODY_BYTES ? PIXEL_MAX_BODY_BYTES + 1 : 0);
  const answer = await answerPixel(pixelEndpointContext(await getDb()), {
    method: request.method,
    shopKey: key ?? "",
    body,
    clientAddress: clientAddress({ forwardedFor: request.headers.get("x-forwarded-for"), useForwarded: true }),
  });
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

export const action = ({ request, params }: ActionFunctionArgs) => handle(request, params.key);
export const loader = ({ request, params }: LoaderFunctionArgs) => handle(request, params.key);
