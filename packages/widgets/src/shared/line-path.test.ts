import { describe, expect, it } from "vitest";
import { linePath } from "./line-path.js";

describe("linePath", () => {
  it("spreads points evenly and scales max to the top, 0 to the bottom", () => {
    expect(linePath([0, 5, 10], 100, 50, 10)).toBe("M0 50L50 25L100 0");
  });

  it("breaks the line at a null (a day without clicks) instead of dropping to 0", () => {
    expect(linePath([2, 4, null, 4, 2], 100, 40, 4)).toBe("M0 20L25 0M75 0L100 20");
  });

  it("draws a lone value as a short level dash so it stays visible", () => {
    expect(linePath([4, null, 4], 100, 50, 8)).toBe("M0 25h1M100 25h-1");
    expect(linePath([3], 100, 50, 3)).toBe("M0 0h1");
  });

  it("keeps everything at the bottom when the highest value is 0", () => {
    expect(linePath([0, 0], 10, 10, 0)).toBe("M0 10L10 10");
  });

  it("clamps values outside 0..max into the box", () => {
    expect(linePath([-5, 20], 10, 10, 10)).toBe("M0 10L10 0");
  });

  it("rounds coordinates to 2 decimals", () => {
    expect(linePath([1, 2, 3, 4], 100, 30, 3)).toBe("M0 20L33.33 10L66.67 0L100 0");
  });

  it("returns '' for nothing to draw", () => {
    expect(linePath([], 100, 50, 1)).toBe("");
    expect(linePath([null, null], 100, 50, 1)).toBe("");
    expect(linePath([1, 2], 0, 50, 2)).toBe("");
  });
});
