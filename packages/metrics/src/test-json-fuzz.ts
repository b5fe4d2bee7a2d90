/*
 * Test helper: fast-check arbitraries that damage a recorded payload the way a bad sender (or a
 * future API version) might: a field somewhere set to null, removed, or replaced by other JSON.
 * Not part of the package.
 */
import fc from "fast-check";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path (list of keys / indexes) inside a JSON value, the root included. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(value)) return here.concat(...value.map((v, i) => paths(v, [...prefix, i])));
  if (value !== null && typeof value === "object") return here.concat(...Object.entries(value).map(([k, v]) => paths(v, [...prefix, k])));
  return here;
}

function replaceAt(value: Json, path: (string | number)[], replacement: Json | undefined): Json | undefined {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  if (Array.isArray(value)) {
    const copy = [...value];
    const next = replaceAt(copy[head as number] ?? null, rest, replacement);
    if (next === undefined) copy.splice(head as number, 1);
    else copy[head as number] = next;
    return copy;
  }
  if (value !== null && typeof value === "object") {
    const copy = { ...value };
    const next = replaceAt(copy[head as string] ?? null, rest, replacement);
    if (next === undefined) delete copy[head as string];
    else copy[head as string] = next;
    return copy;
  }
  return value;
}

/** `base` with up to three fields set to null, removed, or replaced by random JSON. */
export function damagedJson(base: unknown): fc.Arbitrary<unknown> {
  const all = paths(base as Json);
  const edit = fc.record({
    path: fc.constantFrom(...all),
    value: fc.oneof(fc.constant(null), fc.constant(undefined), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>),
  });
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) =>
    edits.reduce<Json | undefined>((doc, { path, value }) => (doc === undefined ? doc : replaceAt(doc, path, value)), base as Json),
  );
}
