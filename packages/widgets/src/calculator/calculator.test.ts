import { estimateRate } from "@icr/metrics";
import { userEvent } from "@vitest/browser/context";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, mount, part, textOf } from "../shared/test-fixture.js";
import type { IcrCalculator } from "./calculator.component.js";
import "./calculator.js";

/** The calculator's result line by line: value, interval, benchmark, notes. */
function result(el: IcrCalculator): string[] {
  return [...part(el, "result")!.children].map((c) => textOf(c));
}

function input(el: IcrCalculator, name: "clicks" | "conversions"): HTMLInputElement {
  return el.shadowRoot!.querySelector(`input[name=${name}]`)!;
}

describe("<icr-calculator>", () => {
  afterEach(cleanup);

  // METRICS.md §2 test vectors (Wilson 1927; the same numbers R's prop.test(correct = FALSE) gives).
  it.each([
    [1000, 50, "5%", "95% interval 3.81% – 6.53%"],
    [500, 75, "15%", "95% interval 12.14% – 18.4%"],
    [10, 0, "0%", "95% interval 0% – 27.75%"],
    [40, 3, "7.5%", "95% interval 2.58% – 19.86%"],
  ])("%i clicks, %i conversions: %s, %s", async (clicks, conversions, rate, interval) => {
    const el = await mount<IcrCalculator>(`<icr-calculator clicks="${clicks}" conversions="${conversions}"></icr-calculator>`);
    expect(textOf(part(el, "value")!)).toBe(rate);
    expect(textOf(part(el, "interval")!)).toBe(interval);
  });

  it("shows exactly what @icr/metrics' estimateRate computes, low-sample flag included", async () => {
    const el = await mount<IcrCalculator>(`<icr-calculator clicks="40" conversions="3"></icr-calculator>`);
    const expected = estimateRate(3, 40);
    expect(expected.lowSample).toBe(true);
    expect(result(el)).toEqual([
      `${expected.ratePct}%`,
      `95% interval ${expected.ci95Pct![0]}% – ${expected.ci95Pct![1]}%`,
      "Low sample: too little data to be sure.",
    ]);
  });

  it("recomputes as the visitor types, in a polite live region", async () => {
    const el = await mount<IcrCalculator>(`<icr-calculator clicks="1000" conversions="50"></icr-calculator>`);
    expect(part(el, "result")!.getAttribute("aria-live")).toBe("polite");
    await userEvent.fill(input(el, "conversions"), "75");
    await userEvent.fill(input(el, "clicks"), "500");
    await el.updateComplete;
    expect(el.conversions).toBe(75);
    expect(result(el).slice(0, 2)).toEqual(["15%", "95% interval 12.14% – 18.4%"]);
  });

  it("shows the inputs' starting values from the attributes, and values set later", async () => {
    const el = await mount<IcrCalculator>(`<icr-calculator clicks="1000" conversions="50"></icr-calculator>`);
    expect([input(el, "clicks").value, input(el, "conversions").value]).toEqual(["1000", "50"]);
    el.clicks = 200;
    await el.updateComplete;
    expect(input(el, "clicks").value).toBe("200");
  });

  it("asks for whole numbers, marking the bad input, and leaves the visitor's typing alone", async () => {
    const el = await mount<IcrCalculator>(`<icr-calculator clicks="1000" conversions="50"></icr-calculator>`);
    await userEvent.fill(input(el, "clicks"), "12.5");
    await el.updateComplete;
    expect(textOf(part(el, "error")!)).toBe("Enter whole numbers, 0 or more.");
    expect(input(el, "clicks").getAttribute("aria-invalid")).toBe("true");
    expect(input(el, "conversions").getAttribute("aria-invalid")).toBe("false");
    expect(input(el, "clicks").value).toBe("12.5");
    await userEvent.fill(input(el, "clicks"), "-3");
    await el.updateComplete;
    expect(part(el, "error")).not.toBeNull();
    await userEvent.clear(input(el, "clicks"));
    await el.updateComplete;
    expect(el.clicks).toBeNaN();
    expect(part(el, "error")).not.toBeNull();
  });

  it("invites input when nothing is set", async () => {
    const el = await mount<IcrCalculator>(`<icr-calculator></icr-calculator>`);
    expect(textOf(part(el, "result")!)).toBe("Enter clicks and conversions.");
    expect(input(el, "clicks").value).toBe("");
    // Empty and untouched is not an error.
    expect(input(el, "clicks").getAttribute("aria-invalid")).toBe("false");
  });

  it("has no rate for 0 clicks, and flags more conversions than clicks", async () => {
    const zero = await mount<IcrCalculator>(`<icr-calculator clicks="0" conversions="4"></icr-calculator>`);
    expect(textOf(part(zero, "result")!)).toBe("–Enter clicks.");
    const above = await mount<IcrCalculator>(`<icr-calculator clicks="100" conversions="150"></icr-calculator>`);
    expect(result(above)).toEqual(["150%", "Above 100%: more conversions than clicks."]);
  });

  it("places the rate against a benchmark given as attributes", async () => {
    const el = await mount<IcrCalculator>(
      `<icr-calculator clicks="1000" conversions="50" benchmark-low="1.5" benchmark-high="3" benchmark-label="Retail"></icr-calculator>`,
    );
    expect(textOf(part(el, "benchmark")!)).toBe("Above the Retail range (1.5% – 3%)");
    el.benchmarkHigh = 5;
    await el.updateComplete;
    expect(textOf(part(el, "benchmark")!)).toBe("Within the Retail range (1.5% – 5%)");
    el.benchmarkHigh = 1;
    await el.updateComplete;
    expect(part(el, "benchmark")).toBeNull();
  });

  it("labels its inputs and formats for its lang", async () => {
    const el = await mount<IcrCalculator>(`<icr-calculator lang="de" clicks="1000" conversions="55"></icr-calculator>`);
    expect([...el.shadowRoot!.querySelectorAll("label")].map((l) => l.textContent!.trim())).toEqual(["Clicks", "Conversions"]);
    expect(input(el, "clicks").labels![0]!.textContent!.trim()).toBe("Clicks");
    expect(textOf(part(el, "value")!)).toMatch(/^5,5\s%$/);
  });
});
