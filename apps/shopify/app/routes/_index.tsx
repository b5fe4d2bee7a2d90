// Shopify opens the app at / with ?shop=…: send embedded requests into the admin frame.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  if (url.searchParams.get("shop")) throw redirect(`/app?${url.searchParams.toString()}`);
  return new Response("ICR: install this app from your Shopify admin.", { headers: { "content-type": "text/plain" } });
};
