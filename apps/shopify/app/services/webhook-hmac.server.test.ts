import { describe, expect, it } from "vitest";
import { signWebhookBody, verifyWebhookHmac } from "./webhook-hmac.server";

describe("webhook HMAC", () => {
  // RFC 4231 test case 2 (key "Jefe"), base64 of its hex digest 5bdcc146…ec3843.
  it("matches the RFC 4231 HMAC-SHA256 vector", () => {
    expect(signWebhookBody("what do ya want for nothing?", "Jefe")).toBe(
      Buffer.from("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", "hex").toString("base64"),
    );
  });

  it("accepts the signature of the exact body", () => {
    const body = '{"id":820982911946154508,"email":"jon@example.com"}';
    expect(verifyWebhookHmac(body, signWebhookBody(body, "s3cret"), "s3cret")).toBe(true);
    expect(verifyWebhookHmac(Buffer.from(body), signWebhookBody(body, "s3cret"), "s3cret")).toBe(true);
  });

  it("rejects a changed body, another secret, a truncated or missing header, an empty secret", () => {
    const body = '{"id":1}';
    const good = signWebhookBody(body, "s3cret");
    expect(verifyWebhookHmac('{"id":2}', good, "s3cret")).toBe(false);
    expect(verifyWebhookHmac(body, good, "other")).toBe(false);
    expect(verifyWebhookHmac(body, good.slice(0, 20), "s3cret")).toBe(false);
    expect(verifyWebhookHmac(body, "not base64 at all!!", "s3cret")).toBe(false);
    expect(verifyWebhookHmac(body, null, "s3cret")).toBe(false);
    expect(verifyWebhookHmac(body, "", "s3cret")).toBe(false);
    expect(verifyWebhookHmac(body, signWebhookBody(body, ""), "")).toBe(false);
  });

  it("re-serialized JSON does not verify (the raw bytes are signed)", () => {
    const raw = '{ "id": 1 }';
    expect(verifyWebhookHmac(JSON.stringify(JSON.parse(raw)), signWebhookBody(raw, "k"), "k")).toBe(false);
  });
});
