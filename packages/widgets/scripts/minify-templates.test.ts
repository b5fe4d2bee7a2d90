import { describe, expect, it } from "vitest";
import { minifyTemplates } from "./minify-templates.js";

describe("minifyTemplates", () => {
  it("squeezes CSS: comments, spaces around punctuation, the last semicolon", () => {
    const code = "const s = css`\n  :host {\n    color: red; /* why */\n    margin: 0 auto;\n  }\n  a > b, c :hover { x: y; }\n`;";
    expect(minifyTemplates(code, "x.ts")).toBe("const s = css`:host{color:red;margin:0 auto}a>b,c :hover{x:y}`;");
  });

  it("keeps the space a descendant selector and calc() need", () => {
    expect(minifyTemplates("css`a  b{width:calc(1px  +  2em)}`", "x.ts")).toBe("css`a b{width:calc(1px + 2em)}`");
  });

  it("drops line breaks between tags in HTML, and turns other whitespace runs into one space", () => {
    const code = "html`<ul>\n  <li>a  b</li>\n  <li>${x}</li>\n</ul> <b>c</b>`";
    expect(minifyTemplates(code, "x.ts")).toBe("html`<ul><li>a b</li><li>${x}</li></ul> <b>c</b>`");
  });

  it("squeezes the pieces around expressions and nested templates, and leaves the expressions alone", () => {
    const code = 'html`<p>\n  ${ok ? html`<i>  yes  </i>` : "  keep  spaces  "}\n</p>`';
    expect(minifyTemplates(code, "x.ts")).toBe('html`<p> ${ok ? html`<i> yes </i>` : "  keep  spaces  "} </p>`');
  });

  it("does not touch other template literals or untagged code", () => {
    const code = "const a = `  x  `; const b = other`  y  `;";
    expect(minifyTemplates(code, "x.ts")).toBe(code);
  });
});
