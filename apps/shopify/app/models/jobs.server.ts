/** Jobs: long work (backfill, reconciliation, re-attribution) with progress stored as it goes. */
import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db.server";
import { jobs } from "../db/schema";

export type Job = typeof jobs.$inferSelect;
export type JobKind = Job["kind"];

/**
 * Queues a job.
 *
 * @example const job = await createJob(db, shopId, "backfill", { linesDone: 0 });
 * @returns the new job (status "queued").
 */
export async function createJob(db: Db, shopId: number, kind: JobKind, progress: Record<string, unknown> = {}): Promise<Job> {
  const [row] = await db.insert(jobs).values({ id: randomUUID(), shopId, kind, status: "queued", progress }).returning();
  if (!row) throw new Error("job insert returned no row");
  return row;
}

/**
 * One job of the shop.
 *
 * @example await getJob(db, shopId, jobId);
 * @returns the job, or null when the id is not in this shop.
 */
export async function getJob(db: Db, shopId: number, id: string): Promise<Job | null> {
  const [row] = await db.select().from(jobs).where(and(eq(jobs.shopId, shopId), eq(jobs.id, id)));
  return row ?? null;
}

/**
 * The newest unfinished job of a kind (to resume after a crash instead of starting over).
 *
 * @example const pending = await findUnfinishedJob(db, shopId, "backfill");
 * @returns the job, or null when every job of that kind finished.
 */
export async function findUnfinishedJob(db: Db, shopId: number, kind: JobKind): Promise<Job | null> {
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.shopId, shopId), eq(jobs.kind, kind), inArray(jobs.status, ["queued", "running"])))
    .orderBy(desc(jobs.createdAt))
    .limit(1);
  return row ?? null;
}

/**
 * Merges progress into the job and marks it running.
 *
 * @example await recordProgress(db, shopId, jobId, { linesDone: 1200 });
 * @returns the job after the update, or null when the id is not in this shop.
 */
export async function recordProgress(db: Db, shopId: number, id: string, progress: Record<string, unknown>): Promise<Job | null> {
  const [row] = await db
    .update(jobs)
    .set({
      status: "running",
      progress: sql`${jobs.progress} || ${JSON.stringify(progress)}::jsonb`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(jobs.shopId, shopId), eq(jobs.id, id)))
    .returning();
  return row ?? null;
}

/**
 * Ends a job, successfully or with an error message.
 *
 * @example await finishJob(db, shopId, jobId, { error: null });
 * @returns the finished job, or null when the id is not in this shop.
 */
export async function finishJob(db: Db, shopId: number, id: string, outcome: { error: string | null }): Promise<Job | null> {
  const [row] = await db
    .update(jobs)
    .set({
      status: outcome.error === null ? "succeeded" : "failed",
      error: outcome.error,
      updatedAt: sql`now()`,
      finishedAt: sql`now()`,
    })
    .where(and(eq(jobs.shopId, shopId), eq(jobs.id, id)))
    .returning();
  return row ?? null;
}

/**
 * The shop's recent jobs, newest first (what the UI lists).
 *
 * @example await listJobs(db, shopId, { limit: 10 });
 * @returns the jobs; [] when there are none.
 */
export async function listJobs(db: Db, shopId: number, options: { kind?: JobKind; limit?: number } = {}): Promise<Job[]> {
  const where = options.kind ? and(eq(jobs.shopId, shopId), eq(jobs.kind, options.kind)) : eq(jobs.shopId, shopId);
  return db.select().from(jobs).where(where).orderBy(desc(jobs.createdAt)).limit(options.limit ?? 20);
}
