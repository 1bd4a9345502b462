import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { describeEachDatabase, useTestDatabase } from '../../../test/support/databases.js';
import { startThread } from '../../core/threads.js';
import { DEFAULT_THRESHOLDS } from './matcher/index.js';
import {
  createScreeningIndex,
  isFailure,
  type ScreeningIndex,
  type ScreeningIndexOptions,
  type ScreeningOutcome,
} from './screening-index.js';
import { buildEntryRow, inDays } from './test-support/factories.js';
import * as store from './warning.store.js';

const ZHANG_WEI = {
  id: 'crossing-1',
  surname: 'ZHANG',
  givenNames: 'WEI',
  birthDate: '1985-03-15',
  documentNumber: 'E12345678',
};

const matchOf = (outcome: ScreeningOutcome) => {
  if (isFailure(outcome)) throw new Error(`unexpected failure: ${outcome.failed}`);
  return outcome;
};

/** Indexes made by a test, closed after it; and the threads they started, for a test to stop one. */
function useIndexes() {
  const made: ScreeningIndex[] = [];
  const threads: Worker[] = [];
  afterEach(async () => {
    await Promise.all(made.map((index) => index.close()));
    made.length = 0;
    threads.length = 0;
  });
  const make = (
    log: ScreeningIndexOptions['log'] = { warn: () => {}, error: () => {} },
    started: (thread: Worker, count: number) => void = () => {},
  ) => {
    const index = createScreeningIndex({
      log,
      start: () => {
        const thread = startThread(
          new URL('./screening-index.ts', import.meta.url).href,
          './screening-thread',
          {
            thresholds: DEFAULT_THRESHOLDS,
          },
        );
        threads.push(thread);
        started(thread, threads.length);
        return thread;
      },
    });
    made.push(index);
    return index;
  };
  return { make, threads };
}

describe('screening index', () => {
  const indexes = useIndexes();

  it('screens each request against the entries in force on its own day, answering in order', async () => {
    const index = indexes.make();
    index.put([
      buildEntryRow({ id: 'listed-now' }),
      buildEntryRow({
        id: 'listed-later',
        surname: 'BATBAYAR',
        given_names: 'TEMUJIN',
        native_name: null,
        nationality: 'MNG',
        birth_date: '1990-01-01',
        document_number: 'MN9988776',
        valid_from: inDays(10),
      }),
    ]);
    const later = {
      id: 'crossing-2',
      surname: 'BATBAYAR',
      givenNames: 'TEMUJIN',
      birthDate: '1990-01-01',
      documentNumber: 'MN9988776',
    };
    const matches = (
      await index.screenAll([
        { identity: ZHANG_WEI, day: inDays(0) },
        { identity: later, day: inDays(0) },
        { identity: later, day: inDays(11) },
      ])
    ).map(matchOf);
    expect(matches.map((match) => [match.verdict, match.entryId])).toEqual([
      ['hit', 'listed-now'],
      ['clear', null],
      ['hit', 'listed-later'],
    ]);
    expect(matches[2]?.source).toEqual({ agency: 'CN-NIA', entryId: 'listed-later' });
    index.remove(['listed-now']);
    expect(await index.screen(ZHANG_WEI, inDays(0))).toMatchObject({ verdict: 'clear', source: null });
  });

  it('leaves out an entry the matcher cannot read, says which in the log, and files the others', async () => {
    const warnings: unknown[] = [];
    const index = indexes.make({ warn: (fields: unknown) => void warnings.push(fields), error: () => {} });
    // aliases that are valid JSON but not a list of names: the matcher cannot read the entry
    index.put([buildEntryRow({ id: 'unreadable', aliases: '5' }), buildEntryRow({ id: 'readable' })]);
    expect((await index.screen(ZHANG_WEI, inDays(0))).entryId).toBe('readable');
    expect(warnings).toEqual([expect.objectContaining({ entryId: 'unreadable' })]);
  });

  it('fails only the crossing the matcher cannot read, and screens the others sent with it', async () => {
    const index = indexes.make();
    index.put([buildEntryRow({ id: 'listed' })]);
    // a surname that is not text: the matcher cannot read the crossing
    const unreadable = { id: 'crossing-x', surname: 5 as unknown as string };
    const outcomes = await index.screenAll([
      { identity: ZHANG_WEI, day: inDays(0) },
      { identity: unreadable, day: inDays(0) },
      { identity: ZHANG_WEI, day: inDays(0) },
    ]);
    expect(outcomes.map((outcome) => (isFailure(outcome) ? 'failed' : outcome.entryId))).toEqual([
      'listed',
      'failed',
      'listed',
    ]);
    expect(outcomes[1]).toEqual({ failed: expect.stringMatching(/trim/) });
    await expect(index.screen(unreadable, inDays(0))).rejects.toThrow(/screening failed/);
    expect((await index.screen(ZHANG_WEI, inDays(0))).entryId).toBe('listed');
  });

  it('refuses to screen once closed', async () => {
    const index = indexes.make();
    index.put([buildEntryRow({ id: 'listed' })]);
    await index.close();
    await expect(index.screen(ZHANG_WEI, inDays(0))).rejects.toThrow(/closed/);
  });
});

describeEachDatabase('screening index after its thread dies', (dialect) => {
  const database = useTestDatabase(dialect);
  const indexes = useIndexes();

  it('fails the screenings in flight, then refills a new thread from the table before screening again', async () => {
    const errors: unknown[] = [];
    const index = indexes.make({ warn: () => {}, error: (fields: unknown) => void errors.push(fields) });
    await store.insertEntries(database().db, [buildEntryRow({ id: crypto.randomUUID() })]);
    await index.load(database().db, inDays(0));
    const listed = await index.screen(ZHANG_WEI, inDays(0));
    expect(listed.verdict).toBe('hit');

    // a batch the thread takes a good while to screen, so it is still in flight when the thread is stopped: a
    // single screening could be answered before the stop lands, on a fast or a loaded machine alike
    const batch = Array.from({ length: 20_000 }, (_, i) => ({
      identity: { ...ZHANG_WEI, id: `in-flight-${i}` },
      day: inDays(0),
    }));
    const inFlight = index.screenAll(batch);
    await indexes.threads[0]?.terminate();
    await expect(inFlight).rejects.toThrow(/stopped/);
    expect(errors).toHaveLength(1);

    const again = await index.screen(ZHANG_WEI, inDays(0));
    expect(again).toMatchObject({ verdict: 'hit', entryId: listed.entryId });
    expect(indexes.threads).toHaveLength(2);
  });

  it('refuses screening for a few seconds after a refill failed, saying when to ask again', async () => {
    // the thread filled by the load dies at once, and so does the one its refill starts
    const stopFirstTwo = (thread: Worker, count: number) => {
      if (count === 2) setImmediate(() => void thread.terminate());
    };
    const index = indexes.make({ warn: () => {}, error: () => {} }, stopFirstTwo);
    await store.insertEntries(database().db, [buildEntryRow({ id: crypto.randomUUID() })]);
    await index.load(database().db, inDays(0));
    await indexes.threads[0]?.terminate();
    await expect(index.screen(ZHANG_WEI, inDays(0))).rejects.toMatchObject({
      code: 'warning.screening_unavailable',
      details: { retryAfterSeconds: 1 },
    });
    const refused = await index.screen(ZHANG_WEI, inDays(0)).catch((error: unknown) => error);
    expect(refused).toMatchObject({
      code: 'warning.screening_unavailable',
      message: expect.stringMatching(/retrying shortly/),
      details: { retryAfterSeconds: expect.any(Number) },
    });
    const { retryAfterSeconds } = (refused as { details: { retryAfterSeconds: number } }).details;
    expect(retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(retryAfterSeconds).toBeLessThanOrEqual(5);
  });

  it('fails a load whose thread dies on the way, and fills a new thread before the next screening', async () => {
    const stopFirst = (thread: Worker, count: number) => {
      if (count === 1) setImmediate(() => void thread.terminate());
    };
    const index = indexes.make({ warn: () => {}, error: () => {} }, stopFirst);
    // a person of their own: the table holds the other tests' entries too
    const id = crypto.randomUUID();
    const person = {
      surname: 'BATBAYAR',
      givenNames: 'TEMUJIN',
      birthDate: '1990-01-01',
      documentNumber: 'MN9988776',
    };
    await store.insertEntries(database().db, [
      buildEntryRow({
        id,
        surname: person.surname,
        given_names: person.givenNames,
        native_name: null,
        birth_date: person.birthDate,
        document_number: person.documentNumber,
      }),
    ]);
    await expect(index.load(database().db, inDays(0))).rejects.toThrow(/unavailable/);
    const found = await index.screen({ id: 'crossing-3', ...person }, inDays(0));
    expect(found).toMatchObject({ verdict: 'hit', entryId: id });
    expect(indexes.threads).toHaveLength(2);
  });
});
