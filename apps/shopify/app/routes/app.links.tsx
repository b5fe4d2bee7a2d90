// Share links: the generator (influencer, destination, platform, campaign) with a live preview of
// the URL a click lands on, and every link with its short URL, a copy button and a QR code (SVG
// rendered on the server by `qrcode`).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Banner, BlockStack, Box, Button, Card, FormLayout, InlineGrid, InlineStack, Layout, Page, Select, Text, TextField } from "@shopify/polaris";
import { buildShareUrl } from "@icr/metrics";
import QRCode from "qrcode";
import { useState } from "react";
import { z } from "zod";
import { listCampaigns } from "../models/campaigns.server";
import { listInfluencers } from "../models/influencers.server";
import { listLinks } from "../models/share-links.server";
import { requireAdmin } from "../services/admin-context.server";
import { addShareLink } from "../services/roster.server";

const PLATFORMS = ["instagram", "tiktok", "youtube", "pinterest", "twitch", "x", "facebook", "snapchat", "blog", "podcast", "email"];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop, appUrl } = await requireAdmin(request);
  const [links, roster, campaigns] = await Promise.all([listLinks(db, shop.id), listInfluencers(db, shop.id), listCampaigns(db, shop.id)]);
  const byId = new Map(roster.map((i) => [i.id, i]));
  const origin = appUrl.replace(/\/$/, "");
  return {
    links: await Promise.all(
      links.map(async (l) => {
        const url = `${origin}/r/${l.slug}`;
        const influencer = byId.get(l.influencerId);
        return {
          id: l.id,
          url,
          influencer: influencer?.name?.trim() || influencer?.handle || l.influencerId,
          campaign: l.campaign ?? null,
          platform: l.platform ?? null,
          destination: l.destination,
          qr: await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" }),
        };
      }),
    ),
    influencers: roster.map((i) => ({ value: i.id, label: i.name?.trim() || i.handle, handle: i.utm ?? i.handle, platform: i.platform ?? "", campaign: i.campaign ?? "" })),
    campaigns: campaigns.map((c) => ({ value: c.id, label: c.name ?? c.id })),
  };
};

const formSchema = z.object({
  influencerId: z.string().min(1, "Choose an influencer"),
  destination: z.string().trim().url("Enter the full address of a page of your store, starting with https://"),
  platform: z.string().trim().default(""),
  campaign: z.string().trim().default(""),
});

export const action = async ({ request }: ActionFunctionArgs) => {
  const { db, shop, appUrl } = await requireAdmin(request);
  const parsed = formSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return { ok: false as const, errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message])) as Record<string, string> };
  try {
    const link = await addShareLink(db, shop, { influencerId: parsed.data.influencerId, destination: parsed.data.destination, platform: parsed.data.platform || null, campaign: parsed.data.campaign || null });
    return { ok: true as const, url: `${appUrl.replace(/\/$/, "")}/r/${link.slug}` };
  } catch (error) {
    if (error instanceof RangeError) return { ok: false as const, errors: { destination: error.message } };
    throw error;
  }
};

export default function Links() {
  const { links, influencers, campaigns } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const first = influencers.find((i) => i.value === params.get("influencer")) ?? influencers[0];
  const [form, setForm] = useState({ influencerId: first?.value ?? "", destination: "", platform: first?.platform || "instagram", campaign: first?.campaign ?? "" });
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });
  const errors = result && !result.ok ? result.errors : {};
  const chosen = influencers.find((i) => i.value === form.influencerId);
  let preview = "";
  try {
    preview = chosen && form.destination ? buildShareUrl(form.destination, { handle: chosen.handle, platform: form.platform, campaign: form.campaign, clickId: "{click id}" }) : "";
  } catch {
    preview = "";
  }

  return (
    <Page title="Share links">
      <Layout>
        <Layout.Section variant="oneThird">
          <Card>
            <Form method="post">
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Generate a share link
                </Text>
                {result?.ok ? (
                  <Banner tone="success" title="Link created">
                    <InlineStack gap="200" blockAlign="center">
                      <Text as="span" breakWord id="new-link-url">
                        {result.url}
                      </Text>
                      <CopyButton text={result.url} />
                    </InlineStack>
                  </Banner>
                ) : null}
                {influencers.length === 0 ? <Text as="p">Add an influencer first.</Text> : null}
                <FormLayout>
                  <Select label="Influencer" name="influencerId" value={form.influencerId} onChange={set("influencerId")} options={influencers.map(({ value, label }) => ({ value, label }))} error={errors.influencerId} />
                  <TextField label="Destination" name="destination" type="url" value={form.destination} onChange={set("destination")} placeholder="https://your-store.com/products/…" autoComplete="off" error={errors.destination} />
                  <Select label="Platform (utm_source)" name="platform" value={form.platform} onChange={set("platform")} options={PLATFORMS} />
                  <Select label="Campaign (utm_campaign)" name="campaign" value={form.campaign} onChange={set("campaign")} options={[{ value: "", label: "None" }, ...campaigns]} />
                </FormLayout>
                <Box background="bg-surface-secondary" padding="200" borderRadius="200">
                  <BlockStack gap="100">
                    <Text as="h3" variant="headingSm">
                      A click lands on
                    </Text>
                    <Text as="p" breakWord tone={preview ? undefined : "subdued"} id="utm-preview">
                      {preview || "Enter a destination to see the URL with its UTM parameters."}
                    </Text>
                  </BlockStack>
                </Box>
                <Button submit variant="primary" disabled={influencers.length === 0} loading={navigation.state === "submitting"}>
                  Create link
                </Button>
              </BlockStack>
            </Form>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <BlockStack gap="300">
            {links.length === 0 ? (
              <Card>
                <Text as="p">No share links yet. Each influencer gets their own: clicks on it are the rate&apos;s denominator.</Text>
              </Card>
            ) : null}
            {links.map((l) => (
              <Card key={l.id}>
                <InlineGrid columns="1fr auto" gap="300">
                  <BlockStack gap="100">
                    <Text as="h2" variant="headingSm">
                      {l.influencer}
                      {l.campaign ? ` · ${l.campaign}` : ""}
                      {l.platform ? ` · ${l.platform}` : ""}
                    </Text>
                    <InlineStack gap="200" blockAlign="center">
                      <Text as="span" breakWord>
                        {l.url}
                      </Text>
                      <CopyButton text={l.url} />
                    </InlineStack>
                    <Text as="p" tone="subdued" variant="bodySm" breakWord>
                      to {l.destination}
                    </Text>
                  </BlockStack>
                  <div role="img" aria-label={`QR code for ${l.url}`} style={{ width: 96, height: 96 }} dangerouslySetInnerHTML={{ __html: l.qr }} />
                </InlineGrid>
              </Card>
            ))}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      size="slim"
      accessibilityLabel={`Copy ${text}`}
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(() => setCopied(true));
      }}
    >
      {copied ? "Copied" : "Copy"}
    </Button>
  );
}
