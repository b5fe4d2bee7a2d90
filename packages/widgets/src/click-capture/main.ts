// The storefront embed's entry (assets/icr-click-capture.js): wires the capture to the real page.
import { capture, cartToken, loadCapture, tagCustomerForms, type CaptureEnv } from "./click-capture.js";

interface ShopifyGlobal {
  routes?: { root?: string };
  customerPrivacy?: { marketingAllowed?: () => boolean };
}

const shopify = () => (window as Window & { Shopify?: ShopifyGlobal }).Shopify;

const env = (): CaptureEnv => ({
  search: location.search,
  now: Date.now(),
  storage: (() => {
    try {
      return localStorage;
    } catch {
      return undefined;
    }
  })(),
  readCookies: () => document.cookie,
  writeCookie: (cookie) => {
    document.cookie = cookie;
  },
  secure: location.protocol === "https:",
  cartUpdateUrl: `${shopify()?.routes?.root ?? "/"}cart/update.js`,
  fetch: (input, init) => fetch(input, init),
  // No consent API on the page means no consent banner: nothing forbids keeping the capture.
  mayPersist: () => shopify()?.customerPrivacy?.marketingAllowed?.() ?? true,
});

void capture(env()).then((result) => {
  // Sign-ups have no cart: the click id rides on the customer form as a tag instead.
  const click = loadCapture(env()).click;
  if (click) tagCustomerForms(document, click.value);
  // Without a cart yet, watch for the one a later add-to-cart creates and give it the attributes.
  if (result === "nothing" || cartToken(document.cookie)) return;
  const timer = setInterval(() => {
    if (!cartToken(document.cookie)) return;
    clearInterval(timer);
    void capture(env());
  }, 2000);
});

// A visitor who accepts tracking after landing: keep what this page captured.
document.addEventListener("visitorConsentCollected", () => void capture(env()));
