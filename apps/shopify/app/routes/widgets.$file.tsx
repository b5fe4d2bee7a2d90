// GET /widgets/{file}.js: the built @icr/widgets bundles, for <script type="module"> on any site.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { widgetBundleResponse } from "../services/public-remix.server";

export const loader = ({ request, params }: LoaderFunctionArgs) => widgetBundleResponse(request, params.file);
