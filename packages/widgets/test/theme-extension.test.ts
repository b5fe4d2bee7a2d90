import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, inject, it } from "vitest";
import { EXTENSION_FILES } from "../scripts/extension-assets.js";
import { EXTENSION_DIR, readBlocks } from "./extension.js";

/** The tag each widget block renders. */
const WIDGET_BLOCKS: Record<string, string> = {
  "rate.liquid": "icr-rate",
  "leaderboard.liquid": "icr-leaderboard",
  "influencer-card.liquid": "icr-influencer-card",
  "trend.liquid": "icr-trend",
  "calculator.liquid": "icr-calculator",
};

describe("theme app extension", () => {
  it("keeps Shopify's layout: a theme toml and only supported files in supported folders", async () => {
    expect(await readFile(join(EXTENSION_DIR, "shopify.extension.toml"), "utf8")).toMatch(/^type = "theme"$/m);
    // Shopify CLI rejects any other folder, and other file types in these ones.
    const allowed: Record<string, RegExp> = { assets: /\.(js|css|json|svg|png|jpe?g|wasm)$/, blocks: /\.liquid$/, snippets: /\.liquid$/, locales: /\.json$/ };
    for (const entry of await readdir(EXTENSION_DIR, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      expect(Object.keys(allowed), entry.name).toContain(entry.name);
      for (const file of await readdir(join(EXTENSION_DIR, entry.name))) expect(file).toMatch(allowed[entry.name]!);
    }
  });

  it("serves the current build of the widgets and the click capture (run `npm run build` after changing them)", async () => {
    const dir = inject("bundleDir");
    for (const file of EXTENSION_FILES) {
      const shipped = await readFile(join(EXTENSION_DIR, "assets", file), "utf8");
      expect(shipped === (await readFile(join(dir, file), "utf8")), `assets/${file} is stale`).toBe(true);
      expect(gzipSync(shipped, { level: 9 }).length, file).toBeLessThanOrEqual(10_000);
    }
  });

  it("has a body app embed that loads the click-capture asset", async () => {
    const embed = (await readBlocks()).find((b) => b.file === "click-capture.liquid")!;
    expect(embed.schema.target).toBe("body");
    expect(embed.schema.javascript).toBe("icr-click-capture.js");
    expect(EXTENSION_FILES).toContain(embed.schema.javascript);
  });

  it("has a section block per widget that loads the bundle as a module and renders the element", async () => {
    const blocks = await readBlocks();
    for (const [file, tag] of Object.entries(WIDGET_BLOCKS)) {
      const block = blocks.find((b) => b.file === file);
      expect(block, file).toBeDefined();
      expect(block!.schema.target, file).toBe("section");
      expect(block!.liquid, file).toContain(`<script type="module" src="{{ 'icr-widgets.js' | asset_url }}"></script>`);
      expect(block!.liquid, file).toContain(`<${tag}`);
      expect(block!.liquid, file).toContain(`lang="{{ request.locale.iso_code | escape }}"`);
    }
  });

  it("asks the public API through the app proxy, with url-encoded values and escaped attributes", async () => {
    for (const block of await readBlocks()) {
      if (!block.liquid.includes(" src=\"{{ src")) continue;
      expect(block.liquid, block.file).toContain("/apps/icr/api/public/v1/{{ key | url_encode }}/");
      expect(block.liquid, block.file).toContain('src="{{ src | strip | escape }}"');
      for (const text of block.liquid.matchAll(/{{\s*block\.settings\.(influencer|campaign|label|benchmark_label)\b[^}]*}}/g)) {
        expect(text[0], block.file).toMatch(/\| (url_encode|escape) }}$/);
      }
    }
  });

  it("declares settings Shopify accepts: unique ids, at most 25, defaults among the options", async () => {
    for (const { file, schema } of await readBlocks()) {
      const settings = schema.settings ?? [];
      expect(settings.length, file).toBeLessThanOrEqual(25);
      const ids = settings.flatMap((s) => (s.id ? [s.id] : []));
      expect(new Set(ids).size, file).toBe(ids.length);
      for (const s of settings) {
        if (s.type === "select") expect(s.options!.map((o) => o.value), `${file} ${s.id}`).toContain(s.default);
      }
      expect(schema.name.length, file).toBeLessThanOrEqual(25);
    }
  });

  it("offers in its selects exactly the values the public API takes", async () => {
    for (const { file, schema } of await readBlocks()) {
      for (const s of schema.settings ?? []) {
        const values = s.options?.map((o) => o.value);
        if (s.id === "scope") expect(values, file).toEqual(["overall", "influencer", "campaign"]);
        if (s.id === "goal") expect(values, file).toEqual(["purchase", "signup"]);
      }
    }
  });
});
