// The roster: every influencer with their last-30-day rate, and the form that adds one (checked
// with a schema; a bad handle or a taken one says so and nothing is written).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, DataTable, FormLayout, Layout, Link, Page, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { formatCount, formatInterval, formatPct } from "../components/rate-format";
import { SectionCard } from "../components/section-card";
import { listCampaigns } from "../models/campaigns.server";
import { requireAdmin } from "../services/admin-context.server";
import { parseDashboardQuery } from "../services/dashboard-query.server";
import { loadDashboard } from "../services/dashboard.server";
import { addInfluencer } from "../services/roster.server";

const PLATFORMS = ["instagram", "tiktok", "youtube", "pinterest", "twitch", "x", "facebook", "snapchat", "blog", "podcast", "other"];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop } = await requireAdmin(request);
  const query = parseDashboardQuery(new URLSearchParams(), Date.now(), shop.timezone);
  const [dashboard, campaigns] = await Promise.all([loadDashboard(db, shop, query), listCampaigns(db, shop.id)]);
  return {
    rows: [...dashboard.influencers].sort((a, b) => a.label.localeCompare(b.label)),
    campaigns: campaigns.map((c) => ({ value: c.id, label: c.name ?? c.id })),
  };
};

const formSchema = z.object({
  handle: z.string().trim().min(1, "Enter the influencer's handle"),
  name: z.string().trim().max(200).default(""),
  email: z.union([z.literal(""), z.string().trim().email("Enter a valid email, or leave it empty")]).default(""),
  platform: z.string().trim().default(""),
  tags: z.string().default(""),
  defaultCampaign: z.string().trim().default(""),
});

export const action = async ({ request }: ActionFunctionArgs) => {
  const { db, shop } = await requireAdmin(request);
  const parsed = formSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    return { ok: false as const, errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message])) as Record<string, string> };
  }
  const f = parsed.data;
  try {
    const { influencer, reattribution } = await addInfluencer(db, shop, {
      handle: f.handle,
      name: f.name || null,
      email: f.email || null,
      platform: f.platform || null,
      tags: f.tags.split(/[;,]/),
      defaultCampaign: f.defaultCampaign || null,
    });
    return { ok: true as const, id: influencer.id, handle: influencer.handle, changed: reattribution.changed };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // The unique (shop, handle) index: a second influencer with the same handle.
    if (/duplicate|unique|23505/i.test(message + String((error as { cause?: unknown }).cause ?? ""))) {
      return { ok: false as const, errors: { handle: `An influencer with the handle ${f.handle.toLowerCase()} already exists` } };
    }
    if (error instanceof RangeError) return { ok: false as const, errors: { handle: message } };
    throw error;
  }
};

export default function Influencers() {
  const { rows, campaigns } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, setForm] = useState({ handle: "", name: "", email: "", platform: "instagram", tags: "", defaultCampaign: "" });
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });
  const errors = result && !result.ok ? result.errors : {};

  return (
    <Page title="Influencers" secondaryActions={[{ content: "Export CSV", url: "/app/export/roster" }]}>
      <Layout>
        <Layout.Section>
          <SectionCard title="Roster (last 30 days)">
            {rows.length === 0 ? (
              <Text as="p">No influencers yet. Add the first one with the form: their handle is what their UTM links carry as utm_content.</Text>
            ) : (
              <DataTable
                columnContentTypes={["text", "text", "text", "numeric", "numeric", "numeric", "text"]}
                headings={["Influencer", "Handle", "Platform", "Clicks", "Conversions", "Rate", "95% interval"]}
                rows={rows.map((r) => [
                  <Link key={r.key} url={`/app/influencers/${r.influencerId ?? ""}`}>
                    {r.label}
                  </Link>,
                  r.handle,
                  r.platform ?? "—",
                  formatCount(r.rate.denominator),
                  formatCount(r.conversions),
                  formatPct(r.rate.ratePct),
                  formatInterval(r.rate.ci95Pct),
                ])}
              />
            )}
          </SectionCard>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <Form method="post">
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Add an influencer
                </Text>
                {result?.ok ? (
                  <Banner tone="success" title={`Added ${result.handle}`}>
                    <p>
                      {result.changed > 0 ? `${result.changed} existing orders are now credited to them. ` : ""}
                      <Link url={`/app/influencers/${result.id}`}>Open their page</Link> to give them a code or a link.
                    </p>
                  </Banner>
                ) : null}
                <FormLayout>
                  <TextField label="Handle" name="handle" value={form.handle} onChange={set("handle")} autoComplete="off" helpText="Lower case; matched against utm_content." error={errors.handle} requiredIndicator />
                  <TextField label="Name" name="name" value={form.name} onChange={set("name")} autoComplete="off" error={errors.name} />
                  <TextField label="Email" name="email" type="email" value={form.email} onChange={set("email")} autoComplete="off" helpText="Only a salted hash is stored: it catches self-referrals." error={errors.email} />
                  <Select label="Platform" name="platform" value={form.platform} onChange={set("platform")} options={PLATFORMS} />
                  <TextField label="Tags" name="tags" value={form.tags} onChange={set("tags")} autoComplete="off" helpText="Audience or tier, separated by commas (e.g. micro, beauty)." />
                  <Select label="Default campaign" name="defaultCampaign" value={form.defaultCampaign} onChange={set("defaultCampaign")} options={[{ value: "", label: "None" }, ...campaigns]} />
                </FormLayout>
                <Button submit variant="primary" loading={navigation.state === "submitting"}>
                  Add influencer
                </Button>
              </BlockStack>
            </Form>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
