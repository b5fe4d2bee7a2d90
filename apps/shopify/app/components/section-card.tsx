/**
 * A titled section of an admin page: a card whose h2 heading has an optional action at its right
 * (a button, a link), then the section's content.
 */
import { BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import type { ReactNode } from "react";

export interface SectionCardProps {
  title: ReactNode;
  /** The heading's id, for content that names itself by it (aria-labelledby). */
  headingId?: string;
  action?: ReactNode;
  children: ReactNode;
}

export function SectionCard({ title, headingId, action, children }: SectionCardProps) {
  const heading = (
    <Text as="h2" variant="headingMd" {...(headingId ? { id: headingId } : {})}>
      {title}
    </Text>
  );
  return (
    <Card>
      <BlockStack gap="300">
        {action ? (
          <InlineStack align="space-between" blockAlign="center">
            {heading}
            {action}
          </InlineStack>
        ) : (
          heading
        )}
        {children}
      </BlockStack>
    </Card>
  );
}
