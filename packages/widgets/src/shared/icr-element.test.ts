import { html } from "lit/html.js";
import { afterEach, describe, expect, it } from "vitest";
import { defineElement } from "./define.js";
import { IcrElement, asBoolean, asJson, asNumber, asString, css } from "./icr-element.js";
import { cleanup, mount, textOf } from "./test-fixture.js";

class TestElement extends IcrElement {
  static override styles = css`
    :host {
      display: block;
      color: rgb(1, 2, 3);
    }
  `;
  static override properties = { name: asString, count: asNumber, "is-on": asBoolean, data: asJson };
  declare name: string;
  declare count: number | undefined;
  declare isOn: boolean;
  declare data: unknown;
  renders = 0;
  changes: string[][] = [];

  protected override willUpdate(changed: ReadonlySet<string>): void {
    this.changes.push([...changed].sort());
  }

  protected override render(): unknown {
    this.renders++;
    return html`<p>${this.name}|${String(this.count)}|${String(this.isOn)}|${JSON.stringify(this.data)}|${this.lang}</p>`;
  }
}
defineElement("icr-test-element", TestElement);

describe("IcrElement", () => {
  afterEach(cleanup);

  it("turns attributes into typed camelCase properties", async () => {
    const el = await mount<TestElement>(`<icr-test-element name="a" count="3" is-on data='{"x":1}'></icr-test-element>`);
    expect([el.name, el.count, el.isOn, el.data]).toEqual(["a", 3, true, { x: 1 }]);
    expect(textOf(el)).toBe('a|3|true|{"x":1}|');
  });

  it("converts removed attributes and junk the documented way", async () => {
    const el = await mount<TestElement>(`<icr-test-element name="a" count="x" is-on data="{oops"></icr-test-element>`);
    expect(el.count).toBeNaN();
    expect(el.data).toBe("{oops");
    el.removeAttribute("name");
    el.removeAttribute("count");
    el.removeAttribute("is-on");
    expect([el.name, el.count, el.isOn]).toEqual(["", undefined, false]);
  });

  it("batches changes made in one task into one render, and skips sets that change nothing", async () => {
    const el = await mount<TestElement>(`<icr-test-element></icr-test-element>`);
    const before = el.renders;
    el.name = "b";
    el.count = 2;
    el.setAttribute("is-on", "");
    await el.updateComplete;
    expect(el.renders).toBe(before + 1);
    expect(el.changes.at(-1)).toEqual(["count", "isOn", "name"]);
    el.name = "b";
    await el.updateComplete;
    expect(el.renders).toBe(before + 1);
  });

  it("does not render before it is connected, then renders with everything set meanwhile", async () => {
    const el = document.createElement("icr-test-element") as TestElement;
    el.name = "early";
    await el.updateComplete;
    expect(el.renders).toBe(0);
    document.body.append(el);
    await el.updateComplete;
    expect(el.renders).toBe(1);
    expect(el.changes[0]).toEqual(["name"]);
    expect(textOf(el)).toContain("early");
  });

  it("keeps a property set on the element before its definition loaded", async () => {
    const el = document.createElement("icr-test-late");
    (el as unknown as { data: unknown }).data = { early: true };
    document.body.append(el);
    class Late extends TestElement {}
    defineElement("icr-test-late", Late);
    const late = el as Late;
    await late.updateComplete;
    expect(late.data).toEqual({ early: true });
    expect(Object.hasOwn(late, "data")).toBe(false);
    expect(textOf(late)).toContain('{"early":true}');
  });

  it("re-renders when lang changes, leaving lang a native attribute", async () => {
    const el = await mount<TestElement>(`<icr-test-element lang="de"></icr-test-element>`);
    expect(textOf(el)).toMatch(/\|de$/);
    el.lang = "fr";
    await el.updateComplete;
    expect(el.getAttribute("lang")).toBe("fr");
    expect(textOf(el)).toMatch(/\|fr$/);
  });

  it("styles its shadow root with a constructed style sheet shared by every instance", async () => {
    const a = await mount<TestElement>(`<icr-test-element></icr-test-element>`);
    const b = await mount<TestElement>(`<icr-test-element></icr-test-element>`);
    expect(getComputedStyle(a).color).toBe("rgb(1, 2, 3)");
    expect(a.shadowRoot!.adoptedStyleSheets[0]).toBe(b.shadowRoot!.adoptedStyleSheets[0]);
  });

  it("minifiable css tag returns its text", () => {
    expect(css`a{}`).toBe("a{}");
  });
});
