/**
 * The public endpoints as Remix responses (development server, and any deployment that does not
 * route them to the Node fast path in `public-http.server.ts`). A Fetch `Request` carries no socket
 * address, so the rate limit counts against the first `X-Forwarded-For` entry when there is one.
 */
import { appConfig } from "../config.server";
import { verifyAppProxySignature } from "./app-proxy.server";
import { answerPublicApi } from "./public-api.server";
import { publicApiContext } from "./public-api-runtime.server";
import { clientAddress } from "./public-http.server";
import { widgetFileResponse } from "./public-widget-bundle.server";

/**
 * Answers `…/api/public/v1/{key}/{endpoint}`, directly or through the app proxy.
 *
 * @example export const loader = ({ request, params }) => publicApiResponse(request, params.key, params.endpoint, false);
 * @returns the API's response; 401 for an app-proxy request whose signature does not verify.
 */
export async function publicApiResponse(request: Request, key: string | undefined, endpoint: string | undefined, viaAppProxy: boolean): Promise<Response> {
  const query = new URL(request.url).searchParams;
  if (viaAppProxy && !verifyAppProxySignature(query, appConfig().SHOPIFY_API_SECRET, Date.now())) {
    return Response.json({ error: { code: "bad_request", message: "Invalid app proxy signature." } }, { status: 401 });
  }
  const answer = await answerPublicApi(await publicApiContext(), {
    method: request.method,
    shopKey: key ?? "",
    endpoint: endpoint ?? "",
    query,
    clientAddress: clientAddress({ forwardedFor: request.headers.get("x-forwarded-for"), useForwarded: true }),
    ifNoneMatch: request.headers.get("if-none-match"),
    ...(viaAppProxy ? { proxiedShopDomain: query.get("shop") ?? "" } : {}),
  });
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

/**
 * Answers `/widgets/{file}.js` with the built widget bundle.
 *
 * @example export const loader = ({ request, params }) => widgetBundleResponse(request, params.file);
 * @returns the file (200 or 304), or 404 for a name that is not a built entry point.
 */
export async function widgetBundleResponse(request: Request, file: string | undefined): Promise<Response> {
  const answer = await widgetFileResponse(file ?? "", request.headers.get("if-none-match"));
  const body = request.method === "HEAD" || answer.body === null ? null : typeof answer.body === "string" ? answer.body : new Uint8Array(answer.body);
  return new Response(body, { status: answer.status, headers: answer.headers });
}
