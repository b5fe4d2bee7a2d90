/**
 * Order history import: a bulk operation exports the shop's orders, the JSONL result is streamed
 * line by line, and orders are ingested in batches, each batch in one transaction together with
 * the job's progress (`linesDone`). A crash at any point loses at most the batch in flight: the
 * next run finds the unfinished job, reuses its bulk operation and skips the lines already done.
 */
import { assembleBulkOrders, InvalidInputError } from "@icr/metrics";
import { z } from "zod";
import type { Db } from "../db.server";
import { addDeadLetter } from "../models/dead-letters.server";
import { createJob, findUnfinishedJob, finishJob, recordProgress, type Job } from "../models/jobs.server";
import type { AdminGateway, BulkOperation } from "./admin-gateway.server";
import { ingestOrder } from "./order-ingest.server";
import type { ShopContext } from "./shop-context.server";

export type BackfillGateway = Pick<AdminGateway, "runBulkOrdersQuery" | "bulkOperation" | "bulkLines">;

export interface BackfillDeps {
  db: Db;
  gateway: BackfillGateway;
  sleep?: (ms: number) => Promise<void>;
  pollIntervalMs?: number;
  /** Orders per transaction (default 200). */
  batchSize?: number;
  /** Only orders created since (first run only; a resumed job keeps its operation). */
  since?: Date;
}

/** What the UI shows about a backfill, stored in `jobs.progress`. */
export const backfillProgressSchema = z.object({
  phase: z.enum(["starting", "exporting", "importing", "done"]).default("starting"),
  bulkOperationId: z.string().optional(),
  bulkStatus: z.string().optional(),
  /** Lines in the export (orders + line items), once Shopify has counted them. */
  objectCount: z.number().optional(),
  linesDone: z.number().default(0),
  ordersDone: z.number().default(0),
  deadLetters: z.number().default(0),
  lastError: z.string().optional(),
});
export type BackfillProgress = z.infer<typeof backfillProgressSchema>;

const TERMINAL_FAILURES = new Set(["FAILED", "CANCELED", "CANCELING", "EXPIRED"]);

/**
 * Runs (or resumes) the shop's backfill to the end.
 *
 * @example const job = await runBackfill({ db, gateway }, shop);
 * @returns the finished job ("succeeded", or "failed" when Shopify failed the export). A thrown
 *   error (network, crash) leaves the job "running" with its progress, to be resumed by the next call.
 */
export async function runBackfill(deps: BackfillDeps, shop: ShopContext): Promise<Job> {
  const { db } = deps;
  const job = (await findUnfinishedJob(db, shop.id, "backfill")) ?? (await createJob(db, shop.id, "backfill", { phase: "starting" }));
  let progress = backfillProgressSchema.parse(job.progress);
  const save = async (patch: Partial<BackfillProgress>, tx: Db = db) => {
    progress = { ...progress, ...patch };
    await recordProgress(tx, shop.id, job.id, patch);
  };
  try {
    if (!progress.bulkOperationId) {
      const started = await deps.gateway.runBulkOrdersQuery(deps.since);
      await save({ phase: "exporting", bulkOperationId: started.id, bulkStatus: started.status });
    }
    const operation = await waitForExport(deps, progress.bulkOperationId ?? "", save);
    if (operation.status !== "COMPLETED") {
      await save({ bulkStatus: operation.status, lastError: operation.errorCode ?? operation.status });
      return (await finishJob(db, shop.id, job.id, { error: `bulk export ${operation.status.toLowerCase()}: ${operation.errorCode ?? "no error code"}` })) ?? job;
    }
    await save({ phase: "importing", bulkStatus: operation.status, objectCount: operation.objectCount });
    if (operation.url) await importLines(deps, shop, operation.url, progress, save);
    await save({ phase: "done" });
    return (await finishJob(db, shop.id, job.id, { error: null })) ?? job;
  } catch (error) {
    await recordProgress(db, shop.id, job.id, { lastError: error instanceof Error ? error.message : String(error) }).catch(() => undefined);
    throw error;
  }
}

async function waitForExport(
  deps: BackfillDeps,
  id: string,
  save: (patch: Partial<BackfillProgress>) => Promise<void>,
): Promise<BulkOperation> {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (;;) {
    const operation = await deps.gateway.bulkOperation(id);
    if (operation.status === "COMPLETED" || TERMINAL_FAILURES.has(operation.status)) return operation;
    await save({ bulkStatus: operation.status, objectCount: operation.objectCount });
    await sleep(deps.pollIntervalMs ?? 5000);
  }
}

/** One order and its child lines, as they appear consecutively in the export. */
interface Group {
  /** Raw text, kept for a dead letter. */
  lines: string[];
  values: Record<string, unknown>[];
  /** 1-based number of the group's last line. */
  lastLine: number;
}

async function importLines(
  deps: BackfillDeps,
  shop: ShopContext,
  url: string,
  start: BackfillProgress,
  save: (patch: Partial<BackfillProgress>, tx?: Db) => Promise<void>,
): Promise<void> {
  const batchSize = deps.batchSize ?? 200;
  let { linesDone, ordersDone, deadLetters } = start;
  let batch: Group[] = [];
  let current: Group | null = null;
  let currentId: string | null = null;

  const commit = async () => {
    if (batch.length === 0) return;
    const groups = batch;
    batch = [];
    await deps.db.transaction(async (tx) => {
      let orders = 0;
      let dead = 0;
      for (const group of groups) {
        try {
          const [order] = assembleBulkOrders(group.values);
          if (!order) continue;
          await ingestOrder(tx, shop, order, refundIdsOf(group.values[0] ?? {}));
          orders++;
        } catch (error) {
          if (!(error instanceof InvalidInputError)) throw error;
          await addDeadLetter(tx, shop.id, { topic: "bulk/orders", eventId: null, webhookId: null, rawBody: group.lines.join("\n"), error: error.message });
          dead++;
        }
      }
      const last = groups[groups.length - 1];
      await save({ linesDone: last ? last.lastLine : linesDone, ordersDone: ordersDone + orders, deadLetters: deadLetters + dead }, tx);
      linesDone = last ? last.lastLine : linesDone;
      ordersDone += orders;
      deadLetters += dead;
    });
  };

  let lineNo = 0;
  for await (const line of deps.gateway.bulkLines(url)) {
    lineNo++;
    if (lineNo <= start.linesDone) continue; // committed before a crash
    const value = parseLine(line);
    const parentId = typeof value["__parentId"] === "string" ? value["__parentId"] : undefined;
    if (parentId === undefined) {
      if (current) batch.push(current);
      if (batch.length >= batchSize) await commit();
      current = { lines: [line], values: [value], lastLine: lineNo };
      currentId = typeof value["id"] === "string" ? value["id"] : null;
    } else if (current && parentId === currentId) {
      current.lines.push(line);
      current.values.push(value);
      current.lastLine = lineNo;
    } else {
      throw new Error(`bulk export line ${lineNo}: child of ${parentId} does not follow its parent`);
    }
  }
  if (current) batch.push(current);
  await commit();
}

/** A line as an object; an unparsable line becomes {} and fails in `assembleBulkOrders` (a dead letter). */
function parseLine(line: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function refundIdsOf(order: Record<string, unknown>): string[] {
  const refunds = order["refunds"];
  if (!Array.isArray(refunds)) return [];
  return refunds.flatMap((r: unknown) => {
    const id = r !== null && typeof r === "object" ? (r as Record<string, unknown>)["id"] : undefined;
    return typeof id === "string" ? [id] : [];
  });
}
