import { html } from "lit/html.js";
import { parseRate, type RateData } from "../shared/contract.js";
import { DataElement } from "../shared/data-element.js";
import { formatCount, formatPercent } from "../shared/format.js";
import { LOW_SAMPLE, NO_DATA } from "../shared/text.js";
import { trendLine } from "../shared/trend-line.js";
import { influencerCardStyles } from "./influencer-card.styles.js";

/**
 * One influencer at a glance: clicks, conversions, the conversion rate with its 95% interval, and
 * a sparkline of the daily rate. Reads the public API's `/rate?scope=influencer` answer.
 *
 * @tag icr-influencer-card
 * @summary An influencer's clicks, conversions, rate and sparkline.
 *
 * @csspart name - The influencer's name.
 * @csspart stats - The clicks, conversions and rate.
 * @csspart interval - The 95% interval under the rate.
 * @csspart sparkline - The daily rate chart (an SVG); its accessible name summarizes it.
 * @csspart line - The line in the sparkline.
 * @csspart note - The low-sample note.
 * @cssproperty [--icr-min-height=9rem] - Height reserved before the data arrives.
 * @cssproperty [--icr-sparkline-height=2em] - Height of the sparkline.
 */
export class IcrInfluencerCard extends DataElement<RateData> {
  static override styles = influencerCardStyles;

  protected override parse(value: unknown): RateData {
    return parseRate(value);
  }

  protected override renderData(d: RateData, locale: string | undefined): unknown {
    const count = (v: number | undefined) => formatCount(v, locale);
    const pct = (v: number) => formatPercent(v, locale);
    return html`<div part="name">${this.label || d.label}</div>
      <dl part="stats">
        <div><dt>Clicks</dt><dd>${count(d.clicks)}</dd></div>
        <div><dt>Conversions</dt><dd>${count(d.conversions)}</dd></div>
        <div>
          <dt>Rate</dt>
          <dd>${d.ratePct === null ? NO_DATA : pct(d.ratePct)}</dd>
          ${d.ci95Pct ? html`<dd part="interval">${pct(d.ci95Pct[0])} – ${pct(d.ci95Pct[1])}</dd>` : ""}
        </div>
      </dl>
      ${d.trend?.length ? trendLine(d.trend, 100, 20, "sparkline", locale) : ""}
      ${d.lowSample ? html`<p part="note">${LOW_SAMPLE}</p>` : ""}`;
  }
}
