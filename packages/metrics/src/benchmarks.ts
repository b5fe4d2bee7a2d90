import { roundTo } from "./round-to.js";

/** A typical conversion-rate range for an industry, with where it comes from. */
export interface IndustryBenchmark {
  /** Stable key, e.g. "fashion". */
  id: string;
  /** Display name, e.g. "Fashion & apparel". */
  label: string;
  /** Low end of the typical range, in percent. */
  lowPct: number;
  /** High end of the typical range, in percent. */
  highPct: number;
  /** Publisher, report and year of the figures behind the range. */
  source: string;
  sourceUrl?: string;
}

/**
 * Typical conversion-rate ranges by industry: orders (or bookings, leads) per visit, from widely
 * cited public reports. They are typical ranges to place a rate in context, not guarantees or
 * targets: the reports measure whole-site sessions or search-ad clicks, not influencer link clicks,
 * and disagree with each other by a factor of two or more. Where two reports differ, the range runs
 * from the lower to the higher figure. A shop can replace any of them with its own range
 * (`findBenchmark` and `placeAgainstBenchmark` take any list or range).
 */
export const INDUSTRY_BENCHMARKS: readonly IndustryBenchmark[] = Object.freeze(
  [
    {
      id: "all",
      label: "All industries",
      lowPct: 1.4,
      highPct: 3.2,
      source:
        "Littledata, Shopify conversion-rate benchmarks (2023 data, about 2,800 stores): average 1.4%, top 20% of stores from 3.2%",
    },
    {
      id: "retail",
      label: "Retail / e-commerce",
      lowPct: 1.5,
      highPct: 3,
      source:
        "IRP Commerce, UK e-commerce market data (2016–2022): all markets 1.5–1.9% of sessions; Dynamic Yield, e-commerce benchmarks (2022–2024): global average about 2.7–3.2%",
      sourceUrl: "https://www.irpcommerce.com/en/gb/ecommercemarketdata.aspx",
    },
    {
      id: "fashion",
      label: "Fashion & apparel",
      lowPct: 1.5,
      highPct: 3.3,
      source:
        "IRP Commerce, fashion, clothing & accessories market (2023, as compiled by Yaguara 2024): about 1.5%; Dynamic Yield, fashion, accessories & apparel (2024, as reported by Oberlo): 3.0–3.3%",
      sourceUrl: "https://www.oberlo.com/statistics/ecommerce-conversion-rate-by-industry",
    },
    {
      id: "beauty",
      label: "Beauty & personal care",
      lowPct: 3,
      highPct: 4.9,
      source:
        "Dynamic Yield, beauty & personal care (2024, as reported by Oberlo): 4.5–4.9%; low end from the nearest UK category, IRP Commerce health & wellbeing (2019–2021): 3.0–4.0%",
      sourceUrl: "https://www.oberlo.com/statistics/ecommerce-conversion-rate-by-industry",
    },
    {
      id: "health",
      label: "Health & wellness",
      lowPct: 3,
      highPct: 4,
      source: "IRP Commerce, UK health & wellbeing market data (2019–2021): 3.04–3.97% of sessions",
      sourceUrl: "https://www.irpcommerce.com/en/gb/ecommercemarketdata.aspx?Market=2",
    },
    {
      id: "food",
      label: "Food & beverage",
      lowPct: 1.2,
      highPct: 6.1,
      source:
        "IRP Commerce, food & drink market (2023, as compiled by Yaguara 2024): about 1.2%; Dynamic Yield, food & beverage (2024, as reported by Oberlo): about 6.0–6.1%",
      sourceUrl: "https://www.oberlo.com/statistics/ecommerce-conversion-rate-by-industry",
    },
    {
      id: "home",
      label: "Home & garden",
      lowPct: 1,
      highPct: 2.8,
      source:
        "Dynamic Yield, home & furniture (2024, as reported by Oberlo): 1.0–1.2%; IRP Commerce, kitchen & home appliances (2023, as compiled by Yaguara 2024): about 2.8%",
      sourceUrl: "https://www.oberlo.com/statistics/ecommerce-conversion-rate-by-industry",
    },
    {
      id: "technology",
      label: "Technology & electronics",
      lowPct: 1.2,
      highPct: 2.4,
      source:
        "IRP Commerce, electrical & commercial equipment (2023, as compiled by Yaguara 2024): about 1.2%; ConvertCart, e-commerce conversion rate by industry (2023): electronics & home appliances 2.4%",
      sourceUrl: "https://www.convertcart.com/blog/ecommerce-conversion-rate-by-industry",
    },
    {
      id: "services",
      label: "Services (B2C)",
      lowPct: 5,
      highPct: 8.7,
      source:
        "WordStream / LocaliQ Google Ads benchmarks (2023, as compiled by PPC.io): restaurants & food 5.1%, health & fitness 8.4%, personal services 8.7% (bookings and leads from search ads, which convert above purchases)",
      sourceUrl: "https://ppc.io/blog/google-ads-conversion-rate",
    },
    {
      id: "travel",
      label: "Travel & hospitality",
      lowPct: 2,
      highPct: 3.9,
      source:
        "Fastbooking and 80 Days hotel-website studies (2018, as reported by Tnooz): about 2.0–2.2%; WordStream / LocaliQ Google Ads benchmarks (2023, as compiled by PPC.io): travel 3.9%",
      sourceUrl: "https://www.tnooz.com/article/closer-look-hotel-conversion-rate/",
    },
  ].map((benchmark) => Object.freeze(benchmark)),
);

/**
 * Looks a benchmark up by id, in the built-in list or a shop's own.
 *
 * @returns the benchmark, or `undefined` when no benchmark has that id.
 * @example
 * findBenchmark("retail")?.lowPct; // 1.5
 * findBenchmark("nope");           // undefined
 */
export function findBenchmark(
  id: string,
  benchmarks: readonly IndustryBenchmark[] = INDUSTRY_BENCHMARKS,
): IndustryBenchmark | undefined {
  return benchmarks.find((benchmark) => benchmark.id === id);
}

/**
 * Where a rate falls against a range; the ends of the range count as within.
 *
 * @returns "below", "within" or "above"; `null` when the rate is null (no data).
 * @throws RangeError when the range is not finite or its low end exceeds its high end.
 * @example
 * placeAgainstBenchmark(3.4, { lowPct: 1.5, highPct: 3 }); // "above"
 * placeAgainstBenchmark(null, { lowPct: 1.5, highPct: 3 }); // null
 */
export function placeAgainstBenchmark(
  ratePct: number | null,
  range: { lowPct: number; highPct: number },
): "below" | "within" | "above" | null {
  if (!(Number.isFinite(range.lowPct) && Number.isFinite(range.highPct) && range.lowPct <= range.highPct)) {
    throw new RangeError(`not a benchmark range: ${String(range.lowPct)}–${String(range.highPct)}`);
  }
  if (ratePct === null) return null;
  if (!Number.isFinite(ratePct)) throw new RangeError(`not a rate: ${String(ratePct)}`);
  if (ratePct < range.lowPct) return "below";
  if (ratePct > range.highPct) return "above";
  return "within";
}

/**
 * One sentence placing a rate against a benchmark, e.g. "Above the retail / e-commerce range (1.5–3%)".
 *
 * @returns the sentence; "No data to compare with the … range (…)" when the rate is null.
 * @throws RangeError as {@link placeAgainstBenchmark}.
 * @example
 * describePlacement(3.4, findBenchmark("retail")!); // "Above the retail / e-commerce range (1.5–3%)"
 */
export function describePlacement(
  ratePct: number | null,
  benchmark: { label: string; lowPct: number; highPct: number },
): string {
  const placement = placeAgainstBenchmark(ratePct, benchmark);
  const range = `the ${lowerFirst(benchmark.label)} range (${formatBound(benchmark.lowPct)}–${formatBound(benchmark.highPct)}%)`;
  switch (placement) {
    case null:
      return `No data to compare with ${range}`;
    case "below":
      return `Below ${range}`;
    case "within":
      return `Within ${range}`;
    case "above":
      return `Above ${range}`;
  }
}

/** "Retail" → "retail" inside a sentence; a first word with several capitals ("B2C", "DTC") keeps its case. */
function lowerFirst(label: string): string {
  const firstWord = label.split(/\s/, 1)[0] ?? "";
  if (/[A-Z].*[A-Z]/.test(firstWord)) return label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** 3 → "3", 1.5 → "1.5", 2.345 → "2.35". */
function formatBound(pct: number): string {
  return String(roundTo(pct, 2));
}
