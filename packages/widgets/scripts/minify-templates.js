// @ts-check
/**
 * A Vite plugin that squeezes the whitespace out of Lit's html`` and css`` templates at build time.
 * esbuild minifies the code around them but leaves template text alone, and that indentation is a
 * good part of a 10 KB budget. HTML: line breaks between two tags go (source indentation, never
 * text: the templates put inline siblings that need a space on one line), other runs of whitespace
 * become one space, as the browser renders them (the widgets use no <pre>). CSS: comments go, and
 * spaces around { } ; , > and after : too.
 */
import ts from "typescript";

const TAGS = new Set(["html", "css", "svg"]);

/** @param {string} text @param {string} tag */
function squeeze(text, tag) {
  if (tag !== "css") return text.replace(/>\s*\n\s*</g, "><").replace(/\s+/g, " ");
  const single = text.replace(/\s+/g, " ");
  return single
    .replace(/\/\*.*?\*\//g, "")
    .replace(/\s*([{};,>])\s*/g, "$1")
    .replace(/:\s+/g, ":")
    .replace(/;}/g, "}")
    .trim();
}

/**
 * Rewrites every html``, css`` and svg`` template in a TypeScript source.
 *
 * @param {string} code
 * @param {string} fileName
 * @returns {string} the source with squeezed templates; unchanged when it has none.
 * @example
 * minifyTemplates("css`a {  color: red; }`", "x.ts"); // "css`a{color:red}`"
 */
export function minifyTemplates(code, fileName) {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  /** @type {{ start: number; end: number; text: string }[]} */
  const edits = [];
  /** @param {ts.Node} node */
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && TAGS.has(node.tag.text)) {
      const tag = node.tag.text;
      const tpl = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(tpl) ? [tpl] : [tpl.head, ...tpl.templateSpans.map((s) => s.literal)];
      for (const part of parts) {
        // Between the opening ` or } and the closing ` or ${ of each literal piece.
        const start = part.getStart(source) + 1;
        const end = part.getEnd() - (ts.isTemplateHead(part) || ts.isTemplateMiddle(part) ? 2 : 1);
        edits.push({ start, end, text: squeeze(code.slice(start, end), tag) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = code;
  for (const { start, end, text } of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, start) + text + out.slice(end);
  return out;
}

/**
 * The Vite plugin running `minifyTemplates` on the package's TypeScript sources.
 *
 * @returns {import("vite").Plugin} a plugin; it leaves files without html``/css``/svg`` as they are.
 * @example
 * build({ plugins: [minifyTemplatesPlugin()] });
 */
export function minifyTemplatesPlugin() {
  return {
    name: "icr-minify-templates",
    enforce: "pre",
    transform(code, id) {
      return /\/src\/.*\.ts$/.test(id) && /(html|css|svg)`/.test(code) ? { code: minifyTemplates(code, id), map: null } : null;
    },
  };
}
