import { afterEach, describe, expect, it, vi } from "vitest";
import { defineElement, type VersionedElement } from "./define.js";

const versioned = (version: string): VersionedElement =>
  class extends HTMLElement {
    static readonly version = version;
  };

describe("defineElement", () => {
  afterEach(() => vi.restoreAllMocks());

  it("registers a new tag and says so", () => {
    const ctor = versioned("1.0.0");
    expect(defineElement("icr-test-new", ctor)).toBe(true);
    expect(customElements.get("icr-test-new")).toBe(ctor);
  });

  it("does nothing, silently, when the same class is defined twice (a bundle loaded twice)", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const ctor = versioned("1.0.0");
    defineElement("icr-test-same", ctor);
    expect(() => defineElement("icr-test-same", ctor)).not.toThrow();
    expect(defineElement("icr-test-same", ctor)).toBe(false);
    expect(warn).not.toHaveBeenCalled();
  });

  it("keeps the first of two copies of one version without a warning (two URLs, same build)", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const first = versioned("1.0.0");
    defineElement("icr-test-copy", first);
    expect(defineElement("icr-test-copy", versioned("1.0.0"))).toBe(false);
    expect(customElements.get("icr-test-copy")).toBe(first);
    expect(warn).not.toHaveBeenCalled();
  });

  it("keeps the first version and warns when another version tries to register", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const first = versioned("1.0.0");
    defineElement("icr-test-versions", first);
    expect(defineElement("icr-test-versions", versioned("2.0.0"))).toBe(false);
    expect(customElements.get("icr-test-versions")).toBe(first);
    expect(warn).toHaveBeenCalledWith("<icr-test-versions> 1.0.0 already defined; 2.0.0 skipped");
  });

  it("throws the browser's error for an invalid tag name", () => {
    expect(() => defineElement("", versioned("1.0.0"))).toThrow();
    expect(() => defineElement("nohyphen", versioned("1.0.0"))).toThrow();
  });
});
