import { hashKey, isLatin1 } from "./string-key.js";

/*
 * Layout. The table is an open-addressing array of 64-byte rows (linear probing, at most half
 * full), each row one cache line:
 *   int32 0: hash of the key     int32 1: 0 for a free row, key length + 1, or -(k+1) when the
 *                                          key is overflowKeys[k]
 *   int32 2-6: payload, five int32 for the owner to use
 *   bytes 28-63: the key itself, one byte per character
 * A lookup reads the row the hash points to (and, on a collision, the next ones): one memory
 * access, where a bucketed table reads a bucket and then a row.
 */
const ROW_BYTES = 64;
const ROW_INTS = ROW_BYTES / 4;
const PAYLOAD_INT = 2;
const KEY_OFFSET = 28;
const INLINE_KEY_MAX = ROW_BYTES - KEY_OFFSET;
const INITIAL_ROWS = 64;

/**
 * A hash table from strings to a payload of five int32, probed in place: for the small, read-mostly
 * tables of the attribution hot path (discount codes, UTM values), where one memory access per
 * lookup matters more than stable positions. A key's position (what `find` and `insert` return)
 * changes when the table grows, so callers read or write the payload right away and keep nothing
 * by position. Keys are compared exactly (case-sensitive), never by hash alone.
 */
export class ProbeTable {
  private count = 0;
  private ints = new Int32Array((INITIAL_ROWS * ROW_BYTES) / 4);
  private bytes = new Uint8Array(this.ints.buffer);
  private readonly overflowKeys: string[] = [];

  /** Number of keys. */
  get size(): number {
    return this.count;
  }

  /**
   * Position of `key`, or -1 when the key is absent.
   *
   * @example
   * table.int(table.find("alice"), 0); // alice's payload field 0
   * table.find("nobody");              // -1
   */
  find(key: string): number {
    const hash = hashKey(key);
    const mask = this.ints.length / ROW_INTS - 1;
    for (let row = hash & mask; ; row = (row + 1) & mask) {
      const tag = this.ints[row * ROW_INTS + 1]!;
      if (tag === 0) return -1;
      if (this.ints[row * ROW_INTS] === hash && this.keyEquals(row, tag, key)) return row;
    }
  }

  /**
   * Position of `key`, adding it (with a zero payload) when absent. Valid until the next insert.
   *
   * @example
   * table.setInt(table.insert("alice"), 0, 7);
   */
  insert(key: string): number {
    const found = this.find(key);
    if (found >= 0) return found;
    if ((this.count + 1) * 2 > this.ints.length / ROW_INTS) this.grow();
    this.count++;
    const hash = hashKey(key);
    const row = this.freeRow(hash);
    this.ints[row * ROW_INTS] = hash;
    if (key.length <= INLINE_KEY_MAX && isLatin1(key)) {
      this.ints[row * ROW_INTS + 1] = key.length + 1;
      const at = row * ROW_BYTES + KEY_OFFSET;
      for (let j = 0; j < key.length; j++) this.bytes[at + j] = key.charCodeAt(j);
    } else {
      this.ints[row * ROW_INTS + 1] = -this.overflowKeys.push(key);
    }
    return row;
  }

  /**
   * Payload int32 `field` (0-4) at `position`; 0 until set.
   *
   * @example
   * table.setInt(table.insert("alice"), 0, 7); table.int(table.find("alice"), 0); // 7
   */
  int(position: number, field: number): number {
    return this.ints[position * ROW_INTS + PAYLOAD_INT + field]!;
  }

  /** Sets payload int32 `field` (0-4) at `position`. */
  setInt(position: number, field: number, value: number): void {
    this.ints[position * ROW_INTS + PAYLOAD_INT + field] = value;
  }

  private keyEquals(row: number, tag: number, key: string): boolean {
    if (tag < 0) return this.overflowKeys[-tag - 1] === key;
    const length = tag - 1;
    if (length !== key.length) return false;
    const at = row * ROW_BYTES + KEY_OFFSET;
    for (let j = 0; j < length; j++) {
      if (this.bytes[at + j] !== key.charCodeAt(j)) return false;
    }
    return true;
  }

  private freeRow(hash: number): number {
    const mask = this.ints.length / ROW_INTS - 1;
    let row = hash & mask;
    while (this.ints[row * ROW_INTS + 1] !== 0) row = (row + 1) & mask;
    return row;
  }

  /** Doubles the rows and moves every row to its place in the larger table. */
  private grow(): void {
    const old = this.ints;
    this.ints = new Int32Array(old.length * 2);
    this.bytes = new Uint8Array(this.ints.buffer);
    for (let row = 0; row < old.length / ROW_INTS; row++) {
      if (old[row * ROW_INTS + 1] === 0) continue;
      const to = this.freeRow(old[row * ROW_INTS]!);
      this.ints.set(old.subarray(row * ROW_INTS, (row + 1) * ROW_INTS), to * ROW_INTS);
    }
  }
}
