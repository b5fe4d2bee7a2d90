/** A custom element class that says which @icr/widgets version it belongs to. */
export interface VersionedElement extends CustomElementConstructor {
  readonly version: string;
}

/**
 * Registers `ctor` under `tag` unless that tag is already taken, so the widgets can land on a page
 * that loads them twice (a CMS snippet and a theme block, two builds from two CDNs) without the
 * `NotSupportedError` a second `customElements.define` throws. The first registration wins; a
 * different version already registered is reported once with `console.warn`, never thrown.
 *
 * @returns true when this call registered the element, false when the tag was already defined.
 * An empty or otherwise invalid tag name throws the browser's `SyntaxError`, like `customElements.define`.
 * @example
 * defineElement("icr-rate", IcrRate); // true on first load
 * defineElement("icr-rate", IcrRate); // false: already registered, nothing happens
 */
export function defineElement(tag: string, ctor: VersionedElement): boolean {
  const existing = customElements.get(tag) as Partial<VersionedElement> | undefined;
  if (!existing) {
    customElements.define(tag, ctor);
    return true;
  }
  if (existing !== ctor && existing.version !== ctor.version) {
    console.warn(`<${tag}> ${existing.version} already defined; ${ctor.version} skipped`);
  }
  return false;
}
