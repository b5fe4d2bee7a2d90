/**
 * The process-wide redirect context: one link cache and one click buffer, flushed on shutdown;
 * on PostgreSQL the production build writes the clicks from a worker thread.
 */
import { getDb } from "../db.server";
import { onShutdown } from "../shutdown.server";
import { ClickRecorder } from "./click-recorder.server";
import { clickWriterFor } from "./click-writer-thread.server";
import type { RedirectContext } from "./share-link-redirect.server";
import { ShareLinkResolver } from "./share-link-resolver.server";

let shared: Promise<RedirectContext> | undefined;

/**
 * The shared redirect context (created on first use).
 *
 * @example const ctx = await redirectContext();
 * @returns the context; its click buffer is flushed before the database closes on SIGINT/SIGTERM.
 */
export function redirectContext(): Promise<RedirectContext> {
  shared ??= (async () => {
    const db = await getDb();
    const recorder = new ClickRecorder(clickWriterFor(db, process.env.DATABASE_URL || undefined));
    onShutdown(() => recorder.close());
    return { resolver: new ShareLinkResolver(db), recorder };
  })();
  return shared;
}
