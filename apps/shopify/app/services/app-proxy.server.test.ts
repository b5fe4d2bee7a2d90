import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signAppProxyQuery, verifyAppProxySignature } from "./app-proxy.server";

const SECRET = "hush";
const NOW = 1_700_000_000_000;

describe("app proxy signature", () => {
  it("signs the sorted, separator-free parameter string as Shopify documents", () => {
    // Shopify's documented example query, signed by hand here: sorted keys, repeated values joined with ",".
    const params = new URLSearchParams(
      "extra=1&extra=2&shop=shop-name.myshopify.com&logged_in_customer_id=1&path_prefix=%2Fapps%2Fawesome_reviews&timestamp=1317327555",
    );
    const message = "extra=1,2logged_in_customer_id=1path_prefix=/apps/awesome_reviewsshop=shop-name.myshopify.comtimestamp=1317327555";
    expect(signAppProxyQuery(params, SECRET)).toBe(createHmac("sha256", SECRET).update(message).digest("hex"));
  });

  it("accepts a fresh signed query and rejects tampering, a missing signature, an old timestamp", () => {
    const params = new URLSearchParams(`shop=demo.myshopify.com&path_prefix=/apps/icr&timestamp=${NOW / 1000}`);
    params.set("signature", signAppProxyQuery(params, SECRET));
    expect(verifyAppProxySignature(params, SECRET, NOW)).toBe(true);

    const tampered = new URLSearchParams(params);
    tampered.set("shop", "other.myshopify.com");
    expect(verifyAppProxySignature(tampered, SECRET, NOW)).toBe(false);

    const unsigned = new URLSearchParams(params);
    unsigned.delete("signature");
    expect(verifyAppProxySignature(unsigned, SECRET, NOW)).toBe(false);

    expect(verifyAppProxySignature(params, "other", NOW)).toBe(false);
    expect(verifyAppProxySignature(params, "", NOW)).toBe(false);
    expect(verifyAppProxySignature(params, SECRET, NOW + 2 * 24 * 3600 * 1000)).toBe(false);
  });

  it("rejects a signature that is not 64 hex characters without throwing", () => {
    const params = new URLSearchParams("shop=demo.myshopify.com&signature=abc");
    expect(verifyAppProxySignature(params, SECRET, NOW)).toBe(false);
  });
});
