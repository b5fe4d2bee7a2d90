// Admin "Embed" page: publish switches per widget and scope (all off by default), a snippet builder
// (script tag + element) with a copy button, and a live preview: the real widget bundle from this
// app rendering the real public API answer, so "Not published." shows exactly what a visitor would see.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Box, Button, Card, Checkbox, InlineStack, Layout, Page, Select, Text, TextField } from "@shopify/polaris";
import { useEffect, useMemo, useRef, useState } from "react";
import { SectionCard } from "../components/section-card";
import { requireAdmin } from "../services/admin-context.server";
import { applyPublishSwitch, loadEmbedPage } from "../services/public-embed.server";
import { embedElement, embedSnippet, publicationKey, type EmbedOptions, type EmbedWidget } from "../services/public-embed-snippet";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop, appUrl } = await requireAdmin(request);
  return { ...(await loadEmbedPage(db, shop.id)), appUrl };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { db, shop } = await requireAdmin(request);
  const result = await applyPublishSwitch(db, shop.id, await request.formData());
  return Response.json(result, { status: result.ok ? 200 : 400 });
};

type Widget = "rate" | "trend" | "leaderboard" | "influencer-card";
const WIDGET_LABELS: Record<Widget, string> = { rate: "Rate", trend: "Trend", leaderboard: "Leaderboard", "influencer-card": "Influencer card" };

function PublishSwitch(props: { widget: Widget; scope: "overall" | "influencer" | "campaign"; target: string; published: ReadonlySet<string> }) {
  const fetcher = useFetcher<{ ok: boolean; error?: string }>();
  const key = publicationKey(props);
  const pending = fetcher.formData?.get("enabled");
  const checked = pending === undefined || pending === null ? props.published.has(key) : pending === "true";
  return (
    <Checkbox
      label={WIDGET_LABELS[props.widget]}
      checked={checked}
      disabled={fetcher.state !== "idle"}
      error={fetcher.data && !fetcher.data.ok ? fetcher.data.error : undefined}
      onChange={(value) =>
        fetcher.submit({ widget: props.widget, scope: props.scope, target: props.target, enabled: String(value) }, { method: "post" })
      }
    />
  );
}

function PublishRow(props: { title: string; widgets: Widget[]; scope: "overall" | "influencer" | "campaign"; target: string; published: ReadonlySet<string> }) {
  return (
    <InlineStack gap="400" blockAlign="center" wrap>
      <Box minWidth="12rem">
        <Text as="span" fontWeight="semibold">
          {props.title}
        </Text>
      </Box>
      {props.widgets.map((widget) => (
        <PublishSwitch key={widget} widget={widget} scope={props.scope} target={props.target} published={props.published} />
      ))}
    </InlineStack>
  );
}

/** Loads the widget bundle once, then shows the chosen element; it fetches the public API itself. */
function LivePreview({ appUrl, publicKey, options }: { appUrl: string; publicKey: string; options: EmbedOptions }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const src = `${appUrl.replace(/\/+$/, "")}/widgets/icr-widgets.js`;
    if (!document.querySelector(`script[src="${src}"]`)) {
      const script = document.createElement("script");
      script.type = "module";
      script.src = src;
      document.head.append(script);
    }
  }, [appUrl]);
  useEffect(() => {
    const host = container.current;
    if (!host) return;
    const { tag, attributes } = embedElement(appUrl, publicKey, options);
    const element = document.createElement(tag);
    for (const [name, value] of attributes) element.setAttribute(name, value);
    host.replaceChildren(element);
  }, [appUrl, publicKey, options]);
  return <div ref={container} data-testid="embed-preview" aria-live="polite" />;
}

export default function EmbedPage() {
  const data = useLoaderData<typeof loader>();
  const published = useMemo(() => new Set(data.published), [data.published]);
  const [widget, setWidget] = useState<EmbedWidget>("rate");
  const [scope, setScope] = useState<EmbedOptions["scope"]>("overall");
  const [target, setTarget] = useState("");
  const [days, setDays] = useState("30");
  const [goal, setGoal] = useState<EmbedOptions["goal"]>("purchase");
  const [limit, setLimit] = useState("10");
  const [copied, setCopied] = useState(false);

  const effectiveScope = widget === "influencer-card" ? "influencer" : scope;
  const targets =
    effectiveScope === "influencer"
      ? data.influencers.map((i) => ({ label: `${i.name} (@${i.handle})`, value: i.handle }))
      : effectiveScope === "campaign"
        ? data.campaigns.map((c) => ({ label: c.name, value: c.key }))
        : [];
  const chosenTarget = targets.some((t) => t.value === target) ? target : (targets[0]?.value ?? "");
  const options = useMemo<EmbedOptions>(
    () => ({
      widget,
      scope: effectiveScope,
      target: chosenTarget,
      days: Math.min(365, Math.max(1, Math.floor(Number(days)) || 30)),
      goal,
      limit: Math.min(50, Math.max(1, Math.floor(Number(limit)) || 10)),
    }),
    [widget, effectiveScope, chosenTarget, days, goal, limit],
  );
  const snippet = embedSnippet(data.appUrl, data.publicKey, options);

  return (
    <Page title="Embed" subtitle="Show conversion rates on your storefront, blog or any site">
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="400">
              <Text as="h2" variant="headingMd">
                What is public
              </Text>
              <Text as="p" tone="subdued">
                Nothing is public until you switch it on. Public numbers are aggregates only: clicks, conversions and rates, with
                influencer handles and display names. Changes reach every widget within a minute.
              </Text>
              <PublishRow title="All influencers" widgets={["rate", "trend", "leaderboard"]} scope="overall" target="" published={published} />
              {data.campaigns.map((c) => (
                <PublishRow key={c.key} title={`Campaign: ${c.name}`} widgets={["rate", "trend", "leaderboard"]} scope="campaign" target={c.key} published={published} />
              ))}
              {data.influencers.map((i) => (
                <PublishRow key={i.id} title={`${i.name} (@${i.handle})`} widgets={["rate", "trend", "influencer-card"]} scope="influencer" target={i.id} published={published} />
              ))}
              <Text as="p" tone="subdued">
                A leaderboard lists only influencers with at least one switch on.
              </Text>
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="400">
              <Text as="h2" variant="headingMd">
                Snippet
              </Text>
              <InlineStack gap="400" wrap>
                <Select
                  label="Widget"
                  value={widget}
                  onChange={(v) => setWidget(v as EmbedWidget)}
                  options={[
                    { label: "Rate", value: "rate" },
                    { label: "Trend", value: "trend" },
                    { label: "Leaderboard", value: "leaderboard" },
                    { label: "Influencer card", value: "influencer-card" },
                    { label: "Calculator (no data)", value: "calculator" },
                  ]}
                />
                {widget !== "influencer-card" && widget !== "calculator" ? (
                  <Select
                    label="Scope"
                    value={scope}
                    onChange={(v) => setScope(v as EmbedOptions["scope"])}
                    options={[
                      { label: "All influencers", value: "overall" },
                      ...(widget === "leaderboard" ? [] : [{ label: "One influencer", value: "influencer" }]),
                      { label: "One campaign", value: "campaign" },
                    ]}
                  />
                ) : null}
                {targets.length > 0 && widget !== "calculator" ? <Select label="Of" value={chosenTarget} onChange={setTarget} options={targets} /> : null}
                {widget !== "calculator" ? (
                  <>
                    <TextField label="Days" type="number" min={1} max={365} value={days} onChange={setDays} autoComplete="off" />
                    <Select label="Goal" value={goal} onChange={(v) => setGoal(v as EmbedOptions["goal"])} options={[{ label: "Purchases", value: "purchase" }, { label: "Sign-ups", value: "signup" }]} />
                  </>
                ) : null}
                {widget === "leaderboard" ? <TextField label="Rows" type="number" min={1} max={50} value={limit} onChange={setLimit} autoComplete="off" /> : null}
              </InlineStack>
              <Box background="bg-surface-secondary" padding="300" borderRadius="200">
                <pre data-testid="embed-snippet" style={{ margin: 0, whiteSpace: "pre-wrap", wordBreak: "break-all" }}>
                  <code>{snippet}</code>
                </pre>
              </Box>
              <InlineStack gap="200" blockAlign="center">
                <Button
                  onClick={() => {
                    void navigator.clipboard?.writeText(snippet).then(() => setCopied(true));
                  }}
                >
                  Copy snippet
                </Button>
                {copied ? <Text as="span" tone="success">Copied</Text> : null}
              </InlineStack>
              {effectiveScope === "campaign" && targets.length === 0 ? <Banner tone="info">This shop has no campaigns yet.</Banner> : null}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <SectionCard title="Live preview">
            <Text as="p" tone="subdued">
              The widget below loads this snippet&apos;s data from the public API, as a visitor&apos;s browser would.
            </Text>
            <LivePreview appUrl={data.appUrl} publicKey={data.publicKey} options={options} />
          </SectionCard>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
