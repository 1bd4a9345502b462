/**
 * Posting lists from 32-bit key hashes to watchlist slot numbers, held in typed arrays: a million entries carry
 * tens of millions of postings, which as JS Maps and arrays cost gigabytes and keep the collector busy.
 *
 * Keys live in an open-addressed table (linear probing). A key with one posting stores the slot inline, which
 * is what most keys (document number variants) ever hold; longer lists live in one shared pool in blocks of
 * power-of-two capacity that are moved to a block twice the size when full, freed blocks being reused.
 */
export class PostingTable {
  /** The postings of every list with more than one member; read through `lookup`. */
  pool = new Int32Array(1 << 16);
  /** After `lookup`: the single slot when the count was 1, otherwise the offset of the list in `pool`. */
  found = 0;

  /**
   * Per cell, side by side so that a lookup reads one cache line: the key (0 for an empty cell), then a slot
   * (≥ 0) for a single posting or the list number as -(list + 1).
   */
  private cells: Int32Array;
  private shift: number;
  private used = 0;
  private listStart = new Int32Array(1024);
  private listLength = new Int32Array(1024);
  private listBits = new Uint8Array(1024);
  private lists = 0;
  private poolEnd = 0;
  /** Starts of freed blocks, by log2 of their capacity. */
  private readonly freeBlocks: number[][] = Array.from({ length: 32 }, () => []);

  constructor(expectedKeys = 1024) {
    let capacity = 1024;
    while (capacity * 0.7 < expectedKeys) capacity *= 2;
    this.cells = new Int32Array(capacity * 2);
    this.shift = 32 - Math.log2(capacity);
  }

  /** How many distinct keys hold postings. */
  get size(): number {
    return this.used;
  }

  /** Appends `slot` to the postings of `key`. */
  add(key: number, slot: number): void {
    const cell = this.cellOf(key);
    if (this.cells[cell] === 0) {
      this.cells[cell] = key === 0 ? 1 : key;
      this.cells[cell + 1] = slot;
      this.used++;
      if (this.used > this.capacity * 0.7) this.rehash();
      return;
    }
    const head = this.cells[cell + 1] as number;
    if (head >= 0) {
      const list = this.newList(head);
      this.append(list, slot);
      this.cells[cell + 1] = -(list + 1);
    } else {
      this.append(-head - 1, slot);
    }
  }

  /** The number of postings of `key` (0 when none); sets `found` to where they are (see `found`). */
  lookup(key: number): number {
    const cell = this.cellOf(key);
    if (this.cells[cell] === 0) return 0;
    const head = this.cells[cell + 1] as number;
    if (head >= 0) {
      this.found = head;
      return 1;
    }
    const list = -head - 1;
    this.found = this.listStart[list] as number;
    return this.listLength[list] as number;
  }

  /** Bytes held by the table's arrays. */
  get bytes(): number {
    return (
      this.cells.byteLength +
      this.pool.byteLength +
      this.listStart.byteLength +
      this.listLength.byteLength +
      this.listBits.byteLength
    );
  }

  /** Cells in the table; it is rehashed once 70% are used. */
  private get capacity(): number {
    return this.cells.length / 2;
  }

  /** The index in `cells` of the cell holding `key`, or of the empty cell where it would go. */
  private cellOf(key: number): number {
    // keys are stored as the Int32 of their 32 bits; 0 marks an empty cell, so key 0 is stored as 1
    const stored = key === 0 ? 1 : key | 0;
    const mask = this.capacity - 1;
    // Fibonacci hashing: the high bits of the product depend on every bit of the key
    let cell = Math.imul(stored, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const current = this.cells[cell * 2] as number;
      if (current === 0 || current === stored) return cell * 2;
      cell = (cell + 1) & mask;
    }
  }

  private rehash(): void {
    const old = this.cells;
    this.cells = new Int32Array(old.length * 2);
    this.shift--;
    for (let i = 0; i < old.length; i += 2) {
      const key = old[i] as number;
      if (key === 0) continue;
      const cell = this.cellOf(key);
      this.cells[cell] = key;
      this.cells[cell + 1] = old[i + 1] as number;
    }
  }

  private newList(first: number): number {
    if (this.lists === this.listStart.length) {
      const grow = <T extends Int32Array | Uint8Array>(array: T, make: (n: number) => T): T => {
        const next = make(array.length * 2);
        next.set(array);
        return next;
      };
      this.listStart = grow(this.listStart, (n) => new Int32Array(n));
      this.listLength = grow(this.listLength, (n) => new Int32Array(n));
      this.listBits = grow(this.listBits, (n) => new Uint8Array(n));
    }
    const list = this.lists++;
    this.listBits[list] = 2;
    this.listStart[list] = this.allocate(2);
    this.listLength[list] = 1;
    this.pool[this.listStart[list] as number] = first;
    return list;
  }

  private append(list: number, slot: number): void {
    const length = this.listLength[list] as number;
    const bits = this.listBits[list] as number;
    if (length === 1 << bits) {
      const from = this.listStart[list] as number;
      const to = this.allocate(bits + 1);
      this.pool.copyWithin(to, from, from + length);
      this.freeBlocks[bits]?.push(from);
      this.listStart[list] = to;
      this.listBits[list] = bits + 1;
    }
    this.pool[(this.listStart[list] as number) + length] = slot;
    this.listLength[list] = length + 1;
  }

  /** The start of a free block of 2^bits postings. */
  private allocate(bits: number): number {
    const reused = this.freeBlocks[bits]?.pop();
    if (reused !== undefined) return reused;
    const size = 1 << bits;
    if (this.poolEnd + size > this.pool.length) {
      const grown = new Int32Array(Math.max(this.pool.length * 2, this.poolEnd + size));
      grown.set(this.pool.subarray(0, this.poolEnd));
      this.pool = grown;
    }
    const start = this.poolEnd;
    this.poolEnd += size;
    return start;
  }
}
