import { describe, expect, it } from "vitest";
import { PACKAGE_DIR } from "../scripts/bundle.js";
import { analyze } from "../scripts/custom-elements-manifest.js";

interface Declaration {
  name: string;
  tagName: string;
  attributes: { name: string; fieldName: string; type: { text: string }; inheritedFrom?: { name: string } }[];
  cssParts: { name: string }[];
  cssProperties: { name: string; default?: string }[];
  events: { name: string }[];
}
interface Module {
  path: string;
  declarations: Declaration[];
  exports: { kind: string; name: string; declaration: { name: string; module: string } }[];
}

describe("custom-elements.json", async () => {
  const manifest = (await analyze(PACKAGE_DIR)) as { schemaVersion: string; modules: Module[] };
  const element = (tag: string) => manifest.modules.flatMap((m) => m.declarations).find((d) => d.tagName === tag)!;

  it("describes the five elements, each defined by its own module", () => {
    expect(manifest.schemaVersion).toBe("2.1.0");
    const definitions = manifest.modules.flatMap((m) => m.exports.filter((e) => e.kind === "custom-element-definition").map((e) => [m.path, e.name]));
    expect(definitions).toEqual([
      ["src/calculator/calculator.ts", "icr-calculator"],
      ["src/influencer-card/influencer-card.ts", "icr-influencer-card"],
      ["src/leaderboard/leaderboard.ts", "icr-leaderboard"],
      ["src/rate/rate.ts", "icr-rate"],
      ["src/trend/trend.ts", "icr-trend"],
    ]);
  });

  it("lists own and inherited attributes with their properties and types", () => {
    const rate = element("icr-rate");
    expect(rate.attributes.map((a) => [a.name, a.fieldName, a.type.text, a.inheritedFrom?.name ?? ""])).toEqual([
      ["src", "src", "string", "DataElement"],
      ["data", "data", "unknown", "DataElement"],
      ["label", "label", "string", "DataElement"],
      ["timeout", "timeout", "number | undefined", "DataElement"],
      ["show-interval", "showInterval", "boolean", ""],
      ["show-benchmark", "showBenchmark", "boolean", ""],
      ["show-change", "showChange", "boolean", ""],
    ]);
    // No `static properties` of its own: the card has exactly the base class's.
    expect(element("icr-influencer-card").attributes.map((a) => a.name)).toEqual(["src", "data", "label", "timeout"]);
  });

  it("documents parts, custom properties (with defaults) and events, inherited ones included", () => {
    const rate = element("icr-rate");
    expect(rate.cssParts.map((p) => p.name)).toEqual(["label", "value", "change", "interval", "benchmark", "note", "meta", "status"]);
    expect(rate.cssProperties.find((p) => p.name === "--icr-min-height")).toMatchObject({ default: "7rem" });
    expect(rate.cssProperties.map((p) => p.name)).toContain("--icr-positive");
    expect(rate.events.map((e) => e.name)).toEqual(["icr-error"]);
    expect(element("icr-calculator").events).toEqual([]);
  });
});
