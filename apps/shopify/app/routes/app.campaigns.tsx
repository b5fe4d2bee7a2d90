// Campaigns: each with its goal, type, dates and last-90-day rate for its own goal; the form adds
// or updates one by key, then re-attributes (UTM evidence naming the campaign now resolves to it).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, DataTable, FormLayout, Layout, Page, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { GOAL_OPTIONS } from "../components/filter-options";
import { formatCount, formatInterval, formatPct } from "../components/rate-format";
import { SectionCard } from "../components/section-card";
import { listCampaigns, saveCampaign } from "../models/campaigns.server";
import { requireAdmin } from "../services/admin-context.server";
import { parseDashboardQuery } from "../services/dashboard-query.server";
import { loadDashboard } from "../services/dashboard.server";
import { reattributeOrders } from "../services/reattribution.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop } = await requireAdmin(request);
  const campaigns = await listCampaigns(db, shop.id);
  const now = Date.now();
  // Each campaign is rated for its own goal.
  const [purchase, signup] = await Promise.all(
    (["purchase", "signup"] as const).map((goal) => loadDashboard(db, shop, parseDashboardQuery(new URLSearchParams({ range: "90", goal }), now, shop.timezone))),
  );
  const rows = campaigns.map((c) => {
    const line = (c.goal === "purchase" ? purchase : signup)!.campaigns.find((g) => g.campaign === c.id);
    return {
      key: c.id,
      name: c.name ?? c.id,
      goal: c.goal,
      type: c.type ?? "—",
      dates: `${c.startsAt ? new Date(c.startsAt).toISOString().slice(0, 10) : "…"} – ${c.endsAt ? new Date(c.endsAt).toISOString().slice(0, 10) : "ongoing"}`,
      clicks: line?.rate.denominator ?? 0,
      conversions: line?.conversions ?? 0,
      ratePct: line?.rate.ratePct ?? null,
      ci: line?.rate.ci95Pct ?? null,
    };
  });
  return { rows };
};

const formSchema = z
  .object({
    key: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, "Key: letters, digits, '.', '_' or '-' (it is the utm_campaign value)"),
    name: z.string().trim().min(1, "Enter a name"),
    goal: z.enum(["purchase", "signup"]),
    type: z.string().trim().default(""),
    startsAt: z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Start: a date")]).default(""),
    endsAt: z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "End: a date")]).default(""),
  })
  .refine((f) => !f.startsAt || !f.endsAt || f.endsAt >= f.startsAt, { message: "The end is before the start", path: ["endsAt"] });

export const action = async ({ request }: ActionFunctionArgs) => {
  const { db, shop } = await requireAdmin(request);
  const parsed = formSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return { ok: false as const, errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message])) as Record<string, string> };
  const f = parsed.data;
  await saveCampaign(db, shop.id, {
    key: f.key,
    name: f.name,
    goal: f.goal,
    type: f.type || null,
    startsAt: f.startsAt ? new Date(`${f.startsAt}T00:00:00Z`) : null,
    endsAt: f.endsAt ? new Date(`${f.endsAt}T23:59:59Z`) : null,
  });
  const { orders, changed } = await reattributeOrders(db, shop, null, `campaign ${f.key} saved`);
  return { ok: true as const, key: f.key, orders, changed };
};

export default function Campaigns() {
  const { rows } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, setForm] = useState({ key: "", name: "", goal: "purchase", type: "", startsAt: "", endsAt: "" });
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });
  const errors = result && !result.ok ? result.errors : {};
  return (
    <Page title="Campaigns" secondaryActions={[{ content: "Export CSV", url: "/app/export/campaigns?range=90" }]}>
      <Layout>
        <Layout.Section>
          <SectionCard title="Campaigns (last 90 days, each for its own goal)">
            {rows.length === 0 ? (
              <Text as="p">No campaigns yet. A campaign groups links and codes toward one goal: purchases or sign-ups.</Text>
            ) : (
              <DataTable
                columnContentTypes={["text", "text", "text", "text", "numeric", "numeric", "numeric", "text"]}
                headings={["Campaign", "Goal", "Type", "Dates", "Clicks", "Conversions", "Rate", "95% interval"]}
                rows={rows.map((r) => [`${r.name} (${r.key})`, r.goal, r.type, r.dates, formatCount(r.clicks), formatCount(r.conversions), formatPct(r.ratePct), formatInterval(r.ci)])}
              />
            )}
          </SectionCard>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <Form method="post">
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Add or update a campaign
                </Text>
                {result?.ok ? (
                  <Banner tone="success" title={`Saved ${result.key}`}>
                    <p>{`${result.orders} orders re-attributed, ${result.changed} changed.`}</p>
                  </Banner>
                ) : null}
                <FormLayout>
                  <TextField label="Key" name="key" value={form.key} onChange={set("key")} autoComplete="off" helpText="The utm_campaign value; an existing key is updated." error={errors.key} />
                  <TextField label="Name" name="name" value={form.name} onChange={set("name")} autoComplete="off" error={errors.name} />
                  <Select label="Goal" name="goal" value={form.goal} onChange={set("goal")} options={GOAL_OPTIONS} />
                  <TextField label="Type" name="type" value={form.type} onChange={set("type")} autoComplete="off" helpText="Free text: gifting, affiliate, sponsored post…" />
                  <TextField label="Starts" name="startsAt" type="date" value={form.startsAt} onChange={set("startsAt")} autoComplete="off" error={errors.startsAt} />
                  <TextField label="Ends" name="endsAt" type="date" value={form.endsAt} onChange={set("endsAt")} autoComplete="off" error={errors.endsAt} />
                </FormLayout>
                <Button submit variant="primary" loading={navigation.state === "submitting"}>
                  Save campaign
                </Button>
              </BlockStack>
            </Form>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
