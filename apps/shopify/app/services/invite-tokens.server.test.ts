import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { INVITE_TOKEN_BYTES, hashInviteToken, isWellFormedToken, newInviteToken, sameTokenHash } from "./invite-tokens.server";

describe("invite tokens", () => {
  it("carries 256 random bits as 43 base64url characters, never the same twice", () => {
    const tokens = new Set(Array.from({ length: 1000 }, newInviteToken));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) {
      expect(isWellFormedToken(token)).toBe(true);
      expect(Buffer.from(token, "base64url")).toHaveLength(INVITE_TOKEN_BYTES);
    }
  });

  it("hashes with SHA-256 (FIPS 180-4 test vector for 'abc')", () => {
    expect(hashInviteToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const token = newInviteToken();
    expect(hashInviteToken(token)).toBe(createHash("sha256").update(token).digest("hex"));
    expect(hashInviteToken(token)).not.toContain(token);
  });

  it("refuses anything that is not a token's shape", () => {
    const token = newInviteToken();
    for (const bad of ["", token.slice(1), token + "A", token.slice(0, 42) + "=", token.slice(0, 42) + "/", " ".repeat(43), "../../etc/passwd"]) {
      expect(isWellFormedToken(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it("compares hashes in constant time and refuses malformed ones", () => {
    const a = hashInviteToken(newInviteToken());
    const b = hashInviteToken(newInviteToken());
    expect(sameTokenHash(a, a)).toBe(true);
    expect(sameTokenHash(a, a.toUpperCase())).toBe(false);
    expect(sameTokenHash(a, b)).toBe(false);
    expect(sameTokenHash(a, a.slice(0, 62))).toBe(false);
    expect(sameTokenHash("", "")).toBe(false);
  });
});
