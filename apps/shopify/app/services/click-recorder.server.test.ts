/**
 * The recorder's rollups, as a property: whatever the clicks (bots, HEAD requests, repeats within
 * the hour, countries and devices in any case, with and without a campaign, around local midnight
 * in a zone 5 h 45 min from UTC) and however they are split between flushes and statements, the rollup rows it
 * writes are exactly `clickRollup` summed over the clicks it stored.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clickRollup, mergeRollups, type ClassifiedClick } from "@icr/metrics";
import type { Database } from "../db.server";
import { listRollups } from "../models/rollups.server";
import { ensureShop } from "../models/shops.server";
import { shopSnapshot } from "../test-support/snapshot";
import { testBackends } from "../test-support/databases";
import { ClickBatchWriter } from "./click-batch-writer.server";
import { ClickRecorder } from "./click-recorder.server";

const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const SLACK = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)";
const TIMEZONE = "Asia/Kathmandu";
// 23:30 in Kathmandu: the clicks below, 28 to 32 minutes later, fall on both sides of local
// midnight, many in the same minute.
const T0 = Date.parse("2026-03-10T17:45:00Z");

const click = fc.record({
  influencer: fc.integer({ min: 0, max: 1 }),
  visitor: fc.integer({ min: 0, max: 40 }),
  minutes: fc.integer({ min: 28, max: 32 }),
  seconds: fc.integer({ min: 0, max: 59 }),
  bot: fc.constantFrom("no", "no", "user-agent", "head"),
  country: fc.constantFrom(undefined, "fr", "FR"),
  device: fc.constantFrom(undefined, "Mobile"),
  campaign: fc.constantFrom(undefined, "", "spring"),
});

describe.each(await testBackends())("click recorder on $name", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database.close();
  });

  it("writes exactly the rollups of the clicks it stored, whatever the flushes", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(click, { minLength: 1, maxLength: 80 }), fc.integer({ min: 1, max: 80 }), fc.constantFrom(7, 500), async (clicks, flushEvery, maxBatch) => {
        run++;
        const shop = await ensureShop(database.db, `recorder-${backend.name}-${run}.myshopify.com`);
        const recorder = new ClickRecorder(new ClickBatchWriter(database.db, { maxBatch }), { flushIntervalMs: 60_000 });
        const sorted = [...clicks].sort((a, b) => a.minutes - b.minutes || a.seconds - b.seconds);
        for (const [i, c] of sorted.entries()) {
          recorder.record(
            { id: shop.id, timezone: TIMEZONE },
            {
              id: `c${run}x${i}`,
              at: T0 + c.minutes * 60_000 + c.seconds * 1000,
              link: `link${c.influencer}`,
              linkId: `l${c.influencer}`,
              influencerId: `i${c.influencer}`,
              ...(c.campaign === undefined ? {} : { campaign: c.campaign }),
              visitor: `v${c.visitor}`,
              userAgent: c.bot === "user-agent" ? SLACK : IPHONE,
              method: c.bot === "head" ? "HEAD" : "GET",
              ...(c.country ? { country: c.country } : {}),
              ...(c.device ? { device: c.device } : {}),
            },
          );
          if ((i + 1) % flushEvery === 0) await recorder.flush();
        }
        await recorder.close();

        const stored: ClassifiedClick[] = (await shopSnapshot(database.db, shop.id)).clicks.map((row) => ({
          id: row.id,
          at: row.at.getTime(),
          link: row.slug,
          influencerId: row.influencerId,
          ...(row.campaign === null ? {} : { campaign: row.campaign }),
          visitor: row.visitorHash,
          method: row.method,
          ...(row.country === null ? {} : { country: row.country }),
          ...(row.device === null ? {} : { device: row.device }),
          bot: row.bot,
          counted: row.counted,
        }));
        expect(stored).toHaveLength(clicks.length);
        const expected = mergeRollups(stored.flatMap((c) => clickRollup(c, TIMEZONE)));
        expect(mergeRollups(await listRollups(database.db, shop.id))).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });
});
