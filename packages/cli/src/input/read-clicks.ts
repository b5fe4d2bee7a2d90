import { deviceFromUserAgent, parseTimestamp, type Click, type ShareLink } from "@icr/metrics";
import type { Progress } from "../progress.js";
import type { InputFile } from "./input-file.js";
import { inputError } from "./input-error.js";
import { readTable, type TableSpec } from "./read-table.js";

/**
 * The clicks file's columns: METRICS.md §6's `id,at,link,visitor,userAgent`, plus the optional
 * `method`, `country` and `device` a click log may carry (they feed bot detection and segments).
 */
export const CLICK_SPEC: TableSpec = {
  columns: ["id", "at", "link", "visitor", "userAgent", "method", "country", "device"],
  required: ["at", "link", "visitor"],
  lists: [],
};

/**
 * Reads share-link clicks (CSV, JSON Lines or a JSON array) and credits each to the influencer
 * whose roster `links` contain its `link` slug, with that link's campaign. `at` must be an ISO
 * 8601 date-time with a time zone; `id` is optional (a click without one can never be named by an
 * order's `icr_click`, so it gets a placeholder id from its line). Without a `device`, the device
 * class comes from the user agent (`deviceFromUserAgent`). An unknown slug, a bad time, an
 * empty visitor or a repeated id stops with the file and line. An empty file gives `[]`.
 *
 * @example
 * const clicks = await readClicks(inputFile("clicks.csv", cwd), roster.links);
 * // clicks.csv: id,at,link,visitor,userAgent
 * //             c1,2024-03-01T10:00:00Z,alice-ig,v9,Mozilla/5.0 …
 * // [{ id: "c1", at: 1709287200000, link: "alice-ig", influencerId: "alice", visitor: "v9", … }]
 */
export async function readClicks(file: InputFile, links: readonly ShareLink[], progress?: Progress): Promise<Click[]> {
  const linkBySlug = new Map(links.map((link) => [link.slug.toLowerCase(), link]));
  const idLines = new Map<string, number>();
  const clicks: Click[] = [];
  await readTable(
    file,
    CLICK_SPEC,
    (record, line) => {
      const slug = (record.link ?? "").trim();
      if (slug === "") throw inputError(file.name, line, "link is empty: give the share link's slug");
      const link = linkBySlug.get(slug.toLowerCase());
      if (link === undefined) {
        throw inputError(file.name, line, `unknown link "${slug}": add it to an influencer's links in the roster`);
      }
      const atText = (record.at ?? "").trim();
      const at = parseTimestamp(atText);
      if (at === undefined) {
        throw inputError(
          file.name,
          line,
          `at "${atText}" is not a date-time with a time zone (write e.g. 2024-03-01T14:30:00Z)`,
        );
      }
      const visitor = (record.visitor ?? "").trim();
      if (visitor === "") throw inputError(file.name, line, "visitor is empty: repeats are found by visitor");

      const givenId = (record.id ?? "").trim();
      const id = givenId === "" ? `line-${line}` : givenId;
      const earlier = idLines.get(id);
      if (earlier !== undefined) throw inputError(file.name, line, `click id "${id}" is already on line ${earlier}`);
      idLines.set(id, line);

      const click: Click = { id, at, link: link.slug, influencerId: link.influencerId, visitor };
      if (link.campaign !== undefined) click.campaign = link.campaign;
      const optional = ["userAgent", "method", "country", "device"] as const;
      for (const key of optional) {
        const value = (record[key] ?? "").trim();
        if (value !== "") click[key] = value;
      }
      // Without a device column the user agent still tells phones from desktops, for --by device.
      const device = click.device ?? deviceFromUserAgent(click.userAgent);
      if (device !== undefined) click.device = device;
      clicks.push(click);
    },
    progress,
  );
  return clicks;
}
