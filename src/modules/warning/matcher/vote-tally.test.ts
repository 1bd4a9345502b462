import { describe, expect, it } from 'vitest';
import { VoteTally } from './vote-tally.js';

describe('VoteTally', () => {
  it('adds votes per slot and lists the slots in the order first met', () => {
    const tally = new VoteTally();
    tally.clear();
    expect(tally.add(900_000, 3)).toBe(3);
    expect(tally.add(5, 2)).toBe(2);
    expect(tally.add(900_000, 4)).toBe(7);
    expect(tally.votesOf(900_000)).toBe(7);
    expect(tally.votesOf(6)).toBe(-1);
    expect(Array.from(tally.touched.subarray(0, tally.count))).toEqual([900_000, 5]);
  });

  it('keeps every vote while the table grows to many slots', () => {
    const tally = new VoteTally();
    tally.clear();
    // 10,000 slots force several doublings; slot s gets s % 5 + 1 votes, one at a time
    for (let round = 0; round < 5; round++) {
      for (let s = 0; s < 10_000; s++) if (round <= s % 5) tally.add(s * 7919, 1);
    }
    expect(tally.count).toBe(10_000);
    for (let s = 0; s < 10_000; s++) expect(tally.votesOf(s * 7919)).toBe((s % 5) + 1);
  });

  it('forgets every vote when cleared, including across the wrap of its stamps', () => {
    const tally = new VoteTally();
    let remembered = 0;
    for (let screening = 0; screening < 0x10005; screening++) {
      tally.clear();
      if (tally.votesOf(42) !== -1) remembered++;
      tally.add(42, 1);
    }
    expect(remembered).toBe(0);
    expect(tally.count).toBe(1);
  });

  it('counts votes before its first clear', () => {
    const tally = new VoteTally();
    expect(tally.add(7, 2)).toBe(2);
    expect(tally.votesOf(7)).toBe(2);
  });

  it('saturates at the largest vote a cell holds', () => {
    const tally = new VoteTally();
    tally.clear();
    tally.add(1, 0xfff0);
    expect(tally.add(1, 0x20)).toBe(0xfff0);
  });
});
