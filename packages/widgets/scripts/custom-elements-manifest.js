// @ts-check
/**
 * Writes custom-elements.json (the Custom Elements Manifest, schema 2.1) from the sources, so
 * editors, Storybook-like tools and docs know each element's attributes, properties, events,
 * CSS parts and custom properties. It reads what the code already states:
 *   - the class JSDoc: description, `@tag`, `@summary`, `@csspart`, `@cssproperty`, `@event`;
 *   - `static properties = { "show-interval": asBoolean, ...DataElement.properties }`: attributes;
 *   - `declare showInterval: boolean` fields and their JSDoc: property types and descriptions;
 *   - `defineElement("icr-rate", IcrRate)` calls: which module registers which tag.
 * Inherited attributes, fields, parts, properties and events are copied down from the base class.
 */
import { readFile, readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import ts from "typescript";

/** What each converter makes of an attribute's text. */
const CONVERTER_TYPES = { asString: "string", asNumber: "number", asBoolean: "boolean", asJson: "object | string" };

/**
 * @typedef {{ name: string; description: string; default?: string }} Described
 * @typedef {{ attribute: string; field: string; type: string; description: string }} Property
 * @typedef {{
 *   name: string; module: string; superclass?: string; description: string; summary?: string;
 *   tagName?: string; ownProperties: boolean; properties: Property[]; spreads: string[];
 *   cssParts: Described[]; cssProperties: Described[]; events: Described[];
 * }} ClassInfo
 */

const camel = (/** @type {string} */ name) => name.replace(/-(\w)/g, (_, c) => c.toUpperCase());

/** @param {string} dir @returns {Promise<string[]>} */
async function sourceFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") && !e.name.endsWith(".d.ts"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** "name - text" or "[--name=default] - text" → parts. @param {string} text @returns {Described} */
function parseTagText(text) {
  const match = /^\s*(\[([^\]=]+)(?:=([^\]]*))?\]|(\S+))\s*(?:-\s*)?([\s\S]*)$/.exec(text);
  if (!match) return { name: text.trim(), description: "" };
  const described = { name: (match[2] ?? match[4] ?? "").trim(), description: (match[5] ?? "").trim().replace(/\s+/g, " ") };
  return match[3] === undefined ? described : { ...described, default: match[3].trim() };
}

/** @param {ts.Node} node */
function jsDocOf(node) {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const doc = docs.at(-1);
  const description = doc ? (ts.getTextOfJSDocComment(doc.comment) ?? "").trim().replace(/\s*\n\s*/g, " ") : "";
  /** @type {Record<string, string[]>} */
  const tags = {};
  for (const tag of doc?.tags ?? []) {
    (tags[tag.tagName.text] ??= []).push(ts.getTextOfJSDocComment(tag.comment) ?? "");
  }
  return { description, tags };
}

/** @param {ts.SourceFile} source @param {string} module @returns {ClassInfo[]} */
function classesIn(source, module) {
  /** @type {ClassInfo[]} */
  const classes = [];
  for (const statement of source.statements) {
    if (!ts.isClassDeclaration(statement) || !statement.name) continue;
    const { description, tags } = jsDocOf(statement);
    const heritage = statement.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
    /** @type {ClassInfo} */
    const info = {
      name: statement.name.text,
      module,
      description,
      ownProperties: false,
      properties: [],
      spreads: [],
      cssParts: (tags.csspart ?? []).map(parseTagText),
      cssProperties: (tags.cssproperty ?? []).map(parseTagText),
      events: (tags.event ?? []).map(parseTagText),
    };
    if (heritage && ts.isIdentifier(heritage.expression)) info.superclass = heritage.expression.text;
    if (tags.tag?.[0]) info.tagName = tags.tag[0].trim();
    if (tags.summary?.[0]) info.summary = tags.summary[0].trim().replace(/\s+/g, " ");
    /** @type {Map<string, { type: string; description: string }>} */
    const fields = new Map();
    for (const member of statement.members) {
      if (!ts.isPropertyDeclaration(member) || !ts.isIdentifier(member.name)) continue;
      const isStatic = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
      if (isStatic && member.name.text === "properties" && member.initializer && ts.isObjectLiteralExpression(member.initializer)) {
        info.ownProperties = true;
        for (const prop of member.initializer.properties) {
          if (ts.isSpreadAssignment(prop)) info.spreads.push(prop.expression.getText(source));
          else if (ts.isPropertyAssignment(prop)) {
            const attribute = ts.isStringLiteral(prop.name) || ts.isIdentifier(prop.name) ? prop.name.text : prop.name.getText(source);
            const converter = prop.initializer.getText(source);
            info.properties.push({
              attribute,
              field: camel(attribute),
              type: CONVERTER_TYPES[/** @type {keyof typeof CONVERTER_TYPES} */ (converter)] ?? "string",
              description: "",
            });
          }
        }
      } else if (member.modifiers?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) {
        fields.set(member.name.text, { type: member.type?.getText(source) ?? "unknown", description: jsDocOf(member).description });
      }
    }
    for (const prop of info.properties) {
      const field = fields.get(prop.field);
      if (field) Object.assign(prop, field);
    }
    classes.push(info);
  }
  return classes;
}

/** @param {ts.SourceFile} source @returns {{ tag: string; className: string }[]} */
function definitionsIn(source) {
  /** @type {{ tag: string; className: string }[]} */
  const found = [];
  /** @param {ts.Node} node */
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "defineElement") {
      const [tag, ctor] = node.arguments;
      if (tag && ctor && ts.isStringLiteral(tag) && ts.isIdentifier(ctor)) found.push({ tag: tag.text, className: ctor.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * Builds the manifest for the package at `packageDir` (its `src` folder).
 *
 * @param {string} packageDir
 * @returns {Promise<object>} the manifest object; `{ schemaVersion, modules: [] }` for a package without elements.
 * @example
 * const manifest = await analyze("/work/main/packages/widgets");
 * manifest.modules.find((m) => m.path === "src/rate/rate.component.ts");
 */
export async function analyze(packageDir) {
  /** @type {Map<string, ClassInfo>} */
  const classes = new Map();
  /** @type {{ module: string; tag: string; className: string }[]} */
  const definitions = [];
  for (const file of await sourceFiles(join(packageDir, "src"))) {
    const module = relative(packageDir, file).split("\\").join("/");
    const source = ts.createSourceFile(file, await readFile(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    for (const info of classesIn(source, module)) classes.set(info.name, info);
    for (const def of definitionsIn(source)) definitions.push({ module, ...def });
  }

  /**
   * The attributes a class really has: its own `static properties` (with the bases it spreads in),
   * or, without its own, its base class's, as JavaScript's static inheritance gives them.
   * @param {ClassInfo} info
   * @returns {(Property & { from?: ClassInfo })[]}
   */
  const effectiveProperties = (info) => {
    if (!info.ownProperties) {
      const base = info.superclass ? classes.get(info.superclass) : undefined;
      return base ? effectiveProperties(base).map((p) => ({ ...p, from: p.from ?? base })) : [];
    }
    const spread = info.spreads.flatMap((expression) => {
      const base = classes.get(expression.replace(/\.properties$/, ""));
      return base ? effectiveProperties(base).map((p) => ({ ...p, from: p.from ?? base })) : [];
    });
    return [...spread, ...info.properties];
  };

  /** @param {ClassInfo} info @returns {ClassInfo[]} the chain of base classes known here, nearest first. */
  const ancestors = (info) => {
    const chain = [];
    for (let base = info.superclass && classes.get(info.superclass); base; base = base.superclass && classes.get(base.superclass)) {
      chain.push(base);
    }
    return chain;
  };

  const modules = [];
  for (const info of classes.values()) {
    if (!info.tagName) continue;
    const bases = ancestors(info);
    const all = effectiveProperties(info);
    const declaration = {
      kind: "class",
      description: info.description,
      ...(info.summary ? { summary: info.summary } : {}),
      name: info.name,
      tagName: info.tagName,
      customElement: true,
      ...(info.superclass ? { superclass: { name: info.superclass, module: classes.get(info.superclass)?.module } } : {}),
      attributes: all.map((p) => ({
        name: p.attribute,
        type: { text: p.type },
        description: p.description,
        fieldName: p.field,
        ...(p.from ? { inheritedFrom: { name: p.from.name, module: p.from.module } } : {}),
      })),
      members: all.map((p) => ({
        kind: "field",
        name: p.field,
        type: { text: p.type },
        description: p.description,
        attribute: p.attribute,
        ...(p.from ? { inheritedFrom: { name: p.from.name, module: p.from.module } } : {}),
      })),
      events: [...bases.flatMap((b) => b.events), ...info.events].map((e) => ({ name: e.name, type: { text: "CustomEvent" }, description: e.description })),
      cssParts: [...info.cssParts, ...bases.flatMap((b) => b.cssParts)],
      cssProperties: [...info.cssProperties, ...bases.flatMap((b) => b.cssProperties)].filter(
        (p, i, list) => list.findIndex((q) => q.name === p.name) === i,
      ),
    };
    modules.push({
      kind: "javascript-module",
      path: info.module,
      declarations: [declaration],
      exports: [{ kind: "js", name: info.name, declaration: { name: info.name, module: info.module } }],
    });
  }
  for (const def of definitions) {
    const info = classes.get(def.className);
    if (!info) continue;
    const declaration = { name: info.name, module: info.module };
    modules.push({
      kind: "javascript-module",
      path: def.module,
      declarations: [],
      exports: [
        { kind: "js", name: info.name, declaration },
        { kind: "custom-element-definition", name: def.tag, declaration },
      ],
    });
  }
  modules.sort((a, b) => a.path.localeCompare(b.path));
  return { schemaVersion: "2.1.0", readme: "README.md", modules };
}
