import { html } from "lit/html.js";
import { parseRate, type RateData } from "../shared/contract.js";
import { DataElement } from "../shared/data-element.js";
import { formatDays, formatPercent } from "../shared/format.js";
import { NO_DATA } from "../shared/text.js";
import { trendLine } from "../shared/trend-line.js";
import { trendStyles } from "./trend.styles.js";

/**
 * The conversion rate day by day, as an SVG line from zero to the highest day, with the first day,
 * the peak and the last day labelled. A day without clicks breaks the line rather than dip to zero.
 * Reads the `trend` of any public API `/rate` answer.
 *
 * @tag icr-trend
 * @summary The conversion rate over time.
 *
 * @csspart caption - The label.
 * @csspart chart - The SVG chart; its accessible name summarizes the line.
 * @csspart line - The rate line.
 * @csspart axis - The first day, the peak and the last day under the chart.
 * @cssproperty [--icr-min-height=10rem] - Height reserved before the data arrives.
 * @cssproperty [--icr-chart-height=7em] - Height of the chart.
 * @cssproperty [--icr-rule=#8883] - Color of the baseline.
 */
export class IcrTrend extends DataElement<RateData> {
  static override styles = trendStyles;

  protected override parse(value: unknown): RateData {
    return parseRate(value);
  }

  protected override renderData(d: RateData, locale: string | undefined): unknown {
    const trend = d.trend ?? [];
    const max = Math.max(0, ...trend.map((p) => Number(p.ratePct)));
    const day = (i: number) => formatDays(trend.at(i)!.day, undefined, locale);
    return html`<div part="caption">${this.label || d.label || "Conversion rate by day"}</div>
      ${trend.some((p) => p.ratePct !== null)
        ? html`${trendLine(trend, 300, 100, "chart", locale)}
            <div part="axis" aria-hidden="true">
              <span>${day(0)}</span><span>max ${formatPercent(max, locale)}</span><span>${day(-1)}</span>
            </div>`
        : html`<p part="status" role="status">${NO_DATA}</p>`}`;
  }
}
