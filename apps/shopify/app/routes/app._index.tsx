// The embedded admin's first page: history import progress, data health, last 30 days' rate.
// (The full dashboard is a later issue; it reads the same services.)
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, InlineGrid, Layout, Page, ProgressBar, Text } from "@shopify/polaris";
import { formatMoney } from "@icr/metrics";
import { findUnfinishedJob } from "../models/jobs.server";
import { requireAdmin } from "../services/admin-context.server";
import { runBackfill } from "../services/backfill.server";
import { shopOverview } from "../services/overview.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop } = await requireAdmin(request);
  const overview = await shopOverview(db, shop, Date.now());
  return { overview, currency: shop.currency };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { db, shop, gateway } = await requireAdmin(request);
  if (!(await findUnfinishedJob(db, shop.id, "backfill"))) {
    // Runs after the response: progress is stored on the job and shown on the next load.
    void runBackfill({ db, gateway }, shop).catch((error: unknown) => console.error(`backfill of ${shop.domain} interrupted`, error));
  }
  return { started: true };
};

export default function Index() {
  const { overview, currency } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const totals = overview.last30Days.totals;
  const progress = overview.backfill?.progress as { ordersDone?: number; linesDone?: number; objectCount?: number } | undefined;
  const percent = progress?.objectCount ? Math.min(100, Math.round(((progress.linesDone ?? 0) / progress.objectCount) * 100)) : 0;
  return (
    <Page title="Influencer Conversion Rate">
      <Layout>
        <Layout.Section>
          <InlineGrid columns={3} gap="400">
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingSm">Conversion rate, last 30 days</Text>
                <Text as="p" variant="heading2xl">{totals.rate.ratePct === null ? "No data" : `${totals.rate.ratePct}%`}</Text>
                <Text as="p" tone="subdued">
                  {totals.conversions} conversions / {totals.clicks} clicks
                  {totals.rate.ci95Pct ? ` (95%: ${totals.rate.ci95Pct[0]}–${totals.rate.ci95Pct[1]}%)` : ""}
                </Text>
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingSm">Attributed revenue</Text>
                <Text as="p" variant="heading2xl">{formatMoney(totals.revenue, currency)} {currency}</Text>
                <Text as="p" tone="subdued">{overview.influencers} influencers</Text>
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingSm">Orders imported</Text>
                <Text as="p" variant="heading2xl">{overview.orders}</Text>
                {overview.deadLetters > 0 ? <Badge tone="warning">{`${overview.deadLetters} deliveries could not be read`}</Badge> : null}
              </BlockStack>
            </Card>
          </InlineGrid>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">Order history import</Text>
              {overview.backfill ? (
                <>
                  <Badge tone={overview.backfill.status === "failed" ? "critical" : overview.backfill.status === "succeeded" ? "success" : "info"}>
                    {overview.backfill.status}
                  </Badge>
                  <ProgressBar progress={overview.backfill.status === "succeeded" ? 100 : percent} />
                  <Text as="p" tone="subdued">{progress?.ordersDone ?? 0} orders imported{overview.backfill.error ? ` — ${overview.backfill.error}` : ""}</Text>
                </>
              ) : (
                <Text as="p">Your order history has not been imported yet.</Text>
              )}
              <Form method="post">
                <Button submit loading={navigation.state === "submitting"} disabled={overview.backfill?.status === "running"}>
                  {overview.backfill ? "Import again" : "Import order history"}
                </Button>
              </Form>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
