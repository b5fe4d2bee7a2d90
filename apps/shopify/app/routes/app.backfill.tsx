// History import: the bulk export of past orders, with a progress bar driven by the job's stored
// progress (it refreshes itself while the job runs), and the recent re-attribution jobs.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { Badge, BlockStack, Button, DataTable, Layout, Page, ProgressBar, Text } from "@shopify/polaris";
import { useEffect } from "react";
import { SectionCard } from "../components/section-card";
import { findUnfinishedJob, listJobs } from "../models/jobs.server";
import { requireAdmin } from "../services/admin-context.server";
import { runBackfill } from "../services/backfill.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop } = await requireAdmin(request);
  const [backfills, reattributions] = await Promise.all([listJobs(db, shop.id, { kind: "backfill", limit: 1 }), listJobs(db, shop.id, { kind: "reattribute", limit: 10 })]);
  const job = backfills[0] ?? null;
  const progress = (job?.progress ?? {}) as { ordersDone?: number; linesDone?: number; objectCount?: number; phase?: string };
  const percent = job?.status === "succeeded" ? 100 : progress.objectCount ? Math.min(100, Math.round(((progress.linesDone ?? 0) / progress.objectCount) * 100)) : 0;
  return {
    backfill: job ? { status: job.status, error: job.error, updatedAt: job.updatedAt.toISOString(), ordersDone: progress.ordersDone ?? 0, phase: progress.phase ?? null, percent } : null,
    reattributions: reattributions.map((j) => ({
      id: j.id,
      status: j.status,
      reason: String((j.progress as { reason?: unknown }).reason ?? ""),
      ordersDone: Number((j.progress as { ordersDone?: unknown }).ordersDone ?? 0),
      changed: Number((j.progress as { changed?: unknown }).changed ?? 0),
      at: j.createdAt.toISOString().replace("T", " ").slice(0, 16),
    })),
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { db, shop, gateway } = await requireAdmin(request);
  if (!(await findUnfinishedJob(db, shop.id, "backfill"))) {
    // Runs after the response: progress is stored on the job and shown as it moves.
    void runBackfill({ db, gateway }, shop).catch((error: unknown) => console.error(`backfill of ${shop.domain} interrupted`, error));
  }
  return { started: true };
};

export default function Backfill() {
  const { backfill, reattributions } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const running = backfill?.status === "running" || backfill?.status === "queued";
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => revalidator.revalidate(), 2000);
    return () => clearInterval(timer);
  }, [running, revalidator]);
  return (
    <Page title="History import">
      <Layout>
        <Layout.Section>
          <SectionCard title="Order history">
            <Text as="p" tone="subdued">
              New orders arrive by webhook. The import reads your past orders once (all of them, with read_all_orders) so older promotions count too.
            </Text>
            {backfill ? (
              <BlockStack gap="200">
                <Badge tone={backfill.status === "failed" ? "critical" : backfill.status === "succeeded" ? "success" : "info"}>{backfill.status}</Badge>
                <ProgressBar progress={backfill.percent} ariaLabelledBy="backfill-progress-label" />
                <Text as="p" id="backfill-progress-label">
                  {`${backfill.percent}% · ${backfill.ordersDone} orders imported${backfill.phase ? ` · ${backfill.phase}` : ""}`}
                </Text>
                {backfill.error ? (
                  <Text as="p" tone="critical">
                    {`The import stopped: ${backfill.error}. Start it again; it resumes where it stopped.`}
                  </Text>
                ) : null}
              </BlockStack>
            ) : (
              <Text as="p">Your order history has not been imported yet.</Text>
            )}
            <Form method="post">
              <Button submit loading={navigation.state === "submitting"} disabled={running}>
                {backfill ? "Import again" : "Import order history"}
              </Button>
            </Form>
          </SectionCard>
        </Layout.Section>
        <Layout.Section>
          <SectionCard title="Recent re-attributions">
            {reattributions.length === 0 ? (
              <Text as="p">None yet: a change to the roster, a code, a link or the settings re-attributes the orders it can affect.</Text>
            ) : (
              <DataTable
                columnContentTypes={["text", "text", "text", "numeric", "numeric"]}
                headings={["When (UTC)", "Why", "Status", "Orders", "Changed"]}
                rows={reattributions.map((j) => [j.at, j.reason, j.status, j.ordersDone, j.changed])}
              />
            )}
          </SectionCard>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
