import { InvalidInputError } from "@icr/metrics";
import { describe, expect, it } from "vitest";
import { FIXTURES, scratchFile } from "../test-files.js";
import { inputFile } from "./input-file.js";
import { readRoster, type Roster } from "./read-roster.js";

const EXPECTED: Roster = {
  influencers: [
    {
      id: "alice",
      handle: "alice",
      name: "Alice Martin",
      email: "alice@example.com",
      campaign: "spring",
      platform: "instagram",
      tags: ["micro", "beauty"],
    },
    { id: "bob", handle: "bob", name: 'Bob "The Builder" Lee', email: "bob@example.com", utm: "bobby", platform: "youtube", tags: ["macro"] },
    { id: "carol", handle: "carol", name: "Carol Diaz", campaign: "summer", platform: "instagram", tags: [] },
  ],
  codes: [
    { code: "ALICE10", influencerId: "alice", campaign: "spring" },
    { code: "ALICESPRING", influencerId: "alice", campaign: "spring" },
    { code: "BOB10", influencerId: "bob" },
  ],
  links: [
    { slug: "alice-ig", influencerId: "alice", campaign: "spring", platform: "instagram" },
    { slug: "alice-tt", influencerId: "alice", campaign: "spring", platform: "instagram" },
    { slug: "bob-yt", influencerId: "bob", platform: "youtube" },
    { slug: "carol-ig", influencerId: "carol", campaign: "summer", platform: "instagram" },
  ],
};

async function problem(text: string, name = "roster.csv"): Promise<string> {
  const error = await readRoster(await scratchFile(name, text)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidInputError);
  return (error as Error).message;
}

describe("readRoster", () => {
  it("maps the CSV roster to influencers, codes and links (email normalized, @ dropped)", async () => {
    expect(await readRoster(inputFile("roster.csv", FIXTURES))).toEqual(EXPECTED);
  });

  it("reads the JSON roster to the same result", async () => {
    expect(await readRoster(inputFile("roster.json", FIXTURES))).toEqual(EXPECTED);
  });

  it("lower-cases campaign and platform, as utm_campaign and utm_source carry them", async () => {
    const roster = await readRoster(await scratchFile("roster.csv", "handle,campaign,platform,codes\nalice,Spring Sale,TikTok,A1\n"));
    expect(roster.influencers[0]).toMatchObject({ campaign: "spring sale", platform: "tiktok" });
    expect(roster.codes[0]).toEqual({ code: "A1", influencerId: "alice", campaign: "spring sale" });
  });

  it("gives an empty roster for a header-only file", async () => {
    expect(await readRoster(await scratchFile("roster.csv", "handle,codes\n"))).toEqual({ influencers: [], codes: [], links: [] });
  });

  it("rejects an empty or malformed handle", async () => {
    expect(await problem("handle,name\n,Nobody\n")).toBe("roster.csv:2: handle is empty: every influencer needs one");
    expect(await problem("handle\nal ice\n")).toBe('roster.csv:2: handle "al ice" may only contain letters, digits, ".", "_" and "-"');
  });

  it("rejects a handle, code or link listed twice, case-insensitively, naming the first line", async () => {
    expect(await problem("handle\nalice\nALICE\n")).toBe('roster.csv:3: handle "ALICE" is already on line 2: each may appear only once');
    expect(await problem("handle,codes\nalice,SAVE10\nbob,save10\n")).toBe(
      'roster.csv:3: discount code "save10" is already on line 2: each may appear only once',
    );
    expect(await problem("handle,links\nalice,a-ig\nbob,A-IG\n")).toBe('roster.csv:3: link "A-IG" is already on line 2: each may appear only once');
    expect(await problem("handle,utm\nalice,\nbob,Alice\n")).toBe(
      'roster.csv:3: utm value "Alice" (the utm column, else the handle) is already on line 2: each may appear only once',
    );
  });

  it("rejects a bad email, a code with a space and a slug that is not URL-safe", async () => {
    expect(await problem("handle,email\nalice,alice-at-example\n")).toBe('roster.csv:2: email "alice-at-example" is not an email address');
    expect(await problem("handle,codes\nalice,SAVE 10\n")).toBe('roster.csv:2: discount code "SAVE 10" contains a space');
    expect(await problem("handle,links\nalice,alice/ig\n")).toBe('roster.csv:2: link "alice/ig" may only contain letters, digits, "-" and "_"');
  });

  it("rejects an unknown column", async () => {
    expect(await problem("handle,instagram\nalice,x\n")).toMatch(/^roster\.csv:1: unknown column "instagram": expected handle, name, email/u);
  });
});
