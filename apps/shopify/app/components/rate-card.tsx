// The "Conversion rate" card the dashboard and the influencer page share: the rate, its 95% interval
// and the warnings that go with it, so the two pages can never show a rate differently.
import type { RateEstimate } from "@icr/metrics";
import { Badge, BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import type { ReactNode } from "react";
import { formatInterval, formatPct, rateWarnings } from "./rate-format";

interface RateCardProps {
  /** DOM id of the rate value (the browser tests read it). */
  valueId: string;
  rate: RateEstimate;
  /** Words after the interval, e.g. "· 18 conversions from 290 clicks". */
  detail?: ReactNode;
  /** More badges after the warnings (the benchmark placement). */
  badges?: ReactNode;
  /** Lines under the badges. */
  children?: ReactNode;
}

/**
 * A rate as every admin page shows it: "4.26%", "95% interval 3.65–4.98%", low-sample and
 * above-100% badges. A null rate reads "No data" with the interval "—".
 *
 * @example <RateCard valueId="overall-rate" rate={summary.rate} />
 */
export function RateCard({ valueId, rate, detail, badges, children }: RateCardProps) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingSm">
          Conversion rate
        </Text>
        <Text as="p" variant="heading2xl" id={valueId}>
          {formatPct(rate.ratePct)}
        </Text>
        <Text as="p" tone="subdued">
          95% interval {formatInterval(rate.ci95Pct)}
          {detail}
        </Text>
        <InlineStack gap="200">
          {rateWarnings(rate).map((w) => (
            <Badge key={w} tone="warning">
              {w}
            </Badge>
          ))}
          {badges}
        </InlineStack>
        {children}
      </BlockStack>
    </Card>
  );
}
