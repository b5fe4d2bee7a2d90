import { render } from "lit/html.js";
import { VERSION } from "./version.js";

/** Turns an attribute's text (null once removed) into its property's value. */
export type Converter = (value: string | null) => unknown;

/**
 * Text as is; "" once removed.
 * @example asString("Spring sale"); // "Spring sale"
 */
export const asString: Converter = (v) => v ?? "";
/**
 * A number (NaN for text that is not one); undefined once removed.
 * @example asNumber("10"); // 10 — asNumber("ten"); // NaN — asNumber(null); // undefined
 */
export const asNumber: Converter = (v) => (v === null ? undefined : Number(v));
/**
 * Present means true, as for HTML's own boolean attributes (even `show-interval="false"`).
 * @example asBoolean(""); // true — asBoolean(null); // false
 */
export const asBoolean: Converter = (v) => v !== null;
/**
 * Parsed JSON; text that is not JSON stays text, so the data check can name it; null once removed.
 * @example asJson('{"ratePct":5}'); // { ratePct: 5 } — asJson("{oops"); // "{oops"
 */
export const asJson: Converter = (v) => {
  try {
    return JSON.parse(v!);
  } catch {
    return v;
  }
};

/**
 * Tag for style text (no interpolation): lets editors highlight it and the build minify it.
 * @example css`:host { display: block }`; // ":host { display: block }" ("" for an empty template)
 */
export const css = (strings: TemplateStringsArray): string => strings.join("");

const camel = (name: string) => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
const sheets = new Map<string, CSSStyleSheet>();

/**
 * The base of every widget: Lit's templates (lit-html, from `lit/html.js`) on a minimal reactive
 * element. LitElement's own base class is 2.8 kB gzipped, and the five widgets, their Wilson
 * interval and all of Lit must fit in 10,000 bytes (Shopify's budget for an extension script); this
 * keeps the part of it the widgets use: attributes mirrored to properties, one batched render
 * per microtask, shadow DOM styles, `willUpdate`/`updated` hooks and `updateComplete`.
 *
 * Each key of `static properties` is an observed attribute; its camelCase name becomes a property
 * that re-renders when it changes. `lang` is observed too (for number formats) but left native.
 */
export abstract class IcrElement extends HTMLElement {
  /** The @icr/widgets version that defined this element (see `defineElement`). */
  static readonly version = VERSION;
  /** Observed attributes and how each one's text becomes its property's value. */
  static properties: Record<string, Converter> = {};
  /** The shadow root's CSS. */
  static styles = "";

  static get observedAttributes(): string[] {
    for (const attr in this.properties) {
      const prop = camel(attr);
      if (Object.hasOwn(this.prototype, prop)) continue;
      Object.defineProperty(this.prototype, prop, {
        get(this: IcrElement) {
          return this.#values.get(prop);
        },
        set(this: IcrElement, value: unknown) {
          if (this.#values.has(prop) && this.#values.get(prop) === value) return;
          this.#values.set(prop, value);
          this.#changed.add(prop);
          this.requestUpdate();
        },
      });
    }
    return [...Object.keys(this.properties), "lang"];
  }

  #values = new Map<string, unknown>();
  #changed = new Set<string>();
  #pending?: Promise<void>;

  constructor() {
    super();
    const { properties, styles } = this.constructor as typeof IcrElement;
    const root = this.attachShadow({ mode: "open" });
    try {
      let sheet = sheets.get(styles);
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(styles);
        sheets.set(styles, sheet);
      }
      root.adoptedStyleSheets = [sheet];
    } catch {
      // Browsers without constructable style sheets (Safari before 16.4).
      root.append(Object.assign(document.createElement("style"), { textContent: styles }));
    }
    // A property set before this definition loaded hides the accessor: pass it through.
    const self = this as unknown as Record<string, unknown>;
    for (const attr in properties) {
      const prop = camel(attr);
      if (Object.hasOwn(this, prop)) {
        const value = self[prop];
        delete self[prop];
        self[prop] = value;
      }
    }
  }

  connectedCallback(): void {
    this.requestUpdate();
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    const convert = (this.constructor as typeof IcrElement).properties[name];
    if (convert) (this as unknown as Record<string, unknown>)[camel(name)] = convert(value);
    else this.requestUpdate();
  }

  /** Schedules one render for everything changed in this task (not before the element is connected). */
  requestUpdate(): void {
    this.#pending ??= Promise.resolve().then(() => {
      const changed = this.#changed;
      try {
        if (!this.isConnected) return;
        this.willUpdate(changed);
        render(this.render(), this.shadowRoot!, { host: this });
        // Changes made in willUpdate are in this render; they do not start another.
        this.#changed = new Set();
      } finally {
        this.#pending = undefined;
      }
      this.updated(changed);
    });
  }

  /** Resolves once the pending render (if any) is in the DOM. */
  get updateComplete(): Promise<void> {
    return this.#pending ?? Promise.resolve();
  }

  /** Before a render: derive state from the properties that changed. */
  protected willUpdate(_changed: ReadonlySet<string>): void {}

  /** After a render, with the properties that changed for it. */
  protected updated(_changed: ReadonlySet<string>): void {}

  /** The shadow DOM's content, a lit-html template. */
  protected abstract render(): unknown;
}
