// Reads the theme app extension the way Shopify does: blocks/*.liquid with their {% schema %} JSON.
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

export const EXTENSION_DIR = fileURLToPath(new URL("../../../extensions/theme-app-extension/", import.meta.url));

export interface BlockSchema {
  name: string;
  target: string;
  javascript?: string;
  settings?: { type: string; id?: string; default?: unknown; options?: { value: string }[] }[];
}

export interface Block {
  file: string;
  liquid: string;
  schema: BlockSchema;
}

/** Every block file with its parsed schema (throws if a schema is missing or not JSON). */
export async function readBlocks(): Promise<Block[]> {
  const files = (await readdir(new URL("blocks/", `file://${EXTENSION_DIR}`))).filter((f) => f.endsWith(".liquid")).sort();
  return Promise.all(
    files.map(async (file) => {
      const liquid = await readFile(`${EXTENSION_DIR}blocks/${file}`, "utf8");
      const match = /{%\s*schema\s*%}([\s\S]*?){%\s*endschema\s*%}/.exec(liquid);
      if (!match) throw new Error(`${file}: no {% schema %}`);
      return { file, liquid, schema: JSON.parse(match[1]!) as BlockSchema };
    }),
  );
}
