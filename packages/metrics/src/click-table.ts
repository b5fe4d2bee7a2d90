import { StringTable } from "./string-table.js";

/** Who a click id credits: the link's influencer and campaign at the time of the click. */
export interface ClickTarget {
  influencerId: string;
  campaign: string | null;
  at: number;
  link: string;
}

/* Payload of a click's row: its time (float64 over fields 0-1), then three table indexes. */
const INFLUENCER = 2;
const CAMPAIGN = 3;
const LINK = 4;
const NO_CAMPAIGN = -1;

/**
 * Recorded clicks by click id, compact and fast to probe: a shop's clicks run into millions (about
 * 72 bytes each here, against about 170 as a Map of objects), and attribution looks one up for
 * most orders. Each click is one row of a `StringTable`; influencer, campaign and link strings are
 * interned once. Read it like a `ReadonlyMap<string, ClickTarget>` (`get`, `has`, `size`,
 * iteration); the hot path uses `slot` and the per-slot readers, which allocate nothing.
 */
export class ClickTable {
  private readonly table = new StringTable();
  private readonly influencerIds: string[] = [];
  private readonly campaignIds: string[] = [];
  private readonly linkSlugs: string[] = [];
  private readonly interned = {
    influencer: new Map<string, number>(),
    campaign: new Map<string, number>(),
    link: new Map<string, number>(),
  };

  /**
   * An empty table. `influencerIds` pre-assigns influencer indexes (see `influencerIndex`), so an
   * index built over a roster can map a click to the roster entry without a lookup.
   *
   * @example
   * new ClickTable(["alice", "bob"]); // influencerIndex 0 is alice, 1 is bob
   */
  constructor(influencerIds: Iterable<string> = []) {
    for (const id of influencerIds) intern(this.interned.influencer, this.influencerIds, id);
  }

  /** Number of clicks. */
  get size(): number {
    return this.table.size;
  }

  /**
   * Records a click; returns false (and changes nothing) when the id is already recorded.
   *
   * @example
   * table.add("c_9f", { influencerId: "alice", campaign: null, at: 1772378100000, link: "alice-ig" }); // true
   */
  add(id: string, click: ClickTarget): boolean {
    const before = this.table.size;
    const row = this.table.insert(id);
    if (this.table.size === before) return false;
    this.table.setFloat(row, click.at);
    this.table.setInt(row, INFLUENCER, intern(this.interned.influencer, this.influencerIds, click.influencerId));
    const campaign = click.campaign === null ? NO_CAMPAIGN : intern(this.interned.campaign, this.campaignIds, click.campaign);
    this.table.setInt(row, CAMPAIGN, campaign);
    this.table.setInt(row, LINK, intern(this.interned.link, this.linkSlugs, click.link));
    return true;
  }

  /**
   * Row of a click id, or -1 when the id is unknown; read the click with the per-slot readers.
   *
   * @example
   * const slot = table.slot("c_9f"); if (slot >= 0) table.at(slot); // 1772378100000
   */
  slot(id: string): number {
    return this.table.find(id);
  }

  /** When the click in `slot` happened (epoch ms). */
  at(slot: number): number {
    return this.table.float(slot);
  }

  /** Influencer of the link clicked, at the time of the click. */
  influencerId(slot: number): string {
    return this.influencerIds[this.table.int(slot, INFLUENCER)]!;
  }

  /** Position of the click's influencer among the ids given to the constructor (then in order of first use). */
  influencerIndex(slot: number): number {
    return this.table.int(slot, INFLUENCER);
  }

  /** Campaign of the link clicked at the time of the click, or null. */
  campaign(slot: number): string | null {
    const index = this.table.int(slot, CAMPAIGN);
    return index === NO_CAMPAIGN ? null : this.campaignIds[index]!;
  }

  /** Slug of the link clicked. */
  link(slot: number): string {
    return this.linkSlugs[this.table.int(slot, LINK)]!;
  }

  /** Whether a click id is recorded. */
  has(id: string): boolean {
    return this.slot(id) >= 0;
  }

  /**
   * The click recorded under `id`, as a new object; undefined for an unknown id.
   *
   * @example
   * table.get("c_9f"); // { influencerId: "alice", campaign: null, at: 1772378100000, link: "alice-ig" }
   */
  get(id: string): ClickTarget | undefined {
    const slot = this.slot(id);
    if (slot < 0) return undefined;
    return { influencerId: this.influencerId(slot), campaign: this.campaign(slot), at: this.at(slot), link: this.link(slot) };
  }

  /** Every click as [id, click], in the order they were added. */
  *entries(): IterableIterator<[string, ClickTarget]> {
    for (let row = 0; row < this.table.size; row++) {
      const id = this.table.key(row);
      yield [id, this.get(id)!];
    }
  }

  [Symbol.iterator](): IterableIterator<[string, ClickTarget]> {
    return this.entries();
  }
}

function intern(index: Map<string, number>, table: string[], value: string): number {
  let n = index.get(value);
  if (n === undefined) {
    n = table.length;
    table.push(value);
    index.set(value, n);
  }
  return n;
}
