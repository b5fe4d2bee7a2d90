// Builds the bundles once, into a temporary folder, for every node test: they check what ships,
// built from the sources as they are now (not whatever dist/ holds).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { bundleAll } from "../scripts/bundle.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Folder holding icr-widgets.js, the per-widget files and icr-click-capture.js. */
    bundleDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), "icr-widgets-"));
  await bundleAll(dir);
  project.provide("bundleDir", dir);
  return () => rm(dir, { recursive: true, force: true });
}
