import { html } from "lit/html.js";
import { fetchJson } from "./fetch-json.js";
import { resolveLocale } from "./format.js";
import { IcrElement, asJson, asNumber, asString } from "./icr-element.js";
import { NO_DATA } from "./text.js";
import { WidgetError } from "./widget-error.js";

/** What a data widget shows: a status line (loading, nothing to show yet, failed), else its data. */
export type View<T> = { state: "loading" | "empty" | "error"; text: string } | { state: "ready"; data: T };

/**
 * The base of every widget that shows numbers from the public API. Data comes from, in order of
 * precedence: the `data` property (an object), the `data` attribute (JSON), or a GET of `src`.
 * A new `src` cancels the request in flight; so does removing the element (it asks again if it
 * comes back).
 *
 * @csspart status - The loading, empty and error line (a polite live region).
 * @cssproperty [--icr-muted=#6b7280] - Color of secondary text.
 * @cssproperty [--icr-warning=#b45309] - Color of the low-sample and above-100% notes and errors.
 * @cssproperty [--icr-accent=currentColor] - Color of lines.
 * @cssproperty [--icr-positive=#15803d] - Color of a rise.
 * @cssproperty [--icr-negative=#b91c1c] - Color of a fall.
 * @cssproperty [--icr-value-size=2em] - Font size of the main number.
 * @cssproperty --icr-min-height - Height reserved before the data arrives (each widget sets a default).
 * @event icr-error - The data could not be loaded or broke the contract; `detail` is `{ code, message }`.
 */
export abstract class DataElement<T> extends IcrElement {
  static override properties = { src: asString, data: asJson, label: asString, timeout: asNumber };

  /** URL of a public API endpoint (docs/public-api.md) that returns this widget's JSON. */
  declare src: string;
  /** The payload itself: an object as a property, or JSON in the attribute. Wins over `src`. */
  declare data: unknown;
  /** Heading shown instead of the data's own label. */
  declare label: string;
  /** Milliseconds before a request to `src` gives up (10,000 when unset). */
  declare timeout: number | undefined;

  #view: View<T> = { state: "empty", text: NO_DATA };
  #request?: AbortController;

  /** Checks an unknown payload and returns it typed, or throws a WidgetError("invalid"). */
  protected abstract parse(value: unknown): T;

  /** The widget's content once its data is there. */
  protected abstract renderData(data: T, locale: string | undefined): unknown;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#view.state === "loading" && !this.#request) this.#load();
  }

  disconnectedCallback(): void {
    this.#request?.abort();
    this.#request = undefined;
  }

  protected override willUpdate(changed: ReadonlySet<string>): void {
    if (changed.has("src") || changed.has("data")) this.#load();
  }

  protected override render(): unknown {
    const view = this.#view;
    return view.state === "ready"
      ? this.renderData(view.data, resolveLocale(this))
      : html`<p part="status" role="status" aria-busy=${view.state === "loading"}>${view.text}</p>`;
  }

  #load(): void {
    this.#request?.abort();
    this.#request = undefined;
    if (this.data != null) return this.#settle(() => this.parse(this.data));
    if (!this.src) return this.#show({ state: "empty", text: NO_DATA });
    const request = (this.#request = new AbortController());
    this.#show({ state: "loading", text: "Loading…" });
    const timeout = this.timeout! > 0 ? this.timeout : undefined;
    fetchJson(this.src, request.signal, timeout).then(
      (body) => request === this.#request && this.#settle(() => this.parse(body)),
      (e: unknown) =>
        request === this.#request &&
        this.#settle(() => {
          throw e;
        }),
    );
  }

  #settle(read: () => T): void {
    this.#request = undefined;
    try {
      this.#show({ state: "ready", data: read() });
    } catch (e) {
      const error = e instanceof WidgetError ? e : new WidgetError("invalid");
      this.#show({ state: "error", text: error.message });
      const detail = { code: error.code, message: error.message };
      this.dispatchEvent(new CustomEvent("icr-error", { bubbles: true, composed: true, detail }));
    }
  }

  #show(view: View<T>): void {
    this.#view = view;
    this.requestUpdate();
  }
}
