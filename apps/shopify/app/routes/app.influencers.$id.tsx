// One influencer: rate with interval and trend, compare with another influencer, links, codes,
// funnel, and every order as an attribution receipt; also the portal invite and commission.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useFetcher, useLoaderData } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Box,
  Button,
  Card,
  Collapsible,
  DataTable,
  InlineGrid,
  InlineStack,
  Layout,
  List,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { formatMoney } from "@icr/metrics";
import { useState } from "react";
import { z } from "zod";
import { DENOMINATOR_OPTIONS, GOAL_OPTIONS, RANGE_OPTIONS } from "../components/filter-options";
import { RateCard } from "../components/rate-card";
import { RateTrendChart } from "../components/rate-chart";
import { formatCount, formatInterval, formatPct } from "../components/rate-format";
import { SectionCard } from "../components/section-card";
import { setInfluencerCommission } from "../models/influencers.server";
import { getInviteStatus } from "../services/portal-invites.server";
import { runInviteAction } from "../services/portal-admin.server";
import { requireAdmin } from "../services/admin-context.server";
import { DashboardQueryError, parseDashboardQuery, queryString } from "../services/dashboard-query.server";
import { loadInfluencerPage, type AdminReceipt } from "../services/influencer-page.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { db, shop } = await requireAdmin(request);
  const url = new URL(request.url);
  let query;
  try {
    query = parseDashboardQuery(url.searchParams, Date.now(), shop.timezone);
  } catch (error) {
    if (error instanceof DashboardQueryError) throw new Response(`Bad filter: ${error.message}`, { status: 400 });
    throw error;
  }
  const page = Number(url.searchParams.get("page") ?? "1");
  const data = await loadInfluencerPage(db, shop, params.id ?? "", {
    query,
    page: Number.isFinite(page) && page >= 1 ? page : 1,
    compareWith: url.searchParams.get("compare") || null,
  });
  if (!data) throw new Response("No such influencer in this shop.", { status: 404 });
  const invite = await getInviteStatus(db, shop.id, data.influencer.id);
  return { data, invite, search: queryString(query), currency: shop.currency };
};

const commissionSchema = z.object({
  intent: z.literal("commission"),
  kind: z.enum(["none", "percent", "fixed"]),
  value: z.string().trim().default(""),
});

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { db, shop, appUrl } = await requireAdmin(request);
  const form = await request.formData();
  const id = params.id ?? "";
  if (form.get("intent") === "commission") {
    const parsed = commissionSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return { ok: false as const, error: parsed.error.issues.map((i) => i.message).join("; ") };
    const { kind, value } = parsed.data;
    if (kind === "none") {
      await setInfluencerCommission(db, shop.id, id, null);
      return { ok: true as const, message: "Commission removed." };
    }
    const number = Number(value);
    if (value === "" || !Number.isFinite(number) || number < 0) return { ok: false as const, error: "Enter a commission of 0 or more." };
    // Percent in basis points, fixed in minor units: integers, no float money.
    const stored = Math.round(number * 100);
    try {
      if (!(await setInfluencerCommission(db, shop.id, id, { kind, value: stored }))) return { ok: false as const, error: "No such influencer." };
    } catch (error) {
      return { ok: false as const, error: error instanceof Error ? error.message : String(error) };
    }
    return { ok: true as const, message: "Commission saved." };
  }
  const result = await runInviteAction(db, shop, id, form, { appUrl, now: Date.now() });
  if (!result.ok) return { ok: false as const, error: result.error };
  return result.intent === "invite"
    ? { ok: true as const, message: "Portal link created. Copy it now: it is shown only once.", url: result.url }
    : { ok: true as const, message: result.revoked ? "Portal access revoked." : "There was no active link to revoke." };
};

export default function InfluencerPage() {
  const { data, invite, search, currency } = useLoaderData<typeof loader>();
  const { influencer, summary, query } = { ...data, query: new URLSearchParams(search) };
  const unit = query.get("denominator") === "engagements" ? "engagements" : "clicks";
  const title = influencer.name?.trim() || influencer.handle;
  const base = `/app/influencers/${influencer.id}`;
  const pageUrl = (page: number) => `${base}?${search}&page=${page}${data.comparison ? `&compare=${data.comparison.other.id}` : ""}`;

  return (
    <Page
      title={title}
      subtitle={`@${influencer.handle}${influencer.platform ? ` · ${influencer.platform}` : ""}${influencer.tags.length ? ` · ${influencer.tags.join(", ")}` : ""}`}
      backAction={{ content: "Influencers", url: "/app/influencers" }}
      secondaryActions={[{ content: "Export receipts (CSV)", url: `/app/export/receipts?influencer=${influencer.id}` }]}
    >
      <Layout>
        <Layout.Section>
          <Card>
            <Form method="get">
              <InlineGrid columns={{ xs: 1, sm: 4 }} gap="300">
                <PlainSelect label="Date range" name="range" value={query.get("range") ?? "30"} options={RANGE_OPTIONS} />
                <PlainSelect label="Goal" name="goal" value={query.get("goal") ?? "purchase"} options={GOAL_OPTIONS} />
                <PlainSelect label="Rate per" name="denominator" value={unit} options={DENOMINATOR_OPTIONS} />
                <Box paddingBlockStart="600">
                  <Button submit>Apply</Button>
                </Box>
              </InlineGrid>
            </Form>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
            <RateCard
              valueId="influencer-rate"
              rate={summary.rate}
              detail={` · ${formatCount(summary.conversions)} conversions from ${formatCount(summary.rate.denominator)} ${unit}`}
            >
              <Text as="p">
                By rule: {summary.byRule.code} code · {summary.byRule.link} link · {summary.byRule.utm} UTM
                {query.get("goal") !== "signup" ? ` · revenue ${formatMoney(summary.revenue, currency)} ${currency}` : ""}
              </Text>
            </RateCard>
            <CompareCard data={data} search={search} unit={unit} />
          </InlineGrid>
        </Layout.Section>
        <Layout.Section>
          <SectionCard title={`Trend by ${data.trend.granularity}`}>
            <RateTrendChart points={data.trend.points} seriesName={title} label={`${title}'s conversion rate by ${data.trend.granularity}`} />
          </SectionCard>
        </Layout.Section>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, lg: 2 }} gap="400">
            <SectionCard title="Share links" action={<Button url={`/app/links?influencer=${influencer.id}`}>New link</Button>}>
              {data.links.length === 0 ? (
                <Text as="p" tone="subdued">
                  No share links yet. Create one on the Share links page; every click on it is counted here.
                </Text>
              ) : (
                <BlockStack gap="200">
                  {data.links.map((l) => (
                    <BlockStack key={l.id} gap="050">
                      <Text as="p" fontWeight="semibold">
                        {l.path}
                        {l.campaign ? ` · ${l.campaign}` : ""}
                      </Text>
                      <Text as="p" tone="subdued" variant="bodySm" breakWord>
                        Lands on {l.landingUrl}
                      </Text>
                    </BlockStack>
                  ))}
                </BlockStack>
              )}
            </SectionCard>
            <SectionCard title="Discount codes" action={<Button url={`/app/codes?influencer=${influencer.id}`}>New code</Button>}>
              {data.codes.length === 0 ? (
                <Text as="p" tone="subdued">
                  No codes yet. Create one in Shopify or adopt an existing one on the Discount codes page.
                </Text>
              ) : (
                <DataTable
                  columnContentTypes={["text", "text", "text"]}
                  headings={["Code", "Campaign", "Origin"]}
                  rows={data.codes.map((c) => [c.code, c.campaign ?? "—", c.origin === "created" ? "Created in Shopify" : "Adopted"])}
                />
              )}
            </SectionCard>
          </InlineGrid>
        </Layout.Section>
        <Layout.Section>
          <SectionCard title="Checkout funnel">
            {data.funnel ? (
              <DataTable
                columnContentTypes={["text", "numeric"]}
                headings={["Step", "Clicks that reached it"]}
                rows={[
                  ["Viewed a page", formatCount(data.funnel.page_viewed)],
                  ["Added to cart", formatCount(data.funnel.product_added_to_cart)],
                  ["Started checkout", formatCount(data.funnel.checkout_started)],
                  ["Completed checkout", formatCount(data.funnel.checkout_completed)],
                ]}
              />
            ) : (
              <Text as="p" tone="subdued">
                No funnel in this range: the funnel appears once the ICR web pixel is enabled in your store&apos;s customer events.
              </Text>
            )}
          </SectionCard>
        </Layout.Section>
        <Layout.Section>
          <SectionCard title="Orders and attribution receipts">
            <Text as="p" tone="subdued" variant="bodySm">
              {formatCount(data.receipts.total)} orders name {title}. Each receipt shows the evidence, the rule that fired, what it overruled and the window.
            </Text>
            {data.receipts.items.length === 0 ? (
              <Text as="p">No orders yet.</Text>
            ) : (
              <BlockStack gap="200">
                {data.receipts.items.map((r) => (
                  <ReceiptRow key={r.orderId} receipt={r} currency={currency} />
                ))}
              </BlockStack>
            )}
            <InlineStack align="center" gap="300" blockAlign="center">
              {data.receipts.page > 1 ? <Button url={pageUrl(data.receipts.page - 1)}>Newer orders</Button> : null}
              <Text as="span">{`Page ${data.receipts.page} of ${data.receipts.pages}`}</Text>
              {data.receipts.page < data.receipts.pages ? <Button url={pageUrl(data.receipts.page + 1)}>Older orders</Button> : null}
            </InlineStack>
          </SectionCard>
        </Layout.Section>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, lg: 2 }} gap="400">
            <PortalCard invite={invite} />
            <CommissionCard commission={data.commission} currency={currency} />
          </InlineGrid>
          <Box paddingBlockEnd="800" />
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function PlainSelect({ label, name, value, options }: { label: string; name: string; value: string; options: { label: string; value: string }[] }) {
  const [selected, setSelected] = useState(value);
  return <Select label={label} name={name} value={selected} onChange={setSelected} options={options} />;
}

function CompareCard({ data, search, unit }: { data: ReturnType<typeof useLoaderData<typeof loader>>["data"]; search: string; unit: string }) {
  const params = new URLSearchParams(search);
  const [other, setOther] = useState(data.comparison?.other.id ?? data.others[0]?.id ?? "");
  const title = data.influencer.name?.trim() || data.influencer.handle;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingSm">
          Is {title} really better?
        </Text>
        <Form method="get">
          {[...params.entries()].map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <InlineStack gap="200" blockAlign="end">
            <Select label="Compare with" name="compare" value={other} onChange={setOther} options={data.others.map((o) => ({ value: o.id, label: o.label }))} />
            <Button submit>Compare</Button>
          </InlineStack>
        </Form>
        {data.comparison ? (
          <BlockStack gap="200">
            <Text as="p" fontWeight="semibold" id="compare-verdict">
              {data.comparison.result.verdict}
            </Text>
            <DataTable
              columnContentTypes={["text", "numeric", "numeric", "text"]}
              headings={["Influencer", "Conversions", unit === "clicks" ? "Clicks" : "Engagements", "Rate (95% interval)"]}
              rows={[
                [title, data.summary.conversions, data.summary.rate.denominator, `${formatPct(data.summary.rate.ratePct)} (${formatInterval(data.summary.rate.ci95Pct)})`],
                [
                  data.comparison.other.label,
                  data.comparison.other.summary.conversions,
                  data.comparison.other.summary.rate.denominator,
                  `${formatPct(data.comparison.other.summary.rate.ratePct)} (${formatInterval(data.comparison.other.summary.rate.ci95Pct)})`,
                ],
              ]}
            />
            {data.comparison.result.probabilityABetter !== null ? (
              <Text as="p" tone="subdued" variant="bodySm">
                Probability that {title}&apos;s true rate is higher: {Math.round(data.comparison.result.probabilityABetter * 100)}%
                {data.comparison.result.pValue !== null ? ` · two-proportion test p = ${data.comparison.result.pValue.toFixed(3)}` : ""}.
              </Text>
            ) : null}
          </BlockStack>
        ) : (
          <Text as="p" tone="subdued">
            Pick another influencer: ICR tests whether the difference is larger than chance would make it.
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}

const STATUS_TONE = { attributed: "success", excluded: "warning", unattributed: undefined } as const;

function ReceiptRow({ receipt, currency }: { receipt: AdminReceipt; currency: string }) {
  const [open, setOpen] = useState(false);
  const id = `receipt-${receipt.orderId}`;
  return (
    <Box borderColor="border" borderWidth="025" borderRadius="200" padding="300">
      <BlockStack gap="200">
        <InlineStack align="space-between" blockAlign="center" gap="200">
          <InlineStack gap="200" blockAlign="center">
            <Text as="h3" variant="headingSm">
              Order {receipt.order}
            </Text>
            <Text as="span" tone="subdued">
              {receipt.day}
            </Text>
            <Badge tone={STATUS_TONE[receipt.status]}>{receipt.status === "excluded" ? `excluded: ${receipt.excludedReason ?? ""}` : receipt.status}</Badge>
            {receipt.rule ? <Badge>{`rule: ${receipt.rule}`}</Badge> : null}
            {receipt.amount ? <Text as="span">{`${receipt.amount} ${currency}`}</Text> : null}
          </InlineStack>
          <Button variant="plain" onClick={() => setOpen(!open)} ariaExpanded={open} ariaControls={id} accessibilityLabel={`${open ? "Hide" : "Show"} receipt for order ${receipt.order}`}>
            {open ? "Hide receipt" : "Show receipt"}
          </Button>
        </InlineStack>
        <Collapsible open={open} id={id}>
          <BlockStack gap="100">
            <Text as="p">{receipt.explanation}</Text>
            <List type="bullet">
              <List.Item>Evidence that won: {receipt.winning ?? "none"}</List.Item>
              <List.Item>Rule that fired: {receipt.rule ?? "none"} (precedence decides between rules)</List.Item>
              <List.Item>Overruled: {receipt.overruled.length ? receipt.overruled.join("; ") : "nothing"}</List.Item>
              <List.Item>
                Window: link and UTM evidence counts up to {receipt.windowDays} days before the order
                {receipt.expired.length ? `; outside it: ${receipt.expired.join("; ")}` : ""}
              </List.Item>
              {receipt.campaign ? <List.Item>Campaign: {receipt.campaign}</List.Item> : null}
            </List>
          </BlockStack>
        </Collapsible>
      </BlockStack>
    </Box>
  );
}

type InviteState = ReturnType<typeof useLoaderData<typeof loader>>["invite"];

function PortalCard({ invite }: { invite: InviteState }) {
  const fetcher = useFetcher<typeof action>();
  const result = fetcher.data;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingSm">
          Influencer portal
        </Text>
        <Text as="p" tone="subdued">
          A private link where the influencer sees their own links, codes, rate and receipts, and nothing else.
          {invite.state === "none" ? " Not invited yet." : ` Link ${invite.state}, expires ${String(invite.expiresAt).slice(0, 10)}.`}
        </Text>
        <InlineStack gap="200">
          <fetcher.Form method="post">
            <input type="hidden" name="intent" value="invite" />
            <Button submit loading={fetcher.state !== "idle"}>
              {invite.state === "none" ? "Create portal link" : "Create a new link"}
            </Button>
          </fetcher.Form>
          {invite.state === "active" ? (
            <fetcher.Form method="post">
              <input type="hidden" name="intent" value="revoke" />
              <Button submit tone="critical" variant="secondary">
                Revoke
              </Button>
            </fetcher.Form>
          ) : null}
        </InlineStack>
        {result ? (
          result.ok ? (
            <BlockStack gap="100">
              <Text as="p" tone="success">
                {result.message}
              </Text>
              {"url" in result && result.url ? <TextField label="Portal link" value={result.url} readOnly autoComplete="off" selectTextOnFocus /> : null}
            </BlockStack>
          ) : (
            <Text as="p" tone="critical">
              {result.error}
            </Text>
          )
        ) : null}
      </BlockStack>
    </Card>
  );
}

function CommissionCard({ commission, currency }: { commission: { kind: "percent" | "fixed"; value: number } | null; currency: string }) {
  const fetcher = useFetcher<typeof action>();
  const [kind, setKind] = useState<string>(commission?.kind ?? "none");
  const [value, setValue] = useState(commission ? (commission.value / 100).toString() : "");
  const result = fetcher.data;
  return (
    <Card>
      <fetcher.Form method="post">
        <input type="hidden" name="intent" value="commission" />
        <BlockStack gap="300">
          <Text as="h2" variant="headingSm">
            Commission
          </Text>
          <InlineGrid columns={2} gap="200">
            <Select
              label="Kind"
              name="kind"
              value={kind}
              onChange={setKind}
              options={[
                { value: "none", label: "No commission" },
                { value: "percent", label: "Percent of net revenue" },
                { value: "fixed", label: `Fixed per purchase (${currency})` },
              ]}
            />
            <TextField label={kind === "percent" ? "Percent" : "Amount"} name="value" value={value} onChange={setValue} type="number" autoComplete="off" disabled={kind === "none"} />
          </InlineGrid>
          <InlineStack>
            <Button submit loading={fetcher.state !== "idle"}>
              Save commission
            </Button>
          </InlineStack>
          {result ? (
            <Text as="p" tone={result.ok ? "success" : "critical"}>
              {result.ok ? result.message : result.error}
            </Text>
          ) : null}
        </BlockStack>
      </fetcher.Form>
    </Card>
  );
}
