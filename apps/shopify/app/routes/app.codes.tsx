// Discount codes: every code assigned to an influencer; create one in Shopify (discountCodeBasicCreate)
// or adopt one the shop already has, then re-attribute the orders that used it. Unassigning re-attributes too.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, DataTable, FormLayout, Layout, Page, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { SectionCard } from "../components/section-card";
import { listCampaigns } from "../models/campaigns.server";
import { listCodes } from "../models/discount-codes.server";
import { listInfluencers } from "../models/influencers.server";
import { AdminApiError } from "../services/admin-gateway.server";
import { requireAdmin } from "../services/admin-context.server";
import { adoptInfluencerCode, createInfluencerCode, unassignCode } from "../services/roster.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop } = await requireAdmin(request);
  const [codes, roster, campaigns] = await Promise.all([listCodes(db, shop.id), listInfluencers(db, shop.id), listCampaigns(db, shop.id)]);
  const names = new Map(roster.map((i) => [i.id, i.name?.trim() || i.handle]));
  return {
    codes: codes.map((c) => ({ code: c.code, influencer: names.get(c.influencerId) ?? c.influencerId, campaign: c.campaign ?? null, origin: c.origin })),
    influencers: roster.map((i) => ({ value: i.id, label: i.name?.trim() || i.handle })),
    campaigns: campaigns.map((c) => ({ value: c.id, label: c.name ?? c.id })),
  };
};

const formSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.enum(["create", "adopt"]),
    influencerId: z.string().min(1, "Choose an influencer"),
    code: z.string().trim().regex(/^[A-Za-z0-9_-]{3,40}$/, "Codes are 3–40 letters, digits, '_' or '-'"),
    percentage: z.coerce.number().min(1, "At least 1%").max(100, "At most 100%").default(10),
    campaign: z.string().trim().default(""),
  }),
  z.object({ intent: z.literal("unassign"), code: z.string().trim().min(1) }),
]);

export const action = async ({ request }: ActionFunctionArgs) => {
  const { db, shop, gateway } = await requireAdmin(request);
  const parsed = formSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return { ok: false as const, errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message])) as Record<string, string> };
  const f = parsed.data;
  try {
    if (f.intent === "unassign") {
      const removed = await unassignCode(db, shop, f.code);
      return removed
        ? { ok: true as const, message: `${removed.code.code} unassigned; ${removed.reattribution.changed} of ${removed.reattribution.orders} orders that used it changed.` }
        : { ok: false as const, errors: { form: `${f.code} is not assigned.` } };
    }
    const input = { influencerId: f.influencerId, code: f.code, campaign: f.campaign || null };
    const { code, reattribution } =
      f.intent === "create" ? await createInfluencerCode(db, gateway, shop, { ...input, percentage: f.percentage / 100 }) : await adoptInfluencerCode(db, gateway, shop, input);
    return {
      ok: true as const,
      message: `${code.code} ${f.intent === "create" ? "created in Shopify" : "adopted"} and assigned; ${reattribution.orders} orders had used it, ${reattribution.changed} changed credit.`,
    };
  } catch (error) {
    // Shopify's refusals (code taken, not found) are the merchant's to fix: say them plainly.
    if (error instanceof AdminApiError || error instanceof RangeError) return { ok: false as const, errors: { code: error.message } };
    throw error;
  }
};

export default function Codes() {
  const { codes, influencers, campaigns } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const [form, setForm] = useState({ intent: "create", influencerId: params.get("influencer") ?? influencers[0]?.value ?? "", code: "", percentage: "10", campaign: "" });
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });
  const errors = result && !result.ok ? result.errors : {};
  return (
    <Page title="Discount codes" secondaryActions={[{ content: "Export CSV", url: "/app/export/codes" }]}>
      <Layout>
        <Layout.Section>
          <SectionCard title="Assigned codes">
            {codes.length === 0 ? (
              <Text as="p">No codes yet. An order with an influencer&apos;s code is credited to them, with or without a click.</Text>
            ) : (
              <DataTable
                columnContentTypes={["text", "text", "text", "text", "text"]}
                headings={["Code", "Influencer", "Campaign", "Origin", ""]}
                rows={codes.map((c) => [
                  c.code,
                  c.influencer,
                  c.campaign ?? "—",
                  c.origin === "created" ? "Created in Shopify" : "Adopted",
                  <Form key={c.code} method="post">
                    <input type="hidden" name="intent" value="unassign" />
                    <input type="hidden" name="code" value={c.code} />
                    <Button submit variant="plain" tone="critical" accessibilityLabel={`Unassign ${c.code}`}>
                      Unassign
                    </Button>
                  </Form>,
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
                  Give an influencer a code
                </Text>
                {result?.ok ? <Banner tone="success" title={result.message} /> : null}
                {errors.form ? <Banner tone="critical" title={errors.form} /> : null}
                {influencers.length === 0 ? (
                  <Text as="p">Add an influencer first.</Text>
                ) : (
                  <FormLayout>
                    <Select label="Influencer" name="influencerId" value={form.influencerId} onChange={set("influencerId")} options={influencers} error={errors.influencerId} />
                    <Select
                      label="How"
                      name="intent"
                      value={form.intent}
                      onChange={set("intent")}
                      options={[
                        { value: "create", label: "Create a new code in Shopify" },
                        { value: "adopt", label: "Adopt a code the shop already has" },
                      ]}
                    />
                    <TextField label="Code" name="code" value={form.code} onChange={set("code")} autoComplete="off" error={errors.code} />
                    {form.intent === "create" ? (
                      <TextField label="Discount (%)" name="percentage" type="number" min={1} max={100} value={form.percentage} onChange={set("percentage")} autoComplete="off" error={errors.percentage} />
                    ) : null}
                    <Select label="Campaign" name="campaign" value={form.campaign} onChange={set("campaign")} options={[{ value: "", label: "None" }, ...campaigns]} />
                  </FormLayout>
                )}
                <Button submit variant="primary" disabled={influencers.length === 0} loading={navigation.state === "submitting"}>
                  {form.intent === "create" ? "Create code" : "Adopt code"}
                </Button>
              </BlockStack>
            </Form>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
