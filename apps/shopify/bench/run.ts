/**
 * `npm run bench -w @icr/shopify`: webhook ingest on PGlite and PostgreSQL, then the click redirect
 * beside a bare Node server, on PGlite and PostgreSQL, under new-visitor traffic and under one
 * visitor's (see redirect.ts), then the cached public rate endpoint and the dashboard.
 * One JSON object per benchmark per line.
 * PostgreSQL runs only when reachable (a fresh database per run, dropped after).
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase } from "../app/db.server";
import { POSTGRES_URL } from "../app/test-support/databases";
import { benchPublicApi } from "./public-api.bench";
import { benchDashboard } from "./dashboard.bench";
import { benchRedirect } from "./redirect";
import { benchWebhookIngest } from "./webhook-ingest";

async function withPostgresDatabase<T>(work: (url: string) => Promise<T>): Promise<T | null> {
  const admin = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 1500 });
  try {
    await admin.connect();
  } catch {
    console.error(`PostgreSQL unreachable at ${POSTGRES_URL}: its benchmarks are skipped`);
    return null;
  }
  const name = "icr_bench_" + randomBytes(5).toString("hex");
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(POSTGRES_URL);
    url.pathname = "/" + name;
    return await work(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

const seconds = Number(process.env.ICR_BENCH_SECONDS ?? 5);
const redirectSeconds = Number(process.env.ICR_BENCH_REDIRECT_SECONDS ?? 3);
const ingest = { rate: 200, seconds, closedLoopRequests: 600 };
/** ICR_BENCH_ONLY=webhook, =redirect, =public or =dashboard runs one family (while tuning); default all. */
const only = process.env.ICR_BENCH_ONLY;

if (!only || only === "webhook") {
const pglite = await openDatabase();
try {
  console.log(JSON.stringify(await benchWebhookIngest(pglite, ingest)));
} finally {
  await pglite.close();
}
await withPostgresDatabase(async (url) => {
  const database = await openDatabase({ url });
  try {
    console.log(JSON.stringify(await benchWebhookIngest(database, ingest)));
  } finally {
    await database.close();
  }
});
}
if (!only || only === "redirect") {
  for (const traffic of ["new-visitors", "one-visitor"] as const) {
    console.log(JSON.stringify(await benchRedirect("pglite", traffic, redirectSeconds)));
    await withPostgresDatabase(async (url) => console.log(JSON.stringify(await benchRedirect("postgres", traffic, redirectSeconds, url))));
  }
}
if (!only || only === "public") console.log(JSON.stringify(await benchPublicApi(seconds)));
if (!only || only === "dashboard") console.log(JSON.stringify(await benchDashboard()));
