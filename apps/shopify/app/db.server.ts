/**
 * The database: a PostgreSQL server through `pg` when DATABASE_URL is set, otherwise PGlite (real
 * Postgres in-process) in a data folder. Both speak the same Drizzle schema and migrations, which
 * are applied when the database is opened, so a fresh folder or an empty server just works.
 */
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import * as schema from "./db/schema";
import { onShutdown } from "./shutdown.server";

export type Schema = typeof schema;
/** A database or a transaction: every model function accepts either, so services can compose them in one transaction. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  /** "pglite" or "postgres", for logs and benchmark labels. */
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL connection string; when absent, PGlite is used. */
  url?: string;
  /** PGlite data folder; absent means in-memory (tests). */
  dataDir?: string;
  /** Pool size for PostgreSQL (default 10). */
  poolSize?: number;
  /** Apply the migrations (default true); false for a second pool on a database already opened. */
  migrate?: boolean;
}

/**
 * Opens a database and applies the committed migrations.
 *
 * @example
 *   const { db, close } = await openDatabase({ dataDir: ".data/pglite" });
 *   // … use db …
 *   await close();
 * @returns an open, migrated database; with no options, an empty in-memory PGlite database.
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const migrationsFolder = findMigrationsFolder();
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle client dropped by the server (restart, failover) must not crash the process; the pool replaces it.
    pool.on("error", (error) => console.error("PostgreSQL idle client error:", error.message));
    const db = drizzlePg({ client: pool, schema });
    if (options.migrate === false) return { db, kind: "postgres", close: () => pool.end() };
    try {
      await migratePg(db, { migrationsFolder });
    } catch (error) {
      await pool.end();
      throw error;
    }
    return { db, kind: "postgres", close: () => pool.end() };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = new PGlite(options.dataDir);
  const db = drizzlePglite({ client, schema });
  if (options.migrate === false) return { db, kind: "pglite", close: () => client.close() };
  try {
    await migratePglite(db, { migrationsFolder });
  } catch (error) {
    await client.close();
    throw error;
  }
  return { db, kind: "pglite", close: () => client.close() };
}

/** The migrations ship beside the app; walk up from this module (source or build) to find them. */
function findMigrationsFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "drizzle");
    if (existsSync(join(candidate, "meta", "_journal.json"))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("drizzle/ migrations folder not found above " + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

let shared: Promise<Database> | undefined;

/**
 * The process-wide database, opened once from the environment: DATABASE_URL when set, otherwise
 * PGlite in ICR_DATA_DIR (default `apps/shopify/.data/pglite`). Closed on SIGINT/SIGTERM,
 * after whatever registered its shutdown later (buffers that write to it flush first).
 *
 * @example
 *   const db = await getDb();
 * @returns the shared database (opening and migrating it on first call).
 */
export async function getDb(): Promise<Db> {
  shared ??= openFromEnvironment();
  return (await shared).db;
}

/**
 * Closes the process-wide database (shutdown, and tests that opened it through a route).
 *
 * @example await closeDb();
 * @returns once closed; at once when it was never opened. The next `getDb()` opens it again.
 */
export async function closeDb(): Promise<void> {
  const current = shared;
  shared = undefined;
  if (current) await (await current).close();
}

async function openFromEnvironment(): Promise<Database> {
  const url = process.env.DATABASE_URL || undefined;
  const dataDir = url ? undefined : (process.env.ICR_DATA_DIR ?? resolve(findMigrationsFolder(), "..", ".data", "pglite"));
  const database = await openDatabase({ url, dataDir });
  onShutdown(closeDb);
  return database;
}
