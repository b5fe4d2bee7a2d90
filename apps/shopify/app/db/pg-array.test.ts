import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Database } from "../db.server";
import { testBackends } from "../test-support/databases";
import { pgArrayLiteral } from "./pg-array";

describe("pgArrayLiteral", () => {
  // Quoting rules from the PostgreSQL manual, §8.15.6 "Array Input and Output Syntax".
  it("quotes every element and escapes quotes and backslashes", () => {
    expect(pgArrayLiteral([])).toBe("{}");
    expect(pgArrayLiteral(["a", 'say "hi"', "back\\slash", null, 3, true])).toBe('{"a","say \\"hi\\"","back\\\\slash",NULL,"3","true"}');
  });
});

describe.each(await testBackends())("pgArrayLiteral round trip on $name", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database.close();
  });

  it("reads back exactly what was written, including NULL, commas, braces and quotes", async () => {
    const values = ["plain", "with,comma", "{braces}", 'q"uote', "back\\slash", 'both \\" and \\\\"', "NULL", "", null, "ünïcödé"];
    const rows = await database.db.select({ v: sql<string | null>`v` }).from(sql`unnest(${pgArrayLiteral(values)}::text[]) as t(v)`);
    expect(rows.map((r) => r.v)).toEqual(values);
  });
});
