/**
 * The `d` attribute of an SVG line through `values`, spread evenly over `width` and scaled so
 * `max` touches the top and 0 the bottom of `height` (SVG's y grows downwards). A null value (a day
 * without clicks) breaks the line instead of dropping it to zero. A lone value, with nulls or
 * nothing beside it, becomes a short level dash so it stays visible.
 *
 * @returns the path data; "" for an empty list, for only nulls, or for a non-positive size.
 * @example
 * linePath([0, 5, 10], 100, 50, 10); // "M0 50L50 25L100 0"
 * linePath([4, null, 4], 100, 50, 8); // "M0 25h1M100 25h-1"
 */
export function linePath(values: readonly (number | null)[], width: number, height: number, max: number): string {
  if (!(width > 0 && height > 0)) return "";
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const y = (v: number) => round(max > 0 ? height - (Math.min(Math.max(v, 0), max) / max) * height : height);
  let d = "";
  values.forEach((v, i) => {
    if (v === null) return;
    const joined = i > 0 && values[i - 1] != null;
    d += `${joined ? "L" : "M"}${round(i * step)} ${y(v)}`;
    if (!joined && values[i + 1] == null) d += i * step < width ? "h1" : "h-1";
  });
  return d;
}

const round = (n: number) => Math.round(n * 100) / 100;
