// The admin frame: authenticates every /app request (requireAdmin) and provides Polaris. Inside
// Shopify's admin it is the embedded app (App Bridge, NavMenu); in demo mode, outside any admin,
// the same pages sit in a plain Polaris Frame with Navigation and a banner saying it is a demo.
import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useLocation, useRouteError } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { NavMenu } from "@shopify/app-bridge-react";
import { Banner, Frame, Navigation, Text } from "@shopify/polaris";
import { ChartVerticalIcon, DiscountIcon, ImportIcon, LinkIcon, PersonIcon, SettingsIcon, TargetIcon, UploadIcon } from "@shopify/polaris-icons";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import polarisVizStyles from "@shopify/polaris-viz/build/esm/styles.css?url";
import { requireAdmin } from "../services/admin-context.server";

export const links = () => [
  { rel: "stylesheet", href: polarisStyles },
  { rel: "stylesheet", href: polarisVizStyles },
];

export const meta = () => [{ title: "ICR · Influencer Conversion Rate" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { demo, shop } = await requireAdmin(request);
  return { demo, apiKey: demo ? "" : (process.env.SHOPIFY_API_KEY ?? ""), shopDomain: shop.domain };
};

/** Every admin page, in navigation order. */
const PAGES = [
  { url: "/app", label: "Dashboard", icon: ChartVerticalIcon, exact: true },
  { url: "/app/influencers", label: "Influencers", icon: PersonIcon },
  { url: "/app/campaigns", label: "Campaigns", icon: TargetIcon },
  { url: "/app/codes", label: "Discount codes", icon: DiscountIcon },
  { url: "/app/links", label: "Share links", icon: LinkIcon },
  { url: "/app/engagements", label: "Engagement import", icon: UploadIcon },
  { url: "/app/backfill", label: "History import", icon: ImportIcon },
  { url: "/app/settings", label: "Settings", icon: SettingsIcon },
] as const;

export default function App() {
  const { demo, apiKey, shopDomain } = useLoaderData<typeof loader>();
  if (!demo) {
    return (
      <AppProvider isEmbeddedApp apiKey={apiKey}>
        <NavMenu>
          <Link to="/app" rel="home">
            Dashboard
          </Link>
          {PAGES.slice(1).map((page) => (
            <Link key={page.url} to={page.url}>
              {page.label}
            </Link>
          ))}
        </NavMenu>
        <Outlet />
      </AppProvider>
    );
  }
  return (
    <AppProvider isEmbeddedApp={false} apiKey="">
      <DemoFrame shopDomain={shopDomain} />
    </AppProvider>
  );
}

function DemoFrame({ shopDomain }: { shopDomain: string }) {
  const location = useLocation();
  const navigation = (
    <Navigation location={location.pathname} ariaLabelledBy="icr-nav-title">
      <Navigation.Section
        title="ICR"
        items={PAGES.map((page) => ({
          url: page.url,
          label: page.label,
          icon: page.icon,
          exactMatch: "exact" in page,
          selected: "exact" in page ? location.pathname === page.url || location.pathname === `${page.url}/` : location.pathname.startsWith(page.url),
        }))}
      />
    </Navigation>
  );
  return (
    <Frame navigation={navigation}>
      <span id="icr-nav-title" hidden>
        ICR admin
      </span>
      <div style={{ padding: "var(--p-space-400) var(--p-space-400) 0" }}>
        <Banner tone="info" title="Demo mode">
          <Text as="p">
            Seeded data for {shopDomain}, served outside the Shopify admin without authentication. Install the app on a store to see your own
            numbers.
          </Text>
        </Banner>
      </div>
      <Outlet />
    </Frame>
  );
}

export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
