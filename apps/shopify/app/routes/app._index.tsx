// The dashboard: the shop's pooled conversion rate with its interval and benchmark, the trend,
// influencers ranked by shrunk rate, campaigns, a segment breakdown and conversions by rule, for a
// date range, goal and denominator chosen in the URL (so every view can be linked and exported).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Box,
  Button,
  Card,
  DataTable,
  EmptyState,
  InlineGrid,
  InlineStack,
  Layout,
  Link,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { formatMoney } from "@icr/metrics";
import { useState } from "react";
import { DENOMINATOR_OPTIONS, GOAL_OPTIONS, RANGE_OPTIONS } from "../components/filter-options";
import { RateCard } from "../components/rate-card";
import { CountBarChart, RateTrendChart } from "../components/rate-chart";
import { formatCount, formatInterval, formatPct, rateWarnings } from "../components/rate-format";
import { SectionCard } from "../components/section-card";
import { requireAdmin } from "../services/admin-context.server";
import { DashboardQueryError, parseDashboardQuery, queryString } from "../services/dashboard-query.server";
import { loadDashboard } from "../services/dashboard.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop } = await requireAdmin(request);
  let query;
  try {
    query = parseDashboardQuery(new URL(request.url).searchParams, Date.now(), shop.timezone);
  } catch (error) {
    if (error instanceof DashboardQueryError) throw new Response(`Bad dashboard filter: ${error.message}`, { status: 400 });
    throw error;
  }
  const data = await loadDashboard(db, shop, query);
  return { data, search: queryString(query) };
};

const SEGMENT_LABELS: Record<string, string> = {
  platform: "Platform",
  tag: "Audience / tier tag",
  campaignType: "Campaign type",
  customerType: "New vs returning customers",
  country: "Country",
  device: "Device",
  product: "Product",
};

export default function Dashboard() {
  const { data, search } = useLoaderData<typeof loader>();
  const { query, overall, benchmark, currency } = data;
  const unit = query.denominator === "clicks" ? "clicks" : "engagements";
  const conversionsWord = query.goal === "purchase" ? "purchases" : "sign-ups";

  if (data.rosterSize === 0) {
    return (
      <Page title="Dashboard">
        <Card>
          <EmptyState
            heading="Add your first influencer"
            action={{ content: "Add an influencer", url: "/app/influencers" }}
            secondaryAction={{ content: "Import order history", url: "/app/backfill" }}
            image="https://cdn.shopify.com/s/files/1/0262/4071/2726/files/emptystate-files.png"
          >
            <p>
              ICR credits orders to influencers by their discount codes, share links and UTM parameters. Add an influencer, give them a code or a
              share link, and their conversion rate appears here as orders come in.
            </p>
          </EmptyState>
        </Card>
      </Page>
    );
  }

  const rules = [
    { key: "Discount code", value: data.byRule.code },
    { key: "Share link click", value: data.byRule.link },
    { key: "UTM / landing page", value: data.byRule.utm },
  ];

  return (
    <Page title="Dashboard" subtitle={`${query.from} to ${query.to} · ${conversionsWord} per ${unit.slice(0, -1)}`}>
      <Layout>
        <Layout.Section>
          <Filters query={query} />
        </Layout.Section>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
            <RateCard
              valueId="overall-rate"
              rate={overall.rate}
              badges={
                benchmark.placement ? (
                  <Badge tone={benchmark.placement === "below" ? "attention" : "success"}>{`${benchmark.placement} benchmark`}</Badge>
                ) : null
              }
            >
              <Text as="p" variant="bodySm">
                {benchmark.sentence}. Source: {benchmark.source}.
              </Text>
            </RateCard>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingSm">
                  Conversions
                </Text>
                <Text as="p" variant="heading2xl" id="overall-conversions">
                  {formatCount(overall.conversions)}
                </Text>
                <Text as="p" tone="subdued">
                  from <span id="overall-denominator">{formatCount(overall.rate.denominator)}</span> {unit}
                  {query.denominator === "clicks" ? " (human, de-duplicated)" : ""}
                </Text>
                {query.goal === "purchase" ? (
                  <Text as="p">
                    Attributed revenue: {formatMoney(overall.revenue, currency)} {currency}
                  </Text>
                ) : null}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingSm">
                  Conversions by rule
                </Text>
                <CountBarChart bars={rules} seriesName="Conversions" label={rules.map((r) => `${r.key}: ${r.value}`).join(", ")} />
                <Text as="p" variant="bodySm" tone="subdued">
                  Code conversions add no clicks: {overall.conversions === 0 ? 0 : Math.round((data.byRule.code / overall.conversions) * 100)}% of this rate rests
                  on codes alone.
                </Text>
              </BlockStack>
            </Card>
          </InlineGrid>
        </Layout.Section>
        <Layout.Section>
          <SectionCard
            title={`Trend by ${data.trend.granularity}`}
            action={
              <Button url={`/app/export/trend?${search}`} download>
                Export CSV
              </Button>
            }
          >
            <RateTrendChart
              points={data.trend.points}
              seriesName="Conversion rate"
              label={`Conversion rate by ${data.trend.granularity} from ${query.from} to ${query.to}`}
            />
          </SectionCard>
        </Layout.Section>
        <Layout.Section>
          <SectionCard
            title="Influencers, ranked by shrunk rate"
            action={
              <Button url={`/app/export/influencers?${search}`} download>
                Export CSV
              </Button>
            }
          >
            <Text as="p" tone="subdued" variant="bodySm">
              The shrunk rate pulls small samples toward the shop&apos;s typical rate, so one sale from two clicks does not outrank hundreds of sales.
              The raw rate and its 95% interval are beside it.
            </Text>
            <DataTable
              columnContentTypes={["numeric", "text", "text", "numeric", "numeric", "numeric", "text", "numeric", "text"]}
              headings={["Rank", "Influencer", "Platform", unit === "clicks" ? "Clicks" : "Engagements", "Conversions", "Raw rate", "95% interval", "Shrunk rate", "Notes"]}
              rows={data.influencers.map((row) => [
                row.rank,
                <Link key={row.key} url={`/app/influencers/${row.influencerId ?? ""}`}>
                  {row.label}
                </Link>,
                row.platform ?? "—",
                formatCount(row.rate.denominator),
                formatCount(row.conversions),
                formatPct(row.rawPct),
                formatInterval(row.rate.ci95Pct),
                formatPct(row.shrunkPct),
                rateWarnings(row.rate).join(", ") || "—",
              ])}
            />
          </SectionCard>
        </Layout.Section>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, lg: 2 }} gap="400">
            <SectionCard
              title="Campaigns"
              action={
                <Button url={`/app/export/campaigns?${search}`} download>
                  Export CSV
                </Button>
              }
            >
              <DataTable
                columnContentTypes={["text", "text", "numeric", "numeric", "numeric", "text"]}
                headings={["Campaign", "Goal", unit === "clicks" ? "Clicks" : "Engagements", "Conversions", "Rate", "95% interval"]}
                rows={data.campaigns.map((row) => [
                  row.label,
                  row.goal ?? "—",
                  formatCount(row.rate.denominator),
                  formatCount(row.conversions),
                  formatPct(row.rate.ratePct),
                  formatInterval(row.rate.ci95Pct),
                ])}
              />
            </SectionCard>
            <SectionCard
              title={<>By {SEGMENT_LABELS[query.segment]?.toLowerCase()}</>}
              headingId="segment-heading"
              action={
                <Button url={`/app/export/segments?${search}`} download>
                  Export CSV
                </Button>
              }
            >
              {query.segment === "customerType" || query.segment === "product" ? (
                <Text as="p" tone="subdued" variant="bodySm">
                  Clicks do not carry this dimension, so every line shares the whole range&apos;s {unit}.
                </Text>
              ) : null}
              <DataTable
                columnContentTypes={["text", "numeric", "numeric", "numeric", "text"]}
                headings={[SEGMENT_LABELS[query.segment] ?? "Segment", unit === "clicks" ? "Clicks" : "Engagements", "Conversions", "Rate", "95% interval"]}
                rows={data.segment.map((row) => [
                  row.label,
                  formatCount(row.rate.denominator),
                  formatCount(row.conversions),
                  formatPct(row.rate.ratePct),
                  formatInterval(row.rate.ci95Pct),
                ])}
              />
            </SectionCard>
          </InlineGrid>
        </Layout.Section>
        <Layout.Section>
          <Box paddingBlockEnd="800">
            <Text as="p" tone="subdued" variant="bodySm">
              Rates are pooled (all conversions over all {unit}), never an average of rates. A rate is flagged as a low sample under{" "}
              {data.thresholds.minDenominator} {unit} or {data.thresholds.minConversions} conversions (change it in Settings).
            </Text>
          </Box>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function Filters({ query }: { query: { range: string; from: string; to: string; segment: string; goal: string; denominator: string } }) {
  const submit = useSubmit();
  const navigation = useNavigation();
  const [range, setRange] = useState(query.range);
  const [from, setFrom] = useState(query.from);
  const [to, setTo] = useState(query.to);
  const [segment, setSegment] = useState(query.segment);
  const [goal, setGoal] = useState(query.goal);
  const [denominator, setDenominator] = useState(query.denominator);
  const change = (form: HTMLFormElement | null) => {
    if (form) submit(form, { replace: true });
  };
  return (
    <Card>
      <Form method="get" id="dashboard-filters" onChange={(event) => range !== "custom" && change(event.currentTarget)}>
        <BlockStack gap="300">
          <Text as="h2" variant="headingSm">
            Filters
          </Text>
          <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="300">
            <Select
              label="Date range"
              name="range"
              value={range}
              onChange={setRange}
              options={[...RANGE_OPTIONS, { label: "Custom range", value: "custom" }]}
            />
            <Select
              label="Break down by"
              name="segment"
              value={segment}
              onChange={setSegment}
              options={Object.entries(SEGMENT_LABELS).map(([value, label]) => ({ value, label }))}
            />
            <Select
              label="Goal"
              name="goal"
              value={goal}
              onChange={setGoal}
              options={GOAL_OPTIONS}
            />
            <Select
              label="Rate per"
              name="denominator"
              value={denominator}
              onChange={setDenominator}
              options={DENOMINATOR_OPTIONS}
            />
          </InlineGrid>
          {range === "custom" ? (
            <InlineGrid columns={{ xs: 1, sm: 2 }} gap="300">
              <TextField label="From" name="from" type="date" value={from} onChange={setFrom} autoComplete="off" />
              <TextField label="To" name="to" type="date" value={to} onChange={setTo} autoComplete="off" />
            </InlineGrid>
          ) : null}
          <InlineStack>
            <Button submit loading={navigation.state === "loading"}>
              Apply
            </Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </Card>
  );
}
