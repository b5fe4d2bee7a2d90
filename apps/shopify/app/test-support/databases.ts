/**
 * Test databases: every DB test runs against PGlite (in memory) and, when reachable, the
 * PostgreSQL server (a fresh database per test file, dropped afterwards). With CI=true an
 * unreachable server is a failure, not a skip.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "../db.server";

export const POSTGRES_URL = process.env.ICR_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface TestBackend {
  name: "pglite" | "postgres";
  /** Opens a new, migrated, empty database; `close()` also drops it. `url` is set for PostgreSQL. */
  open(): Promise<Database & { url?: string }>;
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = "/" + name;
  return parsed.toString();
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

const pglite: TestBackend = { name: "pglite", open: () => openDatabase() };

const postgres: TestBackend = {
  name: "postgres",
  async open() {
    const name = "icr_test_" + randomBytes(6).toString("hex");
    await adminQuery(`create database ${name}`);
    const url = withDatabase(POSTGRES_URL, name);
    const database = await openDatabase({ url, poolSize: 5 });
    return {
      ...database,
      url,
      async close() {
        await database.close();
        await adminQuery(`drop database if exists ${name} with (force)`);
      },
    };
  },
};

/**
 * The backends to run DB tests against: PGlite always, PostgreSQL when it answers.
 *
 * @example
 *   describe.each(await testBackends())("$name", (backend) => { … });
 * @returns [pglite] or [pglite, postgres]; throws when CI=true and PostgreSQL is unreachable.
 */
export async function testBackends(): Promise<TestBackend[]> {
  if (await postgresReachable()) return [pglite, postgres];
  if (process.env.CI === "true") {
    throw new Error(`CI=true but PostgreSQL is unreachable at ${POSTGRES_URL}: integration tests must run against it`);
  }
  console.warn(`\n*** PostgreSQL unreachable at ${POSTGRES_URL}: DB tests run on PGlite only (set CI=true to fail instead) ***\n`);
  return [pglite];
}
