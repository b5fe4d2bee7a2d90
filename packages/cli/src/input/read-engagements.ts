import type { Engagement, Influencer } from "@icr/metrics";
import type { Progress } from "../progress.js";
import { cleanHandle } from "./identifiers.js";
import type { InputFile } from "./input-file.js";
import { inputError } from "./input-error.js";
import { parseDay } from "./parse-day.js";
import { readTable, type TableSpec } from "./read-table.js";

/** The engagements file's columns (METRICS.md §6); `campaign` may be empty. */
export const ENGAGEMENT_SPEC: TableSpec = {
  columns: ["date", "handle", "campaign", "engagements"],
  required: ["date", "handle", "engagements"],
  lists: [],
};

/**
 * Reads imported engagement counts, one row per day, influencer and (optionally) campaign. The
 * handle must be on the roster (matched case-insensitively, a leading "@" ignored), the date a
 * calendar day `YYYY-MM-DD`, and the count a whole number ≥ 0; anything else stops with the file
 * and line. An empty file gives `[]`.
 *
 * @example
 * await readEngagements(inputFile("engagements.csv", cwd), roster.influencers);
 * // engagements.csv: date,handle,campaign,engagements
 * //                  2024-03-01,alice,spring,1200
 * // [{ day: "2024-03-01", influencerId: "alice", campaign: "spring", count: 1200 }]
 */
export async function readEngagements(
  file: InputFile,
  influencers: readonly Influencer[],
  progress?: Progress,
): Promise<Engagement[]> {
  const byHandle = new Map(influencers.map((influencer) => [influencer.handle.toLowerCase(), influencer]));
  const engagements: Engagement[] = [];
  await readTable(
    file,
    ENGAGEMENT_SPEC,
    (record, line) => {
      const dateText = (record.date ?? "").trim();
      const day = parseDay(dateText);
      if (day === undefined) throw inputError(file.name, line, `date "${dateText}" is not a day written YYYY-MM-DD`);

      const handle = cleanHandle(record.handle ?? "");
      const influencer = byHandle.get(handle.toLowerCase());
      if (influencer === undefined) {
        throw inputError(file.name, line, `handle "${handle}" is not on the roster: add the influencer there first`);
      }

      const countText = (record.engagements ?? "").trim();
      const count = /^\d+$/u.test(countText) ? Number(countText) : Number.NaN;
      if (!Number.isSafeInteger(count)) {
        throw inputError(file.name, line, `engagements "${countText}" is not a whole number (no separators)`);
      }

      const engagement: Engagement = { day, influencerId: influencer.id, count };
      const campaign = (record.campaign ?? "").trim();
      if (campaign !== "") engagement.campaign = campaign;
      engagements.push(engagement);
    },
    progress,
  );
  return engagements;
}
