/**
 * A ClickWriter in a worker thread, for PostgreSQL (PGlite lives in one thread): a batch's
 * classification, statements and rollups run beside the redirects instead of between them, and the
 * process can use a second core. The thread runs `click-writer.worker.ts`, bundled by
 * `npm run build` to build/server/click-writer.js, with its own small connection pool; its
 * de-duplication cache lives there too. A thread that died is started again on the next batch.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Db } from "../db.server";
import { ClickBatchWriter, type ClickWriter, type PendingClick, type WriteOutcome } from "./click-batch-writer.server";

/** Messages to the thread. */
export type ToClickWriterThread = { type: "write"; id: number; batch: PendingClick[] } | { type: "close" };
/** Messages from the thread. */
export interface FromClickWriterThread {
  id: number;
  outcome: WriteOutcome;
}

/** Writes click batches in a worker thread with its own connection to `databaseUrl`. */
export class ClickWriterThread implements ClickWriter {
  private worker: Worker | undefined;
  private lastId = 0;
  private readonly replies = new Map<number, { resolve: (outcome: WriteOutcome) => void; reject: (error: Error) => void }>();

  constructor(
    private readonly script: string,
    private readonly databaseUrl: string,
  ) {}

  /**
   * Sends a batch to the thread (starting it when needed) and waits for its outcome.
   *
   * @example const { written, failed } = await thread.write(batch);
   * @returns the thread's outcome; rejects when the thread dies before answering.
   */
  write(batch: PendingClick[]): Promise<WriteOutcome> {
    const worker = this.worker ?? this.start();
    const id = ++this.lastId;
    return new Promise((resolve, reject) => {
      this.replies.set(id, { resolve, reject });
      // Referenced while a batch is out, so a shutdown's last flush keeps the process alive.
      worker.ref();
      worker.postMessage({ type: "write", id, batch } satisfies ToClickWriterThread);
    });
  }

  /**
   * Lets the thread finish the batch it is writing, close its pool and exit.
   *
   * @example await thread.close();
   * @returns once the thread exited; at once when it is not running.
   */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once("exit", resolve));
    worker.ref();
    worker.postMessage({ type: "close" } satisfies ToClickWriterThread);
    await exited;
  }

  private start(): Worker {
    const worker = new Worker(this.script, { workerData: { databaseUrl: this.databaseUrl } });
    // Idle, the thread must never be what keeps a process alive (the recorder closes it on shutdown).
    worker.unref();
    worker.on("message", ({ id, outcome }: FromClickWriterThread) => {
      this.replies.get(id)?.resolve(outcome);
      this.replies.delete(id);
      if (this.replies.size === 0) worker.unref();
    });
    worker.on("error", (error) => this.stopped(worker, error));
    worker.on("exit", (code) => this.stopped(worker, new Error(`the click writer thread exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private stopped(worker: Worker, error: Error): void {
    if (this.worker === worker) this.worker = undefined;
    for (const { reject } of this.replies.values()) reject(error);
    this.replies.clear();
  }
}

/** The bundled thread script beside the server build (build/server/), when it was built. */
const BUNDLED_SCRIPT = fileURLToPath(new URL("./click-writer.js", import.meta.url));

/**
 * The click writer for this process: a thread on PostgreSQL when the bundled script is there (the
 * production build), otherwise in this thread (PGlite, `shopify app dev`, tests).
 *
 * @example const recorder = new ClickRecorder(clickWriterFor(db, process.env.DATABASE_URL));
 * @returns a ClickWriterThread or a ClickBatchWriter.
 */
export function clickWriterFor(db: Db, databaseUrl: string | undefined, script = BUNDLED_SCRIPT): ClickWriter {
  return databaseUrl && existsSync(script) ? new ClickWriterThread(script, databaseUrl) : new ClickBatchWriter(db);
}
