/**
 * The click writer thread (see click-writer-thread.server.ts): opens its own pool on the
 * PostgreSQL server, writes each batch it is sent with a ClickBatchWriter, answers with the
 * outcome, and on "close" finishes, closes the pool and exits.
 */
import { parentPort, workerData } from "node:worker_threads";
import { openDatabase } from "../db.server";
import { ClickBatchWriter } from "./click-batch-writer.server";
import type { FromClickWriterThread, ToClickWriterThread } from "./click-writer-thread.server";

const port = parentPort;
if (!port) throw new Error("click-writer.worker runs as a worker thread");
const { databaseUrl } = workerData as { databaseUrl: string };
// Batches arrive one at a time (the recorder waits for each), so two connections are plenty; the
// main thread opened the database first and applied the migrations.
const ready = openDatabase({ url: databaseUrl, poolSize: 2, migrate: false });
const writer = ready.then((database) => new ClickBatchWriter(database.db));

port.on("message", (message: ToClickWriterThread) => {
  if (message.type === "write") {
    void writer.then(async (w) => {
      const outcome = await w.write(message.batch);
      // Plain errors: a driver's error can carry fields a message between threads cannot copy.
      const errors = outcome.errors.map((e) => new Error(e instanceof Error ? e.message : String(e)));
      port.postMessage({ id: message.id, outcome: { ...outcome, errors } } satisfies FromClickWriterThread);
    });
  } else {
    void ready.then(async (database) => {
      await database.close();
      port.close();
    });
  }
});
