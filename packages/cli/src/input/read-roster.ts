import { normalizeEmail, type CodeAssignment, type Influencer, type ShareLink } from "@icr/metrics";
import type { Progress } from "../progress.js";
import { cleanHandle, isHandle, isSlug } from "./identifiers.js";
import type { InputFile } from "./input-file.js";
import { inputError } from "./input-error.js";
import { readTable, splitList, type TableRecord, type TableSpec } from "./read-table.js";

/** The roster file's columns (METRICS.md §6); `codes`, `links` and `tags` are `;`-separated lists. */
export const ROSTER_SPEC: TableSpec = {
  columns: ["handle", "name", "email", "codes", "links", "utm", "campaign", "platform", "tags"],
  required: ["handle"],
  lists: ["codes", "links", "tags"],
};

/** The influencers of a roster file and what they own, as the domain types. */
export interface Roster {
  influencers: Influencer[];
  codes: CodeAssignment[];
  links: ShareLink[];
}

/**
 * Reads the roster (CSV, JSON array or JSON Lines with the columns of {@link ROSTER_SPEC}) into
 * influencers, their discount codes and their share links. The handle is the influencer's id; a
 * leading "@" is dropped. The roster's `campaign` and `platform` (lower-cased, as UTM parameters
 * carry them) go onto each code and link, the email goes through `normalizeEmail`. A handle, utm value, code or link listed twice
 * (case-insensitively; a utm value shares its names with the handles, since either may be what
 * `utm_content` carries) stops the read with both lines named. An empty roster gives empty lists.
 *
 * @example
 * const { influencers, codes, links } = await readRoster(inputFile("roster.csv", cwd));
 * // roster.csv:  handle,codes,links,campaign
 * //              alice,ALICE10;ALICE15,alice-ig,spring
 * // codes: [{ code: "ALICE10", influencerId: "alice", campaign: "spring" }, …]
 */
export async function readRoster(file: InputFile, progress?: Progress): Promise<Roster> {
  const roster: Roster = { influencers: [], codes: [], links: [] };
  const handleLines = new Map<string, number>();
  const codeLines = new Map<string, number>();
  const slugLines = new Map<string, number>();
  // utm_content names an influencer by the roster's utm value, else the handle: one key space.
  const utmLines = new Map<string, number>();

  const claim = (seen: Map<string, number>, key: string, line: number, what: string): void => {
    const earlier = seen.get(key.toLowerCase());
    if (earlier !== undefined) {
      throw inputError(file.name, line, `${what} is already on line ${earlier}: each may appear only once`);
    }
    seen.set(key.toLowerCase(), line);
  };

  await readTable(
    file,
    ROSTER_SPEC,
    (record, line) => {
      const influencer = influencerFromRecord(file, record, line);
      claim(handleLines, influencer.handle, line, `handle "${influencer.handle}"`);
      const utmValue = influencer.utm ?? influencer.handle;
      claim(utmLines, utmValue, line, `utm value "${utmValue}" (the utm column, else the handle)`);
      roster.influencers.push(influencer);

      for (const code of splitList(record.codes ?? "")) {
        if (/\s/u.test(code)) throw inputError(file.name, line, `discount code "${code}" contains a space`);
        claim(codeLines, code, line, `discount code "${code}"`);
        const assignment: CodeAssignment = { code, influencerId: influencer.id };
        if (influencer.campaign !== undefined) assignment.campaign = influencer.campaign;
        roster.codes.push(assignment);
      }
      for (const slug of splitList(record.links ?? "")) {
        if (!isSlug(slug)) {
          throw inputError(file.name, line, `link "${slug}" may only contain letters, digits, "-" and "_"`);
        }
        claim(slugLines, slug, line, `link "${slug}"`);
        const link: ShareLink = { slug, influencerId: influencer.id };
        if (influencer.campaign !== undefined) link.campaign = influencer.campaign;
        if (influencer.platform !== undefined) link.platform = influencer.platform;
        roster.links.push(link);
      }
    },
    progress,
  );
  return roster;
}

function influencerFromRecord(file: InputFile, record: TableRecord, line: number): Influencer {
  const handle = cleanHandle(record.handle ?? "");
  if (handle === "") throw inputError(file.name, line, "handle is empty: every influencer needs one");
  if (!isHandle(handle)) {
    throw inputError(file.name, line, `handle "${handle}" may only contain letters, digits, ".", "_" and "-"`);
  }
  const influencer: Influencer = { id: handle, handle, tags: splitList(record.tags ?? "") };
  const emailText = (record.email ?? "").trim();
  if (emailText !== "") {
    const email = normalizeEmail(emailText);
    if (email === undefined) throw inputError(file.name, line, `email "${emailText}" is not an email address`);
    influencer.email = email;
  }
  setText(influencer, "name", record.name);
  setText(influencer, "utm", record.utm);
  // Campaigns and platforms also arrive as utm_campaign / utm_source, which are lower-cased: one
  // spelling keeps a campaign named by a code and by a link from splitting into two groups.
  setText(influencer, "campaign", record.campaign?.toLowerCase());
  setText(influencer, "platform", record.platform?.toLowerCase());
  return influencer;
}

function setText(influencer: Influencer, key: "name" | "utm" | "campaign" | "platform", value: string | undefined): void {
  const text = value?.trim() ?? "";
  if (text !== "") influencer[key] = text;
}
