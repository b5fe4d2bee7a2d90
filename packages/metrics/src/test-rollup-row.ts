import { emptyCounts } from "./rollup.js";
import type { RollupRow } from "./types.js";

/**
 * A base rollup row of alice's "summer" campaign on 2024-03-09 with every count 0, changed by
 * `overrides`. Test-only (left out of the build).
 *
 * @example rollupRow({ clicks: 100, purchase: { code: 10, link: 0, utm: 0 } });
 */
export function rollupRow(overrides: Partial<RollupRow>): RollupRow {
  return { day: "2024-03-09", influencerId: "alice", campaign: "summer", dimension: "", value: "", ...emptyCounts(), ...overrides };
}
