import { buildShareUrl } from "@icr/metrics";
import { LINK_HELP } from "../help.js";
import { cleanHandle, isHandle, isSlug } from "../input/identifiers.js";
import { optionalString, parseFlags, requireString, type FlagSpec } from "../parse-flags.js";
import { UsageError } from "../usage-error.js";

const LINK_FLAGS: FlagSpec = {
  handle: { type: "string" },
  destination: { type: "string" },
  campaign: { type: "string" },
  platform: { type: "string" },
  "base-url": { type: "string" },
  slug: { type: "string" },
  help: { type: "boolean", short: "h" },
};

const HINT = 'run "icr link --help" to see the options';

/**
 * `icr link`: the text to print for `args`, i.e. the share URL (the destination with the UTM
 * parameters of METRICS.md §4, built by `buildShareUrl`) and, with `--base-url` and `--slug`, the
 * app's short link `{base}/r/{slug}` on a second line. Bad arguments throw UsageError. With
 * `--help` (or no arguments at all) returns the help text.
 *
 * @example
 * linkCommand(["--handle", "alice", "--destination", "https://shop.example/tee", "--platform", "instagram"]);
 * // "https://shop.example/tee?utm_source=instagram&utm_medium=influencer&utm_content=alice\n"
 */
export function linkCommand(args: readonly string[]): string {
  const flags = parseFlags(args, LINK_FLAGS, "link");
  if (flags.help === true || args.length === 0) return LINK_HELP;

  const handle = cleanHandle(requireString(flags, "handle", "link", "H"));
  if (!isHandle(handle)) {
    throw new UsageError(`--handle "${handle}" may only contain letters, digits, ".", "_" and "-"`, HINT);
  }
  const destination = requireString(flags, "destination", "link", "URL").trim();
  webUrl(destination, "--destination");
  const params: { handle: string; campaign?: string; platform?: string } = { handle };
  const campaign = optionalString(flags, "campaign", "link");
  if (campaign !== undefined) params.campaign = campaign;
  const platform = optionalString(flags, "platform", "link");
  if (platform !== undefined) params.platform = platform.toLowerCase();

  const lines = [buildShareUrl(destination, params)];
  const shortLink = shortLinkOf(flags.slug, flags["base-url"]);
  if (shortLink !== undefined) lines.push(shortLink);
  return `${lines.join("\n")}\n`;
}

/** `{base}/r/{slug}`, or undefined when neither flag is given; one without the other is an error. */
function shortLinkOf(slug: string | boolean | undefined, baseUrl: string | boolean | undefined): string | undefined {
  if (slug === undefined && baseUrl === undefined) return undefined;
  if (typeof slug !== "string" || typeof baseUrl !== "string") {
    throw new UsageError("--base-url and --slug go together: give both to print the short link", HINT);
  }
  const cleanSlug = slug.trim();
  if (!isSlug(cleanSlug)) {
    throw new UsageError(`--slug "${cleanSlug}" may only contain letters, digits, "-" and "_"`, HINT);
  }
  const base = webUrl(baseUrl, "--base-url");
  if (base.search !== "" || base.hash !== "") {
    throw new UsageError(`--base-url "${baseUrl}" must not carry a query or fragment`, HINT);
  }
  return `${base.origin}${base.pathname.replace(/\/+$/u, "")}/r/${cleanSlug}`;
}

/** An absolute http(s) URL: influencers share links people click, never shop-relative paths. */
function webUrl(text: string, flag: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new UsageError(`${flag} "${text}" is not a URL: write it in full, e.g. https://shop.example/products/tee`, HINT);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new UsageError(`${flag} "${text}" must start with https:// or http://`, HINT);
  }
  return url;
}
