import { describe, expect, it } from 'vitest';
import { KeyBuffer } from './blocking-keys.js';
import { prepareIdentity } from './score.js';
import type { WatchlistIdentity } from './types.js';

const keysOf = (identity: WatchlistIdentity, forQuery: boolean): Set<number> => {
  const buffer = new KeyBuffer();
  buffer.fill(prepareIdentity(identity), forQuery);
  return new Set(buffer.hashes.subarray(0, buffer.count));
};

const IDENTITIES: WatchlistIdentity[] = [
  {
    id: 'a',
    surname: 'Ivanov',
    givenNames: 'Sergei Petrovich',
    birthDate: '1970-01-02',
    documentNumber: 'P1234567',
  },
  { id: 'b', nativeName: '王小明', birthDate: '1985' },
  { id: 'c', surname: 'Nguyen', givenNames: 'Van Dung', aliases: ['Nguyen Dung', 'Dung Van Nguyen'] },
];

describe('KeyBuffer', () => {
  it('looks up, for a crossing, every key its own watchlist entry is filed under', () => {
    for (const identity of IDENTITIES) {
      const query = keysOf(identity, true);
      for (const key of keysOf(identity, false)) expect(query.has(key)).toBe(true);
    }
  });

  it('gathers each key once and the same keys for the same identity', () => {
    const buffer = new KeyBuffer();
    buffer.fill(prepareIdentity(IDENTITIES[0] as WatchlistIdentity), true);
    const first = Array.from(buffer.hashes.subarray(0, buffer.count));
    expect(new Set(first).size).toBe(first.length);
    buffer.fill(prepareIdentity(IDENTITIES[2] as WatchlistIdentity), true);
    buffer.fill(prepareIdentity(IDENTITIES[0] as WatchlistIdentity), true);
    expect(Array.from(buffer.hashes.subarray(0, buffer.count))).toEqual(first);
  });

  it('files a one-typo variant of a name part under a key the correct spelling looks up', () => {
    const entry = keysOf({ id: 'e', surname: 'Kuznetsov', givenNames: 'Mikhail' }, false);
    const query = keysOf({ id: 'c', surname: 'Kuznetsv', givenNames: 'Mikhail' }, true);
    const shared = [...query].filter((key) => entry.has(key));
    expect(shared.length).toBeGreaterThan(1);
  });

  it('keeps every key of an identity with more keys than the buffer first holds', () => {
    const word = (i: number) =>
      `Ka${String.fromCharCode(98 + (i % 20))}o${String.fromCharCode(98 + Math.floor(i / 20))}emir`;
    const aliases = Array.from({ length: 60 }, (_, i) => `${word(i)} ${word(i + 200)}`);
    const keys = keysOf({ id: 'e', surname: 'Ivanov', aliases }, true);
    expect(keys.size).toBeGreaterThan(256);
    expect(keys).toEqual(keysOf({ id: 'e', surname: 'Ivanov', aliases }, true));
  });
});
