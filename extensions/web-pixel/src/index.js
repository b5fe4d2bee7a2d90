// Entry point Shopify CLI bundles: the sandbox hands the pixel its APIs; src/pixel.js does the work.
import { register } from "@shopify/web-pixels-extension";
import { createPixel } from "./pixel.js";

register(createPixel);
