/**
 * Child process for the click writer thread's shutdown test: records clicks, closes the recorder
 * with nothing else keeping the process alive (as on SIGTERM), then reports what was stored.
 * The test runs it bundled, with plain node: <database url> <worker script> <shop id>
 */
import pg from "pg";
import { ClickRecorder } from "../services/click-recorder.server";
import { ClickWriterThread } from "../services/click-writer-thread.server";

const [url, script, shopId] = process.argv.slice(2) as [string, string, string];
async function run(): Promise<void> {
  const recorder = new ClickRecorder(new ClickWriterThread(script, url), { flushIntervalMs: 60_000 });
  const record = (i: number) =>
    recorder.record(
      { id: Number(shopId), timezone: "UTC" },
      { id: `cExit${i}`, at: Date.now(), link: "l", linkId: "l", influencerId: "i", visitor: `v${i}`, userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0", method: "GET" },
    );
  // A thread already running and idle, as in a server that has been taking clicks.
  record(0);
  await recorder.flush();
  for (let i = 1; i < 500; i++) record(i);
  await recorder.close();
  const client = new pg.Client(url);
  await client.connect();
  const { rows } = await client.query("select count(*)::int as n from clicks where shop_id = $1", [Number(shopId)]);
  await client.end();
  console.log(JSON.stringify({ stored: rows[0].n }));
}

void run();
