import { InvalidInputError, type ShareLink } from "@icr/metrics";
import { describe, expect, it } from "vitest";
import { FIXTURES, scratchFile } from "../test-files.js";
import { inputFile } from "./input-file.js";
import { readClicks } from "./read-clicks.js";

const LINKS: ShareLink[] = [
  { slug: "alice-ig", influencerId: "alice", campaign: "spring", platform: "instagram" },
  { slug: "alice-tt", influencerId: "alice", campaign: "spring", platform: "instagram" },
  { slug: "bob-yt", influencerId: "bob", platform: "youtube" },
  { slug: "carol-ig", influencerId: "carol", campaign: "summer", platform: "instagram" },
];

async function problem(text: string, name = "clicks.csv"): Promise<string> {
  const error = await readClicks(await scratchFile(name, text), LINKS).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidInputError);
  return (error as Error).message;
}

describe("readClicks", () => {
  it("credits each click to the influencer and campaign of its link", async () => {
    const clicks = await readClicks(inputFile("clicks.csv", FIXTURES), LINKS);
    expect(clicks).toHaveLength(8);
    expect(clicks[0]).toEqual({
      id: "c1",
      at: Date.UTC(2024, 2, 1, 10),
      link: "alice-ig",
      influencerId: "alice",
      campaign: "spring",
      visitor: "v1",
      userAgent: expect.stringContaining("iPhone") as unknown,
      device: "mobile",
    });
    expect(clicks[3]).toMatchObject({ id: "c4", device: "desktop" });
    expect(clicks[5]).toMatchObject({ id: "c6", at: Date.UTC(2024, 2, 3, 17), influencerId: "bob" });
    expect(clicks[5]).not.toHaveProperty("campaign");
  });

  it("reads JSON Lines with the optional method, country and device", async () => {
    const file = await scratchFile(
      "clicks.jsonl",
      '{"at":"2024-03-01T10:00:00Z","link":"ALICE-IG","visitor":"v1","method":"HEAD","country":"CA","device":"mobile"}\n',
    );
    expect(await readClicks(file, LINKS)).toEqual([
      {
        id: "line-1",
        at: Date.UTC(2024, 2, 1, 10),
        link: "alice-ig",
        influencerId: "alice",
        campaign: "spring",
        visitor: "v1",
        method: "HEAD",
        country: "CA",
        device: "mobile",
      },
    ]);
  });

  it("gives no clicks for an empty file", async () => {
    expect(await readClicks(await scratchFile("clicks.csv", ""), LINKS)).toEqual([]);
  });

  it("rejects a slug no influencer owns", async () => {
    expect(await problem("at,link,visitor\n2024-03-01T10:00:00Z,summer-sale,v1\n")).toBe(
      'clicks.csv:2: unknown link "summer-sale": add it to an influencer\'s links in the roster',
    );
  });

  it("rejects a bad or zone-less time, an empty link or visitor, and a repeated id", async () => {
    expect(await problem("at,link,visitor\n2024-03-01 10:00,alice-ig,v1\n")).toBe(
      'clicks.csv:2: at "2024-03-01 10:00" is not a date-time with a time zone (write e.g. 2024-03-01T14:30:00Z)',
    );
    expect(await problem("at,link,visitor\n2024-02-30T10:00:00Z,alice-ig,v1\n")).toMatch(/^clicks\.csv:2: at "2024-02-30T10:00:00Z"/u);
    expect(await problem("at,link,visitor\n2024-03-01T10:00:00Z,,v1\n")).toBe("clicks.csv:2: link is empty: give the share link's slug");
    expect(await problem("at,link,visitor\n2024-03-01T10:00:00Z,alice-ig, \n")).toBe(
      "clicks.csv:2: visitor is empty: repeats are found by visitor",
    );
    expect(await problem("id,at,link,visitor\nc1,2024-03-01T10:00:00Z,alice-ig,v1\nc1,2024-03-01T11:00:00Z,alice-ig,v1\n")).toBe(
      'clicks.csv:3: click id "c1" is already on line 2',
    );
  });

  it("rejects an unknown column and a missing required one", async () => {
    expect(await problem("at,link,visitor,ip\n")).toMatch(/^clicks\.csv:1: unknown column "ip"/u);
    expect(await problem("id,at,link\n")).toBe(
      'clicks.csv:1: the header lacks the column "visitor" (columns: id,at,link,visitor,userAgent,method,country,device)',
    );
  });
});
