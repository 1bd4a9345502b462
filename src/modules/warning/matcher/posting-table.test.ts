import { describe, expect, it } from 'vitest';
import { PostingTable } from './posting-table.js';

/** The postings of `key` as an array. */
const postingsOf = (table: PostingTable, key: number): number[] => {
  const count = table.lookup(key);
  if (count === 1) return [table.found];
  return Array.from(table.pool.subarray(table.found, table.found + count));
};

describe('PostingTable', () => {
  it('answers no postings for a key never added', () => {
    expect(new PostingTable().lookup(12345)).toBe(0);
  });

  it('keeps every posting of every key in order while lists grow and the table rehashes', () => {
    const table = new PostingTable();
    const expected = new Map<number, number[]>();
    // 5,000 keys force several rehashes; key k gets k % 70 postings, so lists move through many block sizes
    for (let slot = 0; slot < 70; slot++) {
      for (let k = 0; k < 5000; k++) {
        if (slot > k % 70) continue;
        const key = Math.imul(k + 1, 0x9e3779b1) >>> 0;
        table.add(key, slot * 10_000 + k);
        expected.set(key, [...(expected.get(key) ?? []), slot * 10_000 + k]);
      }
    }
    expect(table.size).toBe(5000);
    for (const [key, slots] of expected) expect(postingsOf(table, key)).toEqual(slots);
  });

  it('stores key 0 and the largest 32-bit key apart from each other', () => {
    const table = new PostingTable();
    table.add(0, 7);
    table.add(0xffffffff, 8);
    expect(postingsOf(table, 0)).toEqual([7]);
    expect(postingsOf(table, 0xffffffff)).toEqual([8]);
  });
});
