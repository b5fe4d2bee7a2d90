/**
 * PostgreSQL array literals, for bulk statements that send each column as one array parameter
 * (`unnest($1::text[], …)`): the same text form works with `pg` and PGlite.
 */

/**
 * The array literal of a list: every element double-quoted with `"` and `\` escaped, null as NULL.
 *
 * @example pgArrayLiteral(["a", 'say "hi"', null]) // '{"a","say \\"hi\\"",NULL}'
 * @returns "{}" for an empty list.
 */
export function pgArrayLiteral(values: readonly (string | number | boolean | null)[]): string {
  return (
    "{" +
    values.map((v) => (v === null ? "NULL" : '"' + String(v).replace(/\\/g, "\\\\").replace(/"/g, '\\"') + '"')).join(",") +
    "}"
  );
}
