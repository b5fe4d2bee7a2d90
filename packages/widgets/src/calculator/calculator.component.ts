import { estimateRate } from "@icr/metrics";
import { html } from "lit/html.js";
import { benchmarkText, intervalText } from "../shared/comparison.js";
import { formatPercent, resolveLocale } from "../shared/format.js";
import { IcrElement, asNumber, asString } from "../shared/icr-element.js";
import { LOW_SAMPLE } from "../shared/text.js";
import { calculatorStyles } from "./calculator.styles.js";

/**
 * A conversion-rate calculator for blog posts and CMS pages about the metric: type clicks and
 * conversions, read the rate, its Wilson 95% interval, the low-sample warning and where it falls in
 * a benchmark range. It runs in the page, without a server, on the same statistics as the app
 * (`estimateRate` of the metrics package).
 *
 * @tag icr-calculator
 * @summary Clicks and conversions in; rate, interval and benchmark out.
 *
 * @csspart form - The form.
 * @csspart field - A label with its input.
 * @csspart input - The clicks and conversions inputs.
 * @csspart result - The live result.
 * @csspart value - The rate.
 * @csspart interval - The 95% interval.
 * @csspart benchmark - The comparison with the benchmark range.
 * @csspart note - The low-sample and above-100% notes.
 * @csspart error - The message for input that is not a count.
 * @cssproperty [--icr-min-height=9rem] - Height reserved before the element upgrades.
 * @cssproperty [--icr-value-size=2em] - Font size of the rate.
 * @cssproperty [--icr-warning=#b45309] - Color of the notes and the input error.
 */
export class IcrCalculator extends IcrElement {
  static override styles = calculatorStyles;
  static override properties = {
    clicks: asNumber,
    conversions: asNumber,
    "benchmark-low": asNumber,
    "benchmark-high": asNumber,
    "benchmark-label": asString,
  };

  /** Clicks, the rate's denominator; the input shows it, typing sets it (NaN while not a number). */
  declare clicks: number | undefined;
  /** Conversions; the input shows it, typing sets it. */
  declare conversions: number | undefined;
  /** Low end of the benchmark range in percent (1.5 means 1.5%); no comparison without both ends. */
  declare benchmarkLow: number | undefined;
  /** High end of the benchmark range in percent. */
  declare benchmarkHigh: number | undefined;
  /** Name of the benchmark, e.g. "retail". */
  declare benchmarkLabel: string | undefined;

  protected override render(): unknown {
    const { clicks, conversions } = this;
    const field = (name: string, text: string, value: number | undefined) =>
      html`<label part="field"
        >${text}<input part="input" name=${name} type="number" min="0" step="1" inputmode="numeric" aria-invalid=${value !== undefined && !isCount(value)}
      /></label>`;
    return html`<form part="form" @input=${this.#read} @submit=${(e: Event) => e.preventDefault()}>
      ${field("clicks", "Clicks", clicks)} ${field("conversions", "Conversions", conversions)}
      <output part="result" aria-live="polite">
        ${isCount(clicks) && isCount(conversions)
          ? this.#result(clicks, conversions)
          : clicks === undefined && conversions === undefined
            ? "Enter clicks and conversions."
            : html`<p part="error">Enter whole numbers, 0 or more.</p>`}
      </output>
    </form>`;
  }

  protected override updated(): void {
    // Show a value set from outside; leave what the visitor is typing (NaN while incomplete) alone.
    for (const input of this.shadowRoot!.querySelectorAll("input")) {
      const value = this[input.name as "clicks" | "conversions"];
      if (!Object.is(input.valueAsNumber, value)) input.value = String(value ?? "");
    }
  }

  #read = (e: Event) => {
    const input = e.target as HTMLInputElement;
    this[input.name as "clicks" | "conversions"] = input.valueAsNumber;
  };

  #result(clicks: number, conversions: number): unknown {
    const pct = (v: number) => formatPercent(v, resolveLocale(this));
    const r = estimateRate(conversions, clicks);
    const rate = r.ratePct;
    return rate === null
      ? html`<span part="value">–</span>Enter clicks.`
      : html`<span part="value">${pct(rate)}</span>
          ${r.ci95Pct ? intervalText(r.ci95Pct, pct) : ""}
          ${benchmarkText(rate, this.benchmarkLow, this.benchmarkHigh, this.benchmarkLabel || "benchmark", pct)}
          ${r.lowSample ? html`<p part="note">${LOW_SAMPLE}</p>` : ""}
          ${r.aboveHundred ? html`<p part="note">Above 100%: more conversions than clicks.</p>` : ""}`;
  }
}

/** A count the statistics accept: a whole number, 0 or more. */
function isCount(n: number | undefined): n is number {
  return Number.isSafeInteger(n) && n! >= 0;
}
