import { hashKey, isLatin1 } from "./string-key.js";

/*
 * Layout. Each key is one 64-byte row of one ArrayBuffer (one cache line):
 *   int32 0: hash of the key     int32 1: key length, or -(k+1) when the key is overflowKeys[k]
 *   int32 2-6: payload, five int32 for the owner to use (float64 1, bytes 8-15, overlaps int32 2-3)
 *   bytes 28-63: the key itself, one byte per character
 * Keys longer than 36 characters or with characters above U+00FF live in `overflowKeys` instead.
 * `buckets` is an open-addressing table (linear probing, at most half full) of row number + 1.
 */
const ROW_BYTES = 64;
const ROW_INTS = ROW_BYTES / 4;
const ROW_FLOATS = ROW_BYTES / 8;
const PAYLOAD_INT = 2;
const KEY_OFFSET = 28;
const INLINE_KEY_MAX = ROW_BYTES - KEY_OFFSET;
const INITIAL_ROWS = 64;

/** int32 payload fields per row. */
export const PAYLOAD_INTS = 5;

/**
 * A hash table from strings to dense row numbers (0, 1, 2… in insertion order), each row carrying
 * a small payload of int32 fields (or one float64 and three int32). Built for lookups in the
 * attribution hot path: a hit reads one bucket and one 64-byte row, where a Map of objects reads a
 * bucket, an entry, the key string and the value; and the keys add no strings to the heap. Keys are
 * compared exactly (case-sensitive), never by hash alone.
 */
export class StringTable {
  private count = 0;
  private buffer = new ArrayBuffer(INITIAL_ROWS * ROW_BYTES);
  private ints = new Int32Array(this.buffer);
  private floats = new Float64Array(this.buffer);
  private bytes = new Uint8Array(this.buffer);
  private buckets = new Int32Array(INITIAL_ROWS * 2);
  private readonly overflowKeys: string[] = [];

  /** Number of keys. */
  get size(): number {
    return this.count;
  }

  /**
   * Row of `key`, or -1 when the key is absent.
   *
   * @example
   * table.find("alice"); // 0
   * table.find("nobody"); // -1
   */
  find(key: string): number {
    const hash = hashKey(key);
    const mask = this.buckets.length - 1;
    for (let b = hash & mask; ; b = (b + 1) & mask) {
      const entry = this.buckets[b]!;
      if (entry === 0) return -1;
      const row = entry - 1;
      if (this.ints[row * ROW_INTS] === hash && this.keyEquals(row, key)) return row;
    }
  }

  /**
   * Row of `key`, adding it (with a zero payload) when absent; rows are numbered from 0 in the
   * order keys were first added.
   *
   * @example
   * table.insert("alice"); // 0
   * table.insert("bob");   // 1
   * table.insert("alice"); // 0
   */
  insert(key: string): number {
    const found = this.find(key);
    if (found >= 0) return found;
    if (this.count === this.ints.length / ROW_INTS) this.grow();
    const row = this.count++;
    const hash = hashKey(key);
    this.ints[row * ROW_INTS] = hash;
    if (key.length <= INLINE_KEY_MAX && isLatin1(key)) {
      this.ints[row * ROW_INTS + 1] = key.length;
      const at = row * ROW_BYTES + KEY_OFFSET;
      for (let j = 0; j < key.length; j++) this.bytes[at + j] = key.charCodeAt(j);
    } else {
      this.ints[row * ROW_INTS + 1] = -this.overflowKeys.push(key);
    }
    this.place(row, hash);
    return row;
  }

  /**
   * The key of `row`.
   *
   * @example
   * table.key(table.insert("alice")); // "alice"
   */
  key(row: number): string {
    const length = this.ints[row * ROW_INTS + 1]!;
    if (length < 0) return this.overflowKeys[-length - 1]!;
    const at = row * ROW_BYTES + KEY_OFFSET;
    return String.fromCharCode(...this.bytes.subarray(at, at + length));
  }

  /**
   * Payload int32 `field` (0-4) of `row`; 0 until set.
   *
   * @example
   * table.setInt(row, 0, 42); table.int(row, 0); // 42
   */
  int(row: number, field: number): number {
    return this.ints[row * ROW_INTS + PAYLOAD_INT + field]!;
  }

  /** Sets payload int32 `field` (0-4) of `row`. */
  setInt(row: number, field: number, value: number): void {
    this.ints[row * ROW_INTS + PAYLOAD_INT + field] = value;
  }

  /**
   * The float64 stored over payload fields 0-1 of `row`; 0 until set.
   *
   * @example
   * table.setFloat(row, 1772378100000); table.float(row); // 1772378100000
   */
  float(row: number): number {
    return this.floats[row * ROW_FLOATS + 1]!;
  }

  /** Sets the float64 over payload fields 0-1 of `row`. */
  setFloat(row: number, value: number): void {
    this.floats[row * ROW_FLOATS + 1] = value;
  }

  private keyEquals(row: number, key: string): boolean {
    const length = this.ints[row * ROW_INTS + 1]!;
    if (length < 0) return this.overflowKeys[-length - 1] === key;
    if (length !== key.length) return false;
    const at = row * ROW_BYTES + KEY_OFFSET;
    for (let j = 0; j < length; j++) {
      if (this.bytes[at + j] !== key.charCodeAt(j)) return false;
    }
    return true;
  }

  private place(row: number, hash: number): void {
    const mask = this.buckets.length - 1;
    let b = hash & mask;
    while (this.buckets[b] !== 0) b = (b + 1) & mask;
    this.buckets[b] = row + 1;
  }

  /** Doubles the rows and rebuilds the buckets from the stored hashes, keeping them at most half full. */
  private grow(): void {
    const buffer = new ArrayBuffer(this.buffer.byteLength * 2);
    new Uint8Array(buffer).set(this.bytes);
    this.buffer = buffer;
    this.ints = new Int32Array(buffer);
    this.floats = new Float64Array(buffer);
    this.bytes = new Uint8Array(buffer);
    this.buckets = new Int32Array(this.buckets.length * 2);
    for (let row = 0; row < this.count; row++) this.place(row, this.ints[row * ROW_INTS]!);
  }
}
