// Charts of rates and counts with @shopify/polaris-viz (Polaris's own chart library), drawn in the
// browser after hydration; the server renders a same-size skeleton so the layout does not jump.
import { BarChart, LineChart, PolarisVizProvider } from "@shopify/polaris-viz";
import { ClientOnly } from "./client-only";

const HEIGHT = 260;
/** React 18's types do not know `inert` yet; the DOM does. */
const INERT = { inert: "" } as Record<string, string>;

function Frame({
  children,
  label,
}: {
  children: () => JSX.Element;
  label: string;
}) {
  return (
    <div style={{ height: HEIGHT }} role="img" aria-label={label}>
      {/* The chart's own SVG (focusable points, roles without names) is taken out of the accessibility tree and the tab
          order: the label above, the tables beside it and the CSV export carry the numbers. */}
      <div {...INERT} style={{ height: HEIGHT }}>
        <ClientOnly fallback={<div style={{ height: HEIGHT }} />}>
          {() => (
            <PolarisVizProvider
              themes={{
                Light: {
                  chartContainer: {
                    backgroundColor: "transparent",
                    padding: "0",
                  },
                },
              }}
            >
              {children()}
            </PolarisVizProvider>
          )}
        </ClientOnly>
      </div>
    </div>
  );
}

const percent = (value: number | string | null) =>
  value === null ? "no data" : `${Number(value).toFixed(2)}%`;

/**
 * A line of rates over time (days or weeks); points with no denominator are gaps, not zeros.
 * `label` describes the chart for screen readers (the numbers are in the tables beside it).
 */
export function RateTrendChart({
  points,
  label,
  seriesName,
}: {
  points: { key: string; label: string; ratePct: number | null }[];
  label: string;
  seriesName: string;
}) {
  return (
    <Frame label={label}>
      {() => (
        <LineChart
          theme="Light"
          showLegend={false}
          emptyStateText="No data in this range"
          data={[
            {
              name: seriesName,
              data: points.map((p) => ({ key: p.key, value: p.ratePct })),
            },
          ]}
          yAxisOptions={{ labelFormatter: percent }}
          tooltipOptions={{ valueFormatter: percent }}
        />
      )}
    </Frame>
  );
}

/** Horizontal bars, one per label (e.g. conversions by rule). */
export function CountBarChart({
  bars,
  label,
  seriesName,
}: {
  bars: { key: string; value: number }[];
  label: string;
  seriesName: string;
}) {
  return (
    <Frame label={label}>
      {() => (
        <BarChart
          theme="Light"
          direction="horizontal"
          showLegend={false}
          data={[
            {
              name: seriesName,
              data: bars.map((b) => ({ key: b.key, value: b.value })),
            },
          ]}
        />
      )}
    </Frame>
  );
}
