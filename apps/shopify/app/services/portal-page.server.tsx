/**
 * The portal's HTML: one server-rendered document with its own small stylesheet and a few lines of
 * script (copy buttons), no framework bundle. The same document serves `/portal` on the app and
 * `/apps/icr/portal/{token}` on the store's domain, where the app's asset URLs would not resolve.
 * Mobile-first (one column, stacked cards, large touch targets), landmarks, labelled controls,
 * AA-contrast colours; a strict Content-Security-Policy allows only this page's nonce.
 */
import { randomBytes } from "node:crypto";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { PORTAL_PERIODS, type PortalFigures, type PortalView } from "./portal-read.server";

/** How the page links to itself (period form) and whether it can sign out (cookie sessions only). */
export interface PortalPageOptions {
  /** Path the period form submits to: "/portal", or the proxy path with its token. */
  selfPath: string;
  /** Show a sign-out button that posts to `selfPath` (not through the app proxy, which carries no cookies). */
  signOut: boolean;
}

const STYLES = `
:root{color-scheme:light;--ink:#1a1a1a;--muted:#4a4a4a;--line:#d4d4d4;--card:#fff;--bg:#f4f4f5;--accent:#0b57d0;--warn-bg:#fff4d6;--warn:#5c3b00}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--accent)}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:1}
header,main,footer{max-width:48rem;margin:0 auto;padding:1rem}
header h1{margin:.25rem 0;font-size:1.5rem}
header p{margin:0;color:var(--muted)}
section{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:1rem;margin:0 0 1rem}
h2{font-size:1.15rem;margin:0 0 .75rem}
.stats{display:grid;grid-template-columns:repeat(2,1fr);gap:.75rem;margin:0}
.stats div{border:1px solid var(--line);border-radius:8px;padding:.5rem .75rem}
.stats dt{color:var(--muted);font-size:.875rem}.stats dd{margin:0;font-size:1.35rem;font-weight:600}
.note{background:var(--warn-bg);color:var(--warn);border-radius:8px;padding:.5rem .75rem}
.muted{color:var(--muted);font-size:.875rem}
.plain{list-style:none;margin:0;padding:0}
.link{border-top:1px solid var(--line);padding:.75rem 0;display:grid;gap:.5rem}
.link:first-child{border-top:0}
.url{font-family:ui-monospace,Menlo,monospace;font-size:.875rem;word-break:break-all}
.qr{width:10rem;height:10rem}.qr svg{width:100%;height:100%}
button,select{font:inherit;min-height:44px;padding:.5rem .9rem;border-radius:8px;border:1px solid var(--ink);background:#fff;color:var(--ink)}
button.primary{background:var(--ink);color:#fff}
.row{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
td.num,th.num{text-align:right;white-space:nowrap}
caption{text-align:left;color:var(--muted);padding-bottom:.25rem}
.receipt{border-top:1px solid var(--line);padding:.75rem 0}.receipt:first-child{border-top:0}
.receipt h3{font-size:1rem;margin:0}
.bars{display:flex;align-items:flex-end;gap:2px;height:5rem;border-bottom:1px solid var(--line)}
.bars span{flex:1;background:var(--accent);min-height:1px}
.bars span.empty{background:var(--line)}
textarea{width:100%;font:.8rem/1.4 ui-monospace,Menlo,monospace;min-height:6rem}
@media (min-width:40rem){.stats{grid-template-columns:repeat(4,1fr)}.link{grid-template-columns:1fr 10rem}}
`;

// Copy buttons: progressive enhancement; without script the URL is still selectable text.
const SCRIPT = `document.addEventListener("click",function(e){var b=e.target.closest&&e.target.closest("button[data-copy]");if(!b)return;var s=document.getElementById("copy-status");navigator.clipboard.writeText(b.getAttribute("data-copy")).then(function(){s.textContent="Copied: "+b.getAttribute("data-copy")},function(){s.textContent="Copy failed: select the text and copy it"})});`;

function percent(value: number | null): string {
  return value === null ? "No data yet" : `${value}%`;
}

function interval(f: PortalFigures): string {
  return f.rate.ci95Pct ? `${f.rate.ci95Pct[0]}–${f.rate.ci95Pct[1]}%` : "—";
}

function Trend({ view }: { view: PortalView }) {
  const points = view.trend.points;
  const highest = Math.max(0, ...points.map((p) => p.rate.ratePct ?? 0));
  const unit = view.trend.by === "day" ? "Day" : "Week of";
  const withData = points.filter((p) => p.rate.ratePct !== null);
  const summary = withData.length === 0
    ? "No clicks in this period yet."
    : `Conversion rate by ${view.trend.by}: ${withData.length} of ${points.length} ${view.trend.by}s with clicks, highest ${highest}%.`;
  return (
    <section aria-labelledby="trend-title">
      <h2 id="trend-title">Trend</h2>
      <div className="bars" role="img" aria-label={summary}>
        {points.map((p) => (
          <span
            key={p.key}
            className={p.rate.ratePct === null ? "empty" : undefined}
            // A height bucket (0–100%) styled by the nonce'd sheet: CSP blocks style attributes.
            data-h={highest > 0 && p.rate.ratePct !== null ? Math.round(((p.rate.ratePct ?? 0) / highest) * 100) : 0}
          />
        ))}
      </div>
      <details>
        <summary>Show the numbers</summary>
        <div className="scroll" tabIndex={0} role="region" aria-label="Trend table">
          <table>
            <caption>By {view.trend.by}, {view.period.from} to {view.period.to}</caption>
            <thead>
              <tr><th scope="col">{unit}</th><th scope="col" className="num">Clicks</th><th scope="col" className="num">Conversions</th><th scope="col" className="num">Rate</th></tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.key}><th scope="row">{p.key}</th><td className="num">{p.clicks}</td><td className="num">{p.conversions}</td><td className="num">{percent(p.rate.ratePct)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

function Page({ view, options, nonce }: { view: PortalView; options: PortalPageOptions; nonce: string }) {
  const t = view.totals;
  const currency = view.shop.currency;
  return (
    <>
      <a className="skip" href="#main">Skip to your results</a>
      <header>
        <p>{view.shop.domain}</p>
        <h1>{view.influencer.name ?? view.influencer.handle}</h1>
        <p><span data-testid="handle">@{view.influencer.handle}</span> · your links, codes and results</p>
      </header>
      <main id="main">
        <section aria-labelledby="results-title">
          <h2 id="results-title">Your results, last {view.period.days} days</h2>
          <form method="get" action={options.selfPath} className="row">
            <label htmlFor="days">Period</label>
            <select id="days" name="days" defaultValue={String(view.period.days)}>
              {PORTAL_PERIODS.map((d) => <option key={d} value={d}>Last {d} days</option>)}
            </select>
            <button type="submit">Show</button>
          </form>
          <p className="muted">{view.period.from} to {view.period.to}</p>
          <dl className="stats" id="totals">
            <div><dt>Clicks</dt><dd data-testid="clicks">{t.clicks}</dd></div>
            <div><dt>Conversions</dt><dd data-testid="conversions">{t.conversions}</dd></div>
            <div><dt>Conversion rate</dt><dd data-testid="rate">{percent(t.rate.ratePct)}</dd></div>
            <div><dt>Revenue</dt><dd data-testid="revenue">{t.revenue} {currency}</dd></div>
          </dl>
          <p>95% interval: <span data-testid="interval">{interval(t)}</span></p>
          {t.rate.lowSample ? <p className="note" role="note">Few clicks or conversions so far: the rate can move a lot. Read it with its interval.</p> : null}
          {t.rate.aboveHundred ? <p className="note" role="note">More conversions than clicks: some buyers used your code without clicking your link.</p> : null}
          <p className="muted">Credited by: code {t.byRule.code} · link {t.byRule.link} · UTM {t.byRule.utm}. A code-only sale adds a conversion, never a click.</p>
          {view.benchmark ? (
            <p data-testid="benchmark">{view.benchmark.sentence}. <span className="muted">Source: {view.benchmark.source}</span></p>
          ) : null}
        </section>

        {view.commission ? (
          <section aria-labelledby="commission-title">
            <h2 id="commission-title">Commission</h2>
            <p><strong data-testid="commission">{view.commission.earned} {currency}</strong> earned in this period</p>
            <p className="muted">
              {view.commission.kind === "percent"
                ? `${view.commission.value / 100}% of each credited order's amount after discounts and refunds, rounded to the cent per order (half to even).`
                : `A fixed amount per credited order; fully refunded or cancelled orders earn nothing.`}
            </p>
          </section>
        ) : null}

        <section aria-labelledby="links-title">
          <h2 id="links-title">Your share links</h2>
          <p id="copy-status" className="muted" role="status" aria-live="polite"></p>
          {view.links.length === 0 ? <p>No share links yet: ask the shop to create one for you.</p> : (
            <ul className="plain">
              {view.links.map((link) => (
                <li key={link.slug} className="link">
                  <div>
                    <p className="url">{link.url}</p>
                    <p className="muted">{[link.platform, link.campaign && `campaign ${link.campaign}`].filter(Boolean).join(" · ") || "No campaign"}</p>
                    <div className="row">
                      <button type="button" className="primary" data-copy={link.url} aria-label={`Copy link ${link.slug}`}>Copy link</button>
                      <button type="button" data-copy={link.storeUrl} aria-label={`Copy store link ${link.slug}`}>Copy store link</button>
                    </div>
                  </div>
                  <div className="qr" role="img" aria-label={`QR code for ${link.url}`} dangerouslySetInnerHTML={{ __html: link.qrSvg }} />
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="codes-title">
          <h2 id="codes-title">Your discount codes</h2>
          {view.codes.length === 0 ? <p>No discount codes yet.</p> : (
            <ul className="plain">
              {view.codes.map((c) => (
                <li key={c.code} className="row">
                  <strong className="url">{c.code}</strong>
                  {c.campaign ? <span className="muted">campaign {c.campaign}</span> : null}
                  <button type="button" data-copy={c.code} aria-label={`Copy code ${c.code}`}>Copy</button>
                </li>
              ))}
            </ul>
          )}
        </section>

        <Trend view={view} />

        <section aria-labelledby="campaigns-title">
          <h2 id="campaigns-title">By campaign</h2>
          {view.campaigns.length === 0 ? <p>No clicks or conversions in this period.</p> : (
            <div className="scroll" tabIndex={0} role="region" aria-label="Campaign table">
              <table>
                <thead>
                  <tr><th scope="col">Campaign</th><th scope="col" className="num">Clicks</th><th scope="col" className="num">Conv.</th><th scope="col" className="num">Rate</th><th scope="col" className="num">95% interval</th></tr>
                </thead>
                <tbody>
                  {view.campaigns.map((c) => (
                    <tr key={c.key}>
                      <th scope="row">{c.label}{c.rate.lowSample ? <span className="muted"> (low sample)</span> : null}</th>
                      <td className="num">{c.clicks}</td><td className="num">{c.conversions}</td><td className="num">{percent(c.rate.ratePct)}</td><td className="num">{interval(c)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        <section aria-labelledby="receipts-title">
          <h2 id="receipts-title">Credited orders</h2>
          <p className="muted">
            {view.receipts.total === 0 ? "None in this period." : `${view.receipts.total} in this period${view.receipts.total > view.receipts.shown.length ? `, the latest ${view.receipts.shown.length} shown` : ""}.`}
            {" "}Orders show no customer details.
          </p>
          <ol className="plain" data-testid="receipts">
            {view.receipts.shown.map((r) => (
              <li key={r.order + r.day} className="receipt">
                <h3>{r.order} · {r.day}</h3>
                <p>
                  {r.goal === "signup" ? "Sign-up" : `${r.amount} ${currency}`} · credited by {r.evidence}
                  {r.campaign ? ` · campaign ${r.campaign}` : ""}
                  {r.commission !== null ? ` · commission ${r.commission} ${currency}` : ""}
                </p>
                {r.notes.length > 0 ? <p className="muted">{r.notes.join("; ")}</p> : null}
              </li>
            ))}
          </ol>
        </section>

        <section aria-labelledby="embed-title">
          <h2 id="embed-title">Show your numbers on your site</h2>
          <p>Paste this into your own site or link-in-bio page to show your live conversion rate.</p>
          {view.embed.published ? null : <p className="note" role="note">The shop has not made your numbers public yet: the card shows "Not published." until it does.</p>}
          <label htmlFor="embed-snippet">Embed code</label>
          <textarea id="embed-snippet" readOnly value={view.embed.snippet} />
          <button type="button" data-copy={view.embed.snippet}>Copy embed code</button>
        </section>
      </main>
      <footer>
        <p className="muted">Numbers as of {view.generatedAt.slice(0, 16).replace("T", " ")} UTC. Clicks are human, de-duplicated clicks on your links.</p>
        {options.signOut ? (
          <form method="post" action={options.selfPath}>
            <input type="hidden" name="intent" value="sign-out" />
            <button type="submit">Sign out of this device</button>
          </form>
        ) : null}
      </footer>
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: SCRIPT }} />
    </>
  );
}

function documentOf(title: string, body: ReactNode, nonce: string): string {
  // Bar heights as nonce'd CSS rules keyed by data attribute (style attributes would need 'unsafe-inline').
  const heights = Array.from({ length: 101 }, (_, h) => `.bars span[data-h="${h}"]{height:${h}%}`).join("");
  return (
    "<!doctype html>" +
    renderToStaticMarkup(
      <html lang="en">
        <head>
          <meta charSet="utf-8" />
          <meta name="viewport" content="width=device-width,initial-scale=1" />
          <meta name="referrer" content="no-referrer" />
          <meta name="robots" content="noindex,nofollow" />
          <title>{title}</title>
          <style nonce={nonce} dangerouslySetInnerHTML={{ __html: STYLES + heights }} />
        </head>
        <body>{body}</body>
      </html>,
    )
  );
}

/** Headers every portal page carries: never cached or framed, no referrer (a token may be in the URL). */
export function portalHeaders(nonce: string): Headers {
  return new Headers({
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
  });
}

/**
 * The portal page for a view.
 *
 * @example const { html, nonce } = renderPortalPage(view, { selfPath: "/portal", signOut: true });
 * @returns the HTML document and the nonce its CSP header must allow.
 */
export function renderPortalPage(view: PortalView, options: PortalPageOptions): { html: string; nonce: string } {
  const nonce = randomBytes(16).toString("base64");
  const title = `${view.influencer.name ?? view.influencer.handle} · ${view.shop.domain}`;
  return { html: documentOf(title, <Page view={view} options={options} nonce={nonce} />, nonce), nonce };
}

/**
 * A short page for every refusal (bad link, too many attempts, signed out): the same wording
 * whatever the reason, so a response never tells a guesser which tokens exist.
 *
 * @example renderPortalMessage("This link does not work", "Ask the shop for a new invitation.")
 * @returns the HTML document and its nonce.
 */
export function renderPortalMessage(title: string, message: string): { html: string; nonce: string } {
  const nonce = randomBytes(16).toString("base64");
  const body = (
    <main id="main">
      <section>
        <h1>{title}</h1>
        <p>{message}</p>
      </section>
    </main>
  );
  return { html: documentOf(title, body, nonce), nonce };
}
