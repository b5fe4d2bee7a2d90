import { html } from "lit/html.js";
import { benchmarkText, intervalText } from "../shared/comparison.js";
import { parseRate, type RateData } from "../shared/contract.js";
import { DataElement } from "../shared/data-element.js";
import { formatCount, formatDays, formatPercent } from "../shared/format.js";
import { asBoolean } from "../shared/icr-element.js";
import { LOW_SAMPLE, NO_DATA } from "../shared/text.js";
import { rateStyles } from "./rate.styles.js";

/**
 * One conversion rate (a shop's overall rate, an influencer's, or a campaign's) as the public API
 * computed it, optionally with its 95% interval, its place against the industry benchmark, and an
 * arrow for the change from the previous period of the same length. It never computes a rate.
 *
 * @tag icr-rate
 * @summary A conversion rate with its uncertainty.
 *
 * @csspart label - The rate's name (influencer, campaign, or the `label` attribute).
 * @csspart value - The rate, or "No data yet".
 * @csspart change - The arrow and the previous period's rate; also `up`, `down` or `flat`.
 * @csspart interval - The 95% interval.
 * @csspart benchmark - The comparison with the industry range.
 * @csspart note - The low-sample and above-100% notes.
 * @csspart meta - Conversions, clicks and the period.
 * @cssproperty [--icr-min-height=7rem] - Height reserved before the data arrives.
 */
export class IcrRate extends DataElement<RateData> {
  static override styles = rateStyles;
  static override properties = {
    ...DataElement.properties,
    "show-interval": asBoolean,
    "show-benchmark": asBoolean,
    "show-change": asBoolean,
  };

  /** Show the 95% interval under the rate. */
  declare showInterval: boolean;
  /** Show where the rate falls against the industry benchmark, when the data has one. */
  declare showBenchmark: boolean;
  /** Show an arrow and the previous period's rate, when the data has one. */
  declare showChange: boolean;

  protected override parse(value: unknown): RateData {
    return parseRate(value);
  }

  protected override renderData(d: RateData, locale: string | undefined): unknown {
    const pct = (v: number) => formatPercent(v, locale);
    const { ratePct: rate, benchmark: bench, previousRatePct: previous } = d;
    const label = this.label || d.label;
    const change = rate == null || previous == null ? "" : rate > previous ? "up" : rate < previous ? "down" : "flat";
    const denominator = d.denominator ?? "clicks";
    return html`${label ? html`<div part="label">${label}</div>` : ""}
      <div part="value">
        ${rate === null ? NO_DATA : pct(rate)}
        ${this.showChange && change
          ? html`<span part="change ${change}"
              ><span aria-hidden="true">${{ up: "▲", down: "▼", flat: "=" }[change]}</span>
              ${change === "flat" ? "same as" : `${change} from`} ${pct(previous!)}</span
            >`
          : ""}
      </div>
      ${this.showInterval && d.ci95Pct ? intervalText(d.ci95Pct, pct) : ""}
      ${this.showBenchmark && bench && rate !== null ? benchmarkText(rate, bench.lowPct, bench.highPct, bench.label, pct) : ""}
      ${d.lowSample ? html`<p part="note">${LOW_SAMPLE}</p>` : ""}
      ${d.aboveHundred ? html`<p part="note">Above 100%: more conversions than ${denominator}.</p>` : ""}
      ${d.clicks === undefined
        ? ""
        : html`<div part="meta">
            ${formatCount(d.conversions, locale)} conversions / ${formatCount(d.clicks, locale)} ${denominator}
            ${d.from ? `· ${formatDays(d.from, d.to, locale)}` : ""}
          </div>`}`;
  }
}
