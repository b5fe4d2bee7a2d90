// Engagement import: upload a CSV (date,handle,campaign,engagements), see a preview with each bad
// row's line and problem, then import; with bad rows, nothing is written unless the merchant
// chooses to import the valid rows only.
import { unstable_parseMultipartFormData, unstable_createMemoryUploadHandler, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, DataTable, InlineStack, Layout, List, Page, Text } from "@shopify/polaris";
import { SectionCard } from "../components/section-card";
import { requireAdmin } from "../services/admin-context.server";
import { MAX_CSV_BYTES, importEngagementCsv, previewEngagementCsv } from "../services/engagement-import.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await requireAdmin(request);
  return null;
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { db, shop } = await requireAdmin(request);
  const form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_CSV_BYTES }));
  const file = form.get("file");
  const text = file instanceof File ? await file.text() : String(form.get("csv") ?? "");
  const intent = String(form.get("intent") ?? "preview");
  if (intent === "preview") return { stage: "preview" as const, csv: text, ...(await previewEngagementCsv(db, shop, text)) };
  const result = await importEngagementCsv(db, shop, text, { validOnly: intent === "import-valid" });
  return { stage: "done" as const, csv: "", ...result };
};

export default function Engagements() {
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <Page title="Engagement import" subtitle="Engagements are the other denominator: likes, saves, link taps, whatever your platforms report.">
      <Layout>
        <Layout.Section>
          <Card>
            <Form method="post" encType="multipart/form-data">
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  1. Choose a CSV file
                </Text>
                <Text as="p" tone="subdued">
                  Columns: <code>date,handle,campaign,engagements</code> (campaign may be empty). A day already imported for the same influencer and campaign
                  is replaced.
                </Text>
                <label htmlFor="engagement-file">
                  <Text as="span" variant="bodyMd">
                    CSV file
                  </Text>
                </label>
                <input id="engagement-file" type="file" name="file" accept=".csv,text/csv" required />
                <input type="hidden" name="intent" value="preview" />
                <InlineStack>
                  <Button submit loading={busy}>
                    Preview
                  </Button>
                </InlineStack>
              </BlockStack>
            </Form>
          </Card>
        </Layout.Section>
        {result ? (
          <Layout.Section>
            <SectionCard title={result.stage === "preview" ? "2. Check the preview" : "Import finished"}>
              {result.fileError ? <Banner tone="critical" title={`The file cannot be imported: ${result.fileError}`} /> : null}
              {result.stage === "done" && !result.fileError ? (
                <Banner tone={result.written > 0 ? "success" : "warning"} title={result.written > 0 ? `${result.written} rows imported` : "Nothing was imported"}>
                  {result.written === 0 && result.errors.length > 0 ? <p>Fix the rows below, or import the valid rows only.</p> : null}
                </Banner>
              ) : null}
              {result.errors.length > 0 ? (
                <Banner tone="warning" title={`${result.errors.length} rows have problems`}>
                  <List type="bullet">
                    {result.errors.slice(0, 50).map((e) => (
                      <List.Item key={e.line}>{`Line ${e.line}: ${e.message}`}</List.Item>
                    ))}
                  </List>
                </Banner>
              ) : null}
              {result.valid.length > 0 ? (
                <DataTable
                  columnContentTypes={["numeric", "text", "text", "text", "numeric"]}
                  headings={["Line", "Date", "Handle", "Campaign", "Engagements"]}
                  rows={result.valid.slice(0, 100).map((r) => [r.line, r.day, r.handle, r.campaign || "—", r.count])}
                  footerContent={result.valid.length > 100 ? `First 100 of ${result.valid.length} valid rows` : `${result.valid.length} valid rows`}
                />
              ) : null}
              {result.stage === "preview" && !result.fileError && result.valid.length > 0 ? (
                <Form method="post" encType="multipart/form-data">
                  <input type="hidden" name="csv" value={result.csv} />
                  <InlineStack gap="200">
                    {result.errors.length === 0 ? (
                      <>
                        <input type="hidden" name="intent" value="import" />
                        <Button submit variant="primary" loading={busy}>
                          {`Import ${result.valid.length} rows`}
                        </Button>
                      </>
                    ) : (
                      <>
                        <input type="hidden" name="intent" value="import-valid" />
                        <Button submit loading={busy}>
                          {`Import the ${result.valid.length} valid rows only`}
                        </Button>
                      </>
                    )}
                  </InlineStack>
                </Form>
              ) : null}
            </SectionCard>
          </Layout.Section>
        ) : null}
      </Layout>
    </Page>
  );
}
