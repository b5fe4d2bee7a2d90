// @ts-check
/** Where the theme app extension keeps the built scripts it serves, and which ones. */
import { fileURLToPath } from "node:url";

/** extensions/theme-app-extension/assets, next to the Liquid blocks that load the files. */
export const EXTENSION_ASSETS = fileURLToPath(new URL("../../../extensions/theme-app-extension/assets/", import.meta.url));

/** The built files the extension serves: every widget in one module, and the click capture. */
export const EXTENSION_FILES = ["icr-widgets.js", "icr-click-capture.js"];
