import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CrossingIdentity, WatchlistIdentity } from './types.js';
import { createWatchlistIndex, screenBruteForce } from './watchlist-index.js';

const SURNAMES = [
  'Ivanov',
  'Wang',
  'Nguyen',
  'Schneider',
  'Okonkwo',
  'Petrova',
  'Kuznetsov',
  'Li',
  'Tran',
  'Haddad',
];
const GIVEN = [
  'Sergei',
  'Xiaoming',
  'Van Dung',
  'Anna',
  'Chidi',
  'Olga',
  'Mikhail',
  'Wei',
  'Thi Lan',
  'Omar',
];

const buildEntry = (i: number, overrides: Partial<WatchlistIdentity> = {}): WatchlistIdentity => ({
  id: `e${i}`,
  surname: SURNAMES[i % SURNAMES.length],
  givenNames: GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length],
  birthDate: `${1950 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
  documentNumber: `P${String(1000000 + i * 7919)}`,
  ...overrides,
});

/** A crossing derived from an entry by the edits travellers' records show: typos, reordering, OCR, dropped fields. */
const crossingArb = (entries: readonly WatchlistIdentity[]) =>
  fc
    .record({
      index: fc.nat({ max: entries.length - 1 }),
      swapOrder: fc.boolean(),
      typoAt: fc.option(fc.nat({ max: 6 })),
      dropDob: fc.boolean(),
      ocr: fc.boolean(),
      dropDocument: fc.boolean(),
    })
    .map(({ index, swapOrder, typoAt, dropDob, ocr, dropDocument }): CrossingIdentity => {
      const entry = entries[index] as WatchlistIdentity;
      let surname = entry.surname ?? '';
      // a deletion in a two-letter surname leaves an initial, which is not a blocking key: typos only in longer ones
      if (typoAt !== null && typoAt < surname.length && surname.length >= 4) {
        surname = surname.slice(0, typoAt) + surname.slice(typoAt + 1);
      }
      const document = ocr
        ? entry.documentNumber?.replace(/0/g, 'O').replace(/1/g, 'I')
        : entry.documentNumber;
      return {
        id: 'crossing',
        ...(swapOrder
          ? { givenNames: `${surname} ${entry.givenNames}` }
          : { surname, givenNames: entry.givenNames }),
        ...(dropDob ? {} : { birthDate: entry.birthDate }),
        ...(dropDocument || !document ? {} : { documentNumber: document }),
      };
    });

describe('createWatchlistIndex', () => {
  const entries = Array.from({ length: 300 }, (_, i) => buildEntry(i));
  const index = createWatchlistIndex(entries);

  it('gives the same verdict as scoring every entry, with a best score at most slightly lower', () => {
    fc.assert(
      fc.property(crossingArb(entries), (crossing) => {
        const indexed = index.screen(crossing);
        const brute = screenBruteForce(entries, crossing);
        expect(indexed.verdict).toBe(brute.verdict);
        // the index scores only the best-voted candidates, so a near-equal runner-up may be the one it keeps
        expect(indexed.best?.score ?? 0).toBeGreaterThanOrEqual((brute.best?.score ?? 0) - 0.05);
      }),
      { numRuns: 150 },
    );
  });

  it('finds an entry through its document number alone, even with OCR confusions', () => {
    const result = index.screen({
      id: 'c',
      surname: 'Smith',
      documentNumber: buildEntry(42).documentNumber?.replace(/1/g, 'I'),
    });
    expect(result.candidates.map((c) => c.entryId)).toContain('e42');
  });

  it('raises a hit for an entry that lists only a document number', () => {
    const numberOnly = createWatchlistIndex([...entries, { id: 'doc-only', documentNumber: 'G55512345' }]);
    const result = numberOnly.screen({
      id: 'c',
      surname: 'Doe',
      givenNames: 'Jane',
      documentNumber: 'G55512345',
    });
    expect(result.verdict).toBe('hit');
    expect(result.best?.entryId).toBe('doc-only');
  });

  it('stops returning an entry once removed and returns it again once re-added', () => {
    const own = createWatchlistIndex([buildEntry(1), buildEntry(2)]);
    const crossing = { id: 'c', surname: 'Wang', givenNames: 'Sergei', birthDate: buildEntry(1).birthDate };
    expect(own.screen(crossing).best?.entryId).toBe('e1');
    expect(own.remove('e1')).toBe(true);
    expect(own.remove('e1')).toBe(false);
    expect(own.size).toBe(1);
    expect(own.screen(crossing).candidates.map((c) => c.entryId)).not.toContain('e1');
    own.add(buildEntry(1));
    expect(own.screen(crossing).best?.entryId).toBe('e1');
  });

  it('replaces an entry added again under the same id', () => {
    const own = createWatchlistIndex([buildEntry(1)]);
    own.add(buildEntry(1, { surname: 'Haddad', givenNames: 'Omar' }));
    expect(own.size).toBe(1);
    expect(own.screen({ id: 'c', surname: 'Haddad', givenNames: 'Omar' }).best?.entryId).toBe('e1');
    expect(own.screen({ id: 'c', surname: 'Wang', givenNames: 'Sergei' }).verdict).toBe('clear');
  });

  it('finds a misspelt surname among many entries sharing the given name, past the scored-candidate limit', () => {
    const others = Array.from({ length: 40 }, (_, i) => `Okafor${String.fromCharCode(97 + (i % 26))}`);
    // the listed person comes last, so insertion order alone would never bring them into the first four
    const many = [...others, 'Tran'].map((surname, i) => buildEntry(i, { surname, givenNames: 'Chidi' }));
    const own = createWatchlistIndex(many, { maxCandidates: 4 });
    const result = own.screen({ id: 'c', surname: 'Tan', givenNames: 'Chidi' });
    expect(result.candidates).toHaveLength(4);
    expect(result.best?.entryId).toBe('e40');
  });

  it('tells namesakes of a common name apart by birth date before scoring', () => {
    // same name and birth year: only the day and month differ, and only three candidates are scored
    const namesakes = Array.from({ length: 12 }, (_, i) =>
      buildEntry(i, {
        surname: 'Nguyen',
        givenNames: 'Van Dung',
        birthDate: `1971-0${1 + (i % 9)}-1${i % 10}`,
      }),
    );
    const own = createWatchlistIndex(namesakes, { maxCandidates: 3 });
    const result = own.screen({
      id: 'c',
      surname: 'Ngyuen',
      givenNames: 'Van Dung',
      birthDate: '1971-03-11',
    });
    expect(result.best?.entryId).toBe('e11');
  });

  it('finds an entry known only by a foreign name written in Han characters from its Latin spelling', () => {
    const own = createWatchlistIndex([
      ...entries.slice(0, 50),
      { id: 'han', nativeName: '特斯拉', birthDate: '1970-01-01' },
    ]);
    const result = own.screen({ id: 'c', surname: 'Tesla', birthDate: '1970-01-01' });
    expect(result.best?.entryId).toBe('han');
    expect(result.verdict).toBe('hit');
  });

  it('scores namesakes whose other fields agree best first and skips those that could at most tie', () => {
    const twin = { surname: 'Nguyen', givenNames: 'Van Dung', birthDate: '1971-03-11' };
    const own = createWatchlistIndex([
      buildEntry(1, { ...twin, birthDate: '1980-05-06' }),
      buildEntry(2, twin),
      buildEntry(3, twin),
    ]);
    const result = own.screen({ id: 'c', ...twin });
    expect(result.best?.entryId).toBe('e2');
    expect(result.verdict).toBe('hit');
    // e3 could only tie e2 and e1 cannot reach it: neither is scored
    expect(result.candidates.map((c) => c.entryId)).toEqual(['e2']);
  });

  it('answers clear with no candidates for an unknown traveller', () => {
    expect(index.screen({ id: 'c', surname: 'Zyxwv', givenNames: 'Qqq' })).toEqual({
      verdict: 'clear',
      candidates: [],
    });
  });

  it('leaves out entries not in force on the crossing day before choosing candidates', () => {
    const own = createWatchlistIndex();
    own.add(buildEntry(1), { from: '2026-01-01', until: '2026-03-31' });
    own.add(buildEntry(2, { surname: 'Wang', givenNames: 'Sergei' }), {
      from: '2026-01-01',
      until: '2026-12-31',
    });
    const crossing = { id: 'c', surname: 'Wang', givenNames: 'Sergei', birthDate: buildEntry(1).birthDate };
    expect(own.screen(crossing).best?.entryId).toBe('e1');
    expect(own.screen(crossing, '2026-03-31').best?.entryId).toBe('e1');
    const result = own.screen(crossing, '2026-04-01');
    expect(result.candidates.map((c) => c.entryId)).toEqual(['e2']);
    expect(own.screen(crossing, '2025-12-31').candidates).toEqual([]);
  });

  it('screens an entry whose bound of days in force is unreadable as if that bound were open', () => {
    const own = createWatchlistIndex();
    own.add(buildEntry(1), { from: 'soon', until: '2026-03-31' });
    const crossing = { ...buildEntry(1), id: 'c' };
    expect(own.screen(crossing, '1999-01-01').best?.entryId).toBe('e1');
    expect(own.screen(crossing, '2026-04-01').candidates).toEqual([]);
  });

  it('keeps the days an entry is in force when removals rebuild the postings', () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      buildEntry(i, { id: `m${i}`, documentNumber: `Q${9000000 + i}` }),
    );
    const own = createWatchlistIndex();
    for (const entry of many) own.add(entry, { from: '2026-01-01', until: '2026-06-30' });
    for (let i = 0; i < 4990; i++) own.remove(`m${i}`);
    const kept = { ...(many[4995] as WatchlistIdentity), id: 'c' };
    expect(own.screen(kept, '2026-06-30').best?.entryId).toBe('m4995');
    expect(own.screen(kept, '2026-07-01').candidates).toEqual([]);
  });

  it('still finds the entries left after most of a large watchlist is removed', () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      buildEntry(i, { id: `m${i}`, documentNumber: `Q${9000000 + i}` }),
    );
    const own = createWatchlistIndex(many);
    for (let i = 0; i < 4990; i++) own.remove(`m${i}`);
    expect(own.size).toBe(10);
    const kept = many[4995] as WatchlistIdentity;
    expect(own.screen({ ...kept, id: 'c' }).best?.entryId).toBe('m4995');
    expect(
      own.screen({ ...(many[10] as WatchlistIdentity), id: 'c' }).candidates.map((c) => c.entryId),
    ).not.toContain('m10');
  });
});
