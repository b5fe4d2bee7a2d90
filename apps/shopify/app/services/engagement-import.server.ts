/**
 * The engagement CSV import (`date,handle,campaign,engagements`, METRICS.md §6): parsed and checked
 * row by row with a schema, so the merchant sees a preview with each bad row's line and problem
 * before anything is written. Nothing is written when any row is bad, unless the merchant chooses
 * to import the valid rows only; then they are written in one transaction.
 */
import { z } from "zod";
import type { Db } from "../db.server";
import { listCampaigns } from "../models/campaigns.server";
import { listInfluencers } from "../models/influencers.server";
import { importEngagements } from "./engagements.server";
import type { ShopContext } from "./shop-context.server";

/** Largest upload accepted (a year of daily counts for 500 influencers fits easily). */
export const MAX_CSV_BYTES = 2_000_000;

export interface ParsedEngagementRow {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  day: string;
  handle: string;
  campaign: string;
  count: number;
  influencerId: string;
}

export interface EngagementPreview {
  valid: ParsedEngagementRow[];
  errors: { line: number; message: string }[];
  /** A problem with the file as a whole (empty, wrong header, too big); rows are empty then. */
  fileError: string | null;
}

const REQUIRED = ["date", "handle", "campaign", "engagements"] as const;

const rowSchema = z.object({
  date: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "date must be YYYY-MM-DD")
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "date is not a real day"),
  handle: z.string().trim().min(1, "handle is empty").transform((h) => h.toLowerCase()),
  campaign: z.string().trim().transform((c) => c.toLowerCase()),
  engagements: z
    .string()
    .trim()
    .regex(/^\d+$/, "engagements must be a whole number ≥ 0")
    .transform(Number)
    .refine((n) => Number.isSafeInteger(n) && n <= 2_000_000_000, "engagements is too large"),
});

/**
 * Splits CSV text into records (RFC 4180: quoted fields may hold commas, quotes doubled, line breaks).
 *
 * @example parseCsv('a,b\r\n"x, y",2\n') // [{ line: 1, cells: ["a","b"] }, { line: 2, cells: ["x, y","2"] }]
 * @returns records with the line each starts on; blank lines are skipped; [] for "".
 * @throws RangeError for an unterminated quoted field, naming its line.
 */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  let touched = false;
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === "") {
      quoted = true;
      touched = true;
    } else if (ch === ",") {
      cells.push(field);
      field = "";
      touched = true;
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && source[i + 1] === "\n") i++;
      cells.push(field);
      if (touched || cells.some((c) => c !== "")) records.push({ line: start, cells });
      cells = [];
      field = "";
      touched = false;
      line++;
      start = line;
    } else {
      field += ch;
      touched = true;
    }
  }
  if (quoted) throw new RangeError(`line ${start}: a quoted field is not closed`);
  cells.push(field);
  if (touched || cells.some((c) => c !== "")) records.push({ line: start, cells });
  return records;
}

/**
 * Checks an engagement CSV against the shop's roster and campaigns.
 *
 * @example await previewEngagementCsv(db, shop, "date,handle,campaign,engagements\n2026-03-01,alice,,1200\n")
 * @returns valid rows and per-row errors; `fileError` for an empty file, a missing column or an oversized upload.
 */
export async function previewEngagementCsv(db: Db, shop: ShopContext, text: string): Promise<EngagementPreview> {
  const fail = (fileError: string): EngagementPreview => ({ valid: [], errors: [], fileError });
  if (text.length > MAX_CSV_BYTES) return fail(`the file is larger than ${MAX_CSV_BYTES / 1_000_000} MB`);
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  const [header, ...rows] = records;
  if (!header) return fail("the file is empty: expected a header line date,handle,campaign,engagements");
  const columns = header.cells.map((c) => c.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) return fail(`line 1: missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (expected date,handle,campaign,engagements)`);
  if (rows.length === 0) return fail("the file has a header but no rows");

  const [roster, campaigns] = await Promise.all([listInfluencers(db, shop.id), listCampaigns(db, shop.id)]);
  const byHandle = new Map(roster.map((i) => [i.handle, i.id]));
  const campaignKeys = new Set(campaigns.map((c) => c.id));
  const valid: ParsedEngagementRow[] = [];
  const errors: EngagementPreview["errors"] = [];
  const seen = new Map<string, number>();
  for (const record of rows) {
    if (record.cells.length !== columns.length) {
      errors.push({ line: record.line, message: `${record.cells.length} cells, the header has ${columns.length}` });
      continue;
    }
    const raw = Object.fromEntries(columns.map((c, i) => [c, record.cells[i] ?? ""]));
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) {
      errors.push({ line: record.line, message: parsed.error.issues.map((i) => i.message).join("; ") });
      continue;
    }
    const { date, handle, campaign, engagements } = parsed.data;
    const influencerId = byHandle.get(handle);
    if (!influencerId) {
      errors.push({ line: record.line, message: `no influencer with the handle ${handle}` });
      continue;
    }
    if (campaign !== "" && !campaignKeys.has(campaign)) {
      errors.push({ line: record.line, message: `no campaign ${campaign} (create it first, or leave the cell empty)` });
      continue;
    }
    const key = `${date}\u0000${handle}\u0000${campaign}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push({ line: record.line, message: `same date, handle and campaign as line ${earlier}` });
      continue;
    }
    seen.set(key, record.line);
    valid.push({ line: record.line, day: date, handle, campaign, count: engagements, influencerId });
  }
  return { valid, errors, fileError: null };
}

/**
 * Imports a checked CSV: everything, or (with `validOnly`) the valid rows when some are bad.
 *
 * @example await importEngagementCsv(db, shop, text, { validOnly: false })
 * @returns the preview and how many rows were written (0 when the file or any row is bad and `validOnly` is false).
 */
export async function importEngagementCsv(db: Db, shop: ShopContext, text: string, options: { validOnly: boolean }): Promise<EngagementPreview & { written: number }> {
  const preview = await previewEngagementCsv(db, shop, text);
  if (preview.fileError || preview.valid.length === 0 || (preview.errors.length > 0 && !options.validOnly)) return { ...preview, written: 0 };
  const written = await importEngagements(
    db,
    shop,
    preview.valid.map((r) => ({ day: r.day, influencerId: r.influencerId, ...(r.campaign ? { campaign: r.campaign } : {}), count: r.count })),
  );
  return { ...preview, written };
}
