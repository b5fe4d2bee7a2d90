import { html } from "lit/html.js";
import { parseLeaderboard, type LeaderboardData } from "../shared/contract.js";
import { DataElement } from "../shared/data-element.js";
import { formatCount, formatPercent } from "../shared/format.js";
import { asNumber } from "../shared/icr-element.js";
import { leaderboardStyles } from "./leaderboard.styles.js";

/**
 * The top influencers, ranked by the server's shrunk estimate (so one sale from two clicks does not
 * outrank four hundred from ten thousand), with the raw rate beside it and a flag on every row that
 * rests on too few clicks or conversions.
 *
 * @tag icr-leaderboard
 * @summary Top influencers by conversion rate.
 *
 * @csspart table - The table.
 * @csspart caption - The caption (the `label` attribute, or "Top influencers").
 * @csspart row - One influencer's row.
 * @csspart name - The influencer's name.
 * @csspart platform - The platform (instagram, tiktok, …).
 * @csspart flag - The low-sample flag.
 * @cssproperty [--icr-row-height=2.25em] - Height of a row; with `limit` it sets the reserved height.
 * @cssproperty [--icr-rule=#8883] - Color of the lines between rows.
 */
export class IcrLeaderboard extends DataElement<LeaderboardData> {
  static override styles = leaderboardStyles;
  static override properties = { ...DataElement.properties, limit: asNumber };

  /** Most rows shown, and reserved before the data arrives (10 when unset). */
  declare limit: number | undefined;

  protected override updated(): void {
    // Through CSSOM rather than a style attribute, so a strict style-src policy allows it.
    this.style.setProperty("--icr-rows", String(this.#rows()));
  }

  protected override parse(value: unknown): LeaderboardData {
    return parseLeaderboard(value);
  }

  protected override renderData(d: LeaderboardData, locale: string | undefined): unknown {
    const rows = d.influencers.slice(0, this.#rows());
    const pct = (v: number | null | undefined) => formatPercent(v ?? null, locale);
    const count = (v: number | undefined) => formatCount(v, locale);
    return html`<table part="table">
      <caption part="caption">${this.label || "Top influencers"}</caption>
      ${rows.length
        ? html`<thead>
              <tr>
                <th>#</th>
                <th>Influencer</th>
                <th>Clicks</th>
                <th>Conversions</th>
                <th>Rate</th>
                <th title="Adjusted for sample size; ranks the table">Estimate</th>
              </tr>
            </thead>
            <tbody>
              ${rows.map(
                (r, i) =>
                  html`<tr part="row">
                    <td>${r.rank ?? i + 1}</td>
                    <th scope="row">
                      <span part="name">${r.name || r.handle}</span>
                      ${r.platform ? html`<span part="platform">${r.platform}</span>` : ""}
                      ${r.lowSample ? html`<span part="flag">Low sample</span>` : ""}
                    </th>
                    <td>${count(r.clicks)}</td>
                    <td>${count(r.conversions)}</td>
                    <td>${pct(r.ratePct)}</td>
                    <td>${pct(r.shrunkPct)}</td>
                  </tr>`,
              )}
            </tbody>`
        : html`<tr>
            <td part="status" role="status">No influencers yet</td>
          </tr>`}
    </table>`;
  }

  #rows(): number {
    return this.limit! >= 1 ? Math.floor(this.limit!) : 10;
  }
}
