import { InvalidInputError, type Influencer } from "@icr/metrics";
import { describe, expect, it } from "vitest";
import { FIXTURES, scratchFile } from "../test-files.js";
import { inputFile } from "./input-file.js";
import { readEngagements } from "./read-engagements.js";

const ROSTER: Influencer[] = [
  { id: "alice", handle: "alice", tags: [] },
  { id: "bob", handle: "bob", tags: [] },
  { id: "carol", handle: "carol", tags: [] },
];

async function problem(text: string): Promise<string> {
  const error = await readEngagements(await scratchFile("engagements.csv", text), ROSTER).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidInputError);
  return (error as Error).message;
}

describe("readEngagements", () => {
  it("reads day, influencer, optional campaign and count", async () => {
    expect(await readEngagements(inputFile("engagements.csv", FIXTURES), ROSTER)).toEqual([
      { day: "2024-03-01", influencerId: "alice", campaign: "spring", count: 1200 },
      { day: "2024-03-02", influencerId: "alice", campaign: "spring", count: 800 },
      { day: "2024-03-01", influencerId: "bob", count: 500 },
      { day: "2024-03-03", influencerId: "carol", campaign: "summer", count: 300 },
    ]);
  });

  it("gives nothing for a header-only file", async () => {
    expect(await readEngagements(await scratchFile("e.csv", "date,handle,campaign,engagements\n"), ROSTER)).toEqual([]);
  });

  it("rejects a bad date, an unknown handle and a count that is not a whole number", async () => {
    const header = "date,handle,campaign,engagements\n";
    expect(await problem(`${header}2024-02-30,alice,,5\n`)).toBe('engagements.csv:2: date "2024-02-30" is not a day written YYYY-MM-DD');
    expect(await problem(`${header}03/01/2024,alice,,5\n`)).toBe('engagements.csv:2: date "03/01/2024" is not a day written YYYY-MM-DD');
    expect(await problem(`${header}2024-03-01,dave,,5\n`)).toBe(
      'engagements.csv:2: handle "dave" is not on the roster: add the influencer there first',
    );
    for (const count of ["-1", "1.5", "1e3", "", "12 000", "99999999999999999999"]) {
      expect(await problem(`${header}2024-03-01,alice,,${count}\n`)).toBe(
        `engagements.csv:2: engagements "${count}" is not a whole number (no separators)`,
      );
    }
  });
});
