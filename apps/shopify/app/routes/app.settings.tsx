// Settings: attribution window, precedence, touch model, self-referral rules (saving re-attributes
// every order and says how many changed), low-sample thresholds and the industry benchmark.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Checkbox, FormLayout, Layout, Page, Select, Text, TextField } from "@shopify/polaris";
import { DEFAULT_LOW_SAMPLE, INDUSTRY_BENCHMARKS, MAX_WINDOW_DAYS, type Rule } from "@icr/metrics";
import { useState } from "react";
import { z } from "zod";
import { getRateDisplaySettings, saveRateDisplaySettings } from "../models/shop-settings.server";
import { requireAdmin } from "../services/admin-context.server";
import { changeAttributionSettings } from "../services/roster.server";

const PRECEDENCES: Record<string, Rule[]> = {
  "code,link,utm": ["code", "link", "utm"],
  "link,code,utm": ["link", "code", "utm"],
  "code,utm,link": ["code", "utm", "link"],
  "link,utm,code": ["link", "utm", "code"],
};

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop } = await requireAdmin(request);
  const display = await getRateDisplaySettings(db, shop.id);
  return {
    attribution: { ...shop.settings, precedence: [...shop.settings.precedence], selfReferral: { ...shop.settings.selfReferral } },
    lowSample: display.lowSample ?? DEFAULT_LOW_SAMPLE,
    industry: display.industry,
    industries: INDUSTRY_BENCHMARKS.map((b) => ({ value: b.id, label: `${b.label} (${b.lowPct}–${b.highPct}%)` })),
  };
};

const formSchema = z.object({
  windowDays: z.coerce.number().int("Whole days").min(1, "At least 1 day").max(MAX_WINDOW_DAYS, `At most ${MAX_WINDOW_DAYS} days`),
  precedence: z.enum(Object.keys(PRECEDENCES) as [string, ...string[]]),
  touch: z.enum(["last", "first"]),
  byEmail: z.enum(["on", "off"]).default("off"),
  byCustomerId: z.enum(["on", "off"]).default("off"),
  minDenominator: z.coerce.number().int("Whole number").min(0, "0 or more"),
  minConversions: z.coerce.number().int("Whole number").min(0, "0 or more"),
  industry: z.enum(INDUSTRY_BENCHMARKS.map((b) => b.id) as [string, ...string[]]),
});

export const action = async ({ request }: ActionFunctionArgs) => {
  const { db, shop } = await requireAdmin(request);
  const parsed = formSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return { ok: false as const, errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message])) as Record<string, string> };
  const f = parsed.data;
  await saveRateDisplaySettings(db, shop.id, { industry: f.industry, lowSample: { minDenominator: f.minDenominator, minConversions: f.minConversions } });
  const { reattribution } = await changeAttributionSettings(db, shop, {
    windowDays: f.windowDays,
    precedence: PRECEDENCES[f.precedence] ?? ["code", "link", "utm"],
    touch: f.touch,
    selfReferral: { byEmail: f.byEmail === "on", byCustomerId: f.byCustomerId === "on" },
  });
  return { ok: true as const, orders: reattribution.orders, changed: reattribution.changed };
};

export default function Settings() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = result && !result.ok ? result.errors : {};
  const [f, setF] = useState({
    windowDays: String(data.attribution.windowDays),
    precedence: data.attribution.precedence.join(","),
    touch: data.attribution.touch,
    byEmail: data.attribution.selfReferral.byEmail,
    byCustomerId: data.attribution.selfReferral.byCustomerId,
    minDenominator: String(data.lowSample.minDenominator),
    minConversions: String(data.lowSample.minConversions),
    industry: data.industry,
  });
  const set = <K extends keyof typeof f>(key: K) => (value: (typeof f)[K]) => setF({ ...f, [key]: value });
  return (
    <Page title="Settings">
      <Form method="post">
        <Layout>
          <Layout.Section>
            {result?.ok ? (
              <Banner tone="success" title="Settings saved">
                <p id="reattribution-result">{`${result.orders} orders re-attributed; ${result.changed} changed credit.`}</p>
              </Banner>
            ) : null}
            {result && !result.ok ? <Banner tone="critical" title="Nothing was saved: fix the fields marked below." /> : null}
          </Layout.Section>
          <Layout.AnnotatedSection title="Attribution" description="Which influencer gets an order. Saving re-attributes every order with the new rules.">
            <Card>
              <FormLayout>
                <TextField label="Attribution window (days)" name="windowDays" type="number" value={f.windowDays} onChange={set("windowDays")} autoComplete="off" helpText="Link and UTM evidence counts only this long before the order; codes have no window." error={errors.windowDays} />
                <Select
                  label="Precedence"
                  name="precedence"
                  value={f.precedence}
                  onChange={set("precedence")}
                  options={Object.keys(PRECEDENCES).map((key) => ({ value: key, label: key.split(",").join(" > ") }))}
                  helpText="When evidence points to several influencers, the first rule wins; the others are kept on the receipt."
                />
                <Select label="Touch model for links" name="touch" value={f.touch} onChange={(v) => set("touch")(v as "last" | "first")} options={[{ value: "last", label: "Last touch" }, { value: "first", label: "First touch" }]} />
                <input type="hidden" name="byEmail" value={f.byEmail ? "on" : "off"} />
                <input type="hidden" name="byCustomerId" value={f.byCustomerId ? "on" : "off"} />
                <Checkbox label="Exclude an influencer's own orders, matched by email" checked={f.byEmail} onChange={set("byEmail")} />
                <Checkbox label="Exclude an influencer's own orders, matched by customer id" checked={f.byCustomerId} onChange={set("byCustomerId")} />
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title="Honest numbers" description="A rate resting on little data is flagged everywhere it is shown.">
            <Card>
              <FormLayout>
                <FormLayout.Group>
                  <TextField label="Low sample under this many clicks" name="minDenominator" type="number" value={f.minDenominator} onChange={set("minDenominator")} autoComplete="off" error={errors.minDenominator} />
                  <TextField label="…or this many conversions" name="minConversions" type="number" value={f.minConversions} onChange={set("minConversions")} autoComplete="off" error={errors.minConversions} />
                </FormLayout.Group>
                <Select label="Industry benchmark" name="industry" value={f.industry} onChange={set("industry")} options={data.industries} helpText="Typical ranges from public reports, each with its source: context, not a target." />
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.Section>
            <BlockStack gap="400">
              <Text as="p" tone="subdued" variant="bodySm">
                Re-attribution runs now and may take a few seconds for a large history.
              </Text>
              <div>
                <Button submit variant="primary" loading={navigation.state === "submitting"}>
                  Save and re-attribute
                </Button>
              </div>
            </BlockStack>
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}
