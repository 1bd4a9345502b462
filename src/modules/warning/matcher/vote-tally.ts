/** Cells of a new tally: room for the few hundred slots a crossing usually meets, in 16 KB. */
const INITIAL_BITS = 11;

/**
 * The votes of one screening by slot, in a small open-addressed table (linear probing) stamped with the
 * screening, so nothing is cleared or allocated between screenings. A crossing meets a few hundred slots, and a
 * table of that size stays in the fastest caches: an array with a cell per watchlist entry, read at random
 * slots, missed them on nearly every vote once a watchlist held a few hundred thousand entries.
 */
export class VoteTally {
  /** The slots met since `clear`, in the order first met; `count` of them. */
  touched = new Int32Array(1024);
  count = 0;

  /** Per cell, side by side: the slot, then the stamp (high 16 bits) and vote (low 16); a stale stamp is empty. */
  private cells = new Uint32Array(2 << INITIAL_BITS);
  private shift = 32 - INITIAL_BITS;
  // never 0, the stamp of a cell never written: a tally used before its first `clear` still finds empty cells
  private stamp = 1;

  /** Forgets every vote. */
  clear(): void {
    this.stamp++;
    if (this.stamp > 0xffff) {
      this.cells.fill(0);
      this.stamp = 1;
    }
    this.count = 0;
  }

  /** Adds `vote` to the slot's votes, meeting it first when new; its votes after (saturating at 0xffff). */
  add(slot: number, vote: number): number {
    const cell = this.cellOf(slot);
    const tag = this.cells[cell + 1] as number;
    if (tag >>> 16 === this.stamp) {
      if ((tag & 0xffff) + vote > 0xffff) return tag & 0xffff;
      this.cells[cell + 1] = tag + vote;
      return (tag & 0xffff) + vote;
    }
    this.cells[cell] = slot;
    this.cells[cell + 1] = this.stamp * 0x10000 + vote;
    if (this.count === this.touched.length) {
      const touched = new Int32Array(this.count * 2);
      touched.set(this.touched);
      this.touched = touched;
    }
    this.touched[this.count++] = slot;
    // at most half full, so that probes stay short
    if (this.count * 2 > this.cells.length / 2) this.rehash();
    return vote;
  }

  /** The slot's votes; -1 when it was not met. */
  votesOf(slot: number): number {
    const tag = this.cells[this.cellOf(slot) + 1] as number;
    return tag >>> 16 === this.stamp ? tag & 0xffff : -1;
  }

  /** The index in `cells` of the cell holding `slot`, or of the empty cell where it would go. */
  private cellOf(slot: number): number {
    const mask = this.cells.length / 2 - 1;
    // Fibonacci hashing: neighbouring slots land far apart
    let cell = Math.imul(slot, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const at = cell * 2;
      if ((this.cells[at + 1] as number) >>> 16 !== this.stamp || this.cells[at] === slot) return at;
      cell = (cell + 1) & mask;
    }
  }

  /** Doubles the table, carrying the votes of the slots met over. */
  private rehash(): void {
    const votes = new Int32Array(this.count);
    for (let i = 0; i < this.count; i++) votes[i] = this.votesOf(this.touched[i] as number);
    this.cells = new Uint32Array(this.cells.length * 2);
    this.shift--;
    for (let i = 0; i < this.count; i++) {
      const slot = this.touched[i] as number;
      const cell = this.cellOf(slot);
      this.cells[cell] = slot;
      this.cells[cell + 1] = this.stamp * 0x10000 + (votes[i] as number);
    }
  }
}
