import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, useTestDatabase } from '../../../test/support/databases.js';
import { SYSTEM_ACTOR } from '../../core/auth/roles.js';
import { EventBus } from '../../core/events.js';
import { createLogger } from '../../core/log.js';
import { confirmHit, recordHitAction, recordIncomingHitNotice } from './hit.service.js';
import { purgeExpired, runRetrospectiveScreening } from './maintenance.js';
import type { WarningNotification, WarningNotifier } from './ports.js';
import { recordCrossing } from './screening.service.js';
import { createScreeningIndex } from './screening-index.js';
import { addTestPortRow, buildCrossing, buildEntry, inDays } from './test-support/factories.js';
import { countCrossings, countHits } from './warning.counts.js';
import { DEFAULT_WARNING_OPTIONS, type WarningRuntime } from './warning.runtime.js';
import * as store from './warning.store.js';
import { createEntry, deleteEntry, recordIncomingWatchlistShare, updateEntry } from './watchlist.service.js';

/** A test-only notifier: these use cases run on a bare database, without exchange or federation. */
function recordingNotifier() {
  const sent: WarningNotification[] = [];
  const notifier: WarningNotifier = {
    send: async (_trx, _actor, notification) => {
      sent.push(notification);
      return { id: `n-${sent.length}` };
    },
  };
  return { sent, notifier };
}

describeEachDatabase('warning use cases', (dialect) => {
  const database = useTestDatabase(dialect);
  beforeAll(async () => addTestPortRow(database().db));
  const runtime = (overrides: Partial<WarningRuntime> = {}): WarningRuntime => ({
    db: database().db,
    events: new EventBus(),
    log: createLogger('silent', 'CN-NIA'),
    ownAgency: 'CN-NIA',
    index: createScreeningIndex(),
    notifier: recordingNotifier().notifier,
    peers: { isActive: async () => true },
    inbox: { acknowledgedAt: async () => new Map() },
    risk: { riskLevel: async () => null },
    ports: { status: async () => null },
    options: DEFAULT_WARNING_OPTIONS,
    ...overrides,
  });

  it('raises a hit for a new entry whose person crossed in the last fourteen days', async () => {
    const rt = runtime();
    const identity = {
      surname: 'NGUYEN',
      givenNames: 'VAN AN',
      documentNumber: 'C0456789',
      birthDate: '1992-07-14',
    };
    const crossedAt = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const earlier = await recordCrossing(rt, SYSTEM_ACTOR, buildCrossing({ identity, crossedAt }));
    expect(earlier.verdict).toBe('clear');
    await runRetrospectiveScreening(rt);
    await createEntry(
      rt,
      SYSTEM_ACTOR,
      buildEntry({ ...identity, nativeName: 'Nguyễn Văn An', nationality: 'VNM', validFrom: inDays(-10) }),
    );
    const report = await runRetrospectiveScreening(rt);
    expect(report).toMatchObject({ entries: 1, hits: 1 });
    const hits = await store.hitsOfCrossing(rt.db, earlier.crossingId);
    expect(hits).toEqual([
      expect.objectContaining({ origin: 'retrospective', kind: 'identity', status: 'open' }),
    ]);
    expect((await runRetrospectiveScreening(rt)).entries).toBe(0);
  });

  it('finds a person listed today among those who crossed before the listing took effect', async () => {
    const rt = runtime();
    const identity = {
      surname: 'TRAN',
      givenNames: 'THI MAI',
      documentNumber: 'C0987654',
      birthDate: '1990-02-03',
    };
    const crossedAt = new Date(Date.now() - 6 * 86_400_000).toISOString();
    const earlier = await recordCrossing(rt, SYSTEM_ACTOR, buildCrossing({ identity, crossedAt }));
    await runRetrospectiveScreening(rt);
    // no validFrom: the listing takes effect today, six days after the crossing
    const { validFrom: _default, ...listedToday } = buildEntry(identity);
    await createEntry(rt, SYSTEM_ACTOR, listedToday);
    expect(await runRetrospectiveScreening(rt)).toMatchObject({ entries: 1, hits: 1 });
    expect(await store.hitsOfCrossing(rt.db, earlier.crossingId)).toEqual([
      expect.objectContaining({ origin: 'retrospective', kind: 'identity' }),
    ]);
  });

  it('looks back for an entry whose validity starts later only once it is in force', async () => {
    const rt = runtime();
    const identity = {
      surname: 'LE',
      givenNames: 'VAN HUNG',
      documentNumber: 'C0111222',
      birthDate: '1979-09-30',
    };
    const crossedAt = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const earlier = await recordCrossing(rt, SYSTEM_ACTOR, buildCrossing({ identity, crossedAt }));
    await runRetrospectiveScreening(rt);
    await createEntry(rt, SYSTEM_ACTOR, buildEntry({ ...identity, validFrom: inDays(3) }));
    expect(await runRetrospectiveScreening(rt)).toMatchObject({ entries: 0, hits: 0 });
    const inThreeDays = new Date(Date.now() + 3 * 86_400_000);
    expect(await store.hitsOfCrossing(rt.db, earlier.crossingId)).toHaveLength(0);
    expect(await runRetrospectiveScreening(rt, inThreeDays)).toMatchObject({ entries: 1, hits: 1 });
  });

  // only SQLite stores what a text column cannot hold (a blob), the way a damaged row reaches the matcher
  it.skipIf(dialect !== 'sqlite')(
    'passes over a stored crossing the matcher cannot read, logs it and screens the rest of its page',
    async () => {
      const warnings: unknown[] = [];
      const log = createLogger('silent', 'CN-NIA');
      log.warn = ((fields: unknown) => void warnings.push(fields)) as typeof log.warn;
      const rt = runtime({ log });
      const identity = {
        surname: 'PHAM',
        givenNames: 'VAN TOAN',
        documentNumber: 'C0333444',
        birthDate: '1981-04-22',
      };
      const crossedAt = new Date(Date.now() - 4 * 86_400_000).toISOString();
      const damaged = await recordCrossing(rt, SYSTEM_ACTOR, buildCrossing({ identity, crossedAt }));
      const intact = await recordCrossing(rt, SYSTEM_ACTOR, buildCrossing({ identity, crossedAt }));
      await runRetrospectiveScreening(rt);
      await sql`update warning_crossings set surname = x'00ff' where id = ${damaged.crossingId}`.execute(
        rt.db,
      );
      await createEntry(rt, SYSTEM_ACTOR, buildEntry({ ...identity, validFrom: inDays(-10) }));
      expect(await runRetrospectiveScreening(rt)).toMatchObject({
        entries: 1,
        crossingsNotScreenable: 1,
        hits: 1,
      });
      expect(await store.hitsOfCrossing(rt.db, intact.crossingId)).toHaveLength(1);
      expect(warnings).toEqual([
        expect.objectContaining({
          crossings: 1,
          first: [expect.objectContaining({ crossingId: damaged.crossingId })],
        }),
      ]);
      // the entry is screened: the damaged crossing holds up no later round
      expect((await runRetrospectiveScreening(rt)).entries).toBe(0);

      // a matcher that can read none of a page is broken, not the crossings: the round fails, and its entries
      // wait for a round that can screen them
      const { rows: saved } = await sql<{ id: string; surname: string | null }>`
        select id, surname from warning_crossings`.execute(rt.db);
      await sql`update warning_crossings set surname = x'00ff'`.execute(rt.db);
      await createEntry(rt, SYSTEM_ACTOR, buildEntry({ surname: 'NOBODY', validFrom: inDays(-10) }));
      await expect(runRetrospectiveScreening(rt)).rejects.toThrow(/could screen none/);
      for (const row of saved) {
        await sql`update warning_crossings set surname = ${row.surname} where id = ${row.id}`.execute(rt.db);
      }
      // restored, only the crossing damaged first is unreadable again
      expect(await runRetrospectiveScreening(rt)).toMatchObject({ entries: 1, crossingsNotScreenable: 1 });
    },
  );

  it('purges entries past their validity with their personal data and drops them from the index', async () => {
    const rt = runtime();
    const expired = await createEntry(
      rt,
      SYSTEM_ACTOR,
      buildEntry({
        surname: 'OLD',
        documentNumber: 'E00000001',
        validFrom: inDays(-20),
        validUntil: inDays(-2),
      }),
    );
    const live = await createEntry(
      rt,
      SYSTEM_ACTOR,
      buildEntry({ surname: 'CURRENT', documentNumber: 'E00000002' }),
    );
    // on a day the expired entry was in force, only the index decides whether it is still found
    const whenInForce = inDays(-5);
    const person = (surname: string, documentNumber: string) => ({
      id: `crossing-${surname}`,
      surname,
      givenNames: 'WEI',
      birthDate: '1985-03-15',
      documentNumber,
    });
    expect((await rt.index.screen(person('OLD', 'E00000001'), whenInForce)).entryId).toBe(expired.id);
    const report = await purgeExpired(rt.db, rt.options);
    expect(report.entries).toBeGreaterThanOrEqual(1);
    expect(await store.findEntry(rt.db, expired.id)).toBeUndefined();
    expect(await store.findEntry(rt.db, live.id)).toBeDefined();
    await rt.index.sync(rt.db);
    expect((await rt.index.screen(person('OLD', 'E00000001'), whenInForce)).verdict).toBe('clear');
    expect((await rt.index.screen(person('CURRENT', 'E00000002'), inDays(0))).entryId).toBe(live.id);
  });

  it('blanks the identity of crossings and hits past retention but keeps them counted', async () => {
    const rt = runtime();
    const entry = await createEntry(rt, SYSTEM_ACTOR, buildEntry({ validFrom: inDays(-400) }));
    const identity = {
      surname: 'ZHANG',
      givenNames: 'WEI',
      birthDate: '1985-03-15',
      documentNumber: 'E12345678',
    };
    await rt.index.sync(rt.db);
    const longAgo = new Date(Date.now() - 200 * 86_400_000).toISOString();
    const old = await recordCrossing(
      rt,
      SYSTEM_ACTOR,
      buildCrossing({ identity, crossedAt: longAgo, reference: 'E12345678-20260101' }),
    );
    const recent = await recordCrossing(rt, SYSTEM_ACTOR, buildCrossing({ identity }));
    expect(old.hitId).toBeTruthy();
    const window = { from: '2000-01-01T00:00:00.000Z', to: '2100-01-01T00:00:00.000Z' };
    const before = { crossings: await countCrossings(rt.db, window), hits: await countHits(rt.db, window) };

    // The hit itself is recorded now; age it past its retention as the clock would.
    await rt.db
      .updateTable('warning_hits')
      .set({ created_at: longAgo })
      .where('crossing_id', '=', old.crossingId)
      .execute();
    const report = await purgeExpired(rt.db, rt.options);
    expect(report).toMatchObject({ crossings: 1, hits: 1 });

    const purged = await rt.db
      .selectFrom('warning_crossings')
      .selectAll()
      .where('id', '=', old.crossingId)
      .executeTakeFirstOrThrow();
    expect(purged).toMatchObject({
      surname: null,
      given_names: null,
      document_number: null,
      birth_date: null,
      reference: null,
    });
    expect(purged.purged_at).not.toBeNull();
    const [hit] = await store.hitsOfCrossing(rt.db, old.crossingId);
    expect(hit).toMatchObject({ explanation: '[]', entry_id: entry.id });
    const kept = await rt.db
      .selectFrom('warning_crossings')
      .selectAll()
      .where('id', '=', recent.crossingId)
      .executeTakeFirstOrThrow();
    expect(kept.surname).toBe('ZHANG');
    expect(await countCrossings(rt.db, window)).toEqual(before.crossings);
    expect(await countHits(rt.db, window)).toEqual(before.hits);
    expect((await purgeExpired(rt.db, rt.options)).crossings).toBe(0);
  });

  it('shares our entry with the counterparts in its scope', async () => {
    const { sent, notifier } = recordingNotifier();
    const rt = runtime({ notifier });
    await createEntry(
      rt,
      SYSTEM_ACTOR,
      buildEntry({ sharingScope: 'counterparts', shareWith: ['MN-GABP', 'RU-FSB'] }),
    );
    expect(sent.map((n) => [n.type, n.to])).toEqual([
      ['watchlist.share', ['MN-GABP']],
      ['watchlist.share', ['RU-FSB']],
    ]);
  });

  it('withdraws our entry from the agencies that lose it: un-shared from one, then deleted', async () => {
    const { sent, notifier } = recordingNotifier();
    const rt = runtime({ notifier });
    const entry = await createEntry(
      rt,
      SYSTEM_ACTOR,
      buildEntry({ sharingScope: 'counterparts', shareWith: ['MN-GABP', 'RU-FSB'] }),
    );
    sent.length = 0;
    await updateEntry(rt, SYSTEM_ACTOR, entry.id, { shareWith: ['MN-GABP'] });
    const withdrawals = () =>
      sent.filter((n) => n.type === 'watchlist.share' && 'withdrawn' in (n.body as object));
    expect(withdrawals().map((n) => [n.to, n.body])).toEqual([
      [['RU-FSB'], { schemaVersion: 1, entries: [], withdrawn: [entry.id] }],
    ]);
    sent.length = 0;
    await deleteEntry(rt, SYSTEM_ACTOR, entry.id);
    expect(withdrawals().map((n) => n.to)).toEqual([['MN-GABP']]);
  });

  it('withdraws only from agencies still peers: a removed peer can no longer be sent to', async () => {
    const { sent, notifier } = recordingNotifier();
    const active = new Set(['MN-GABP', 'RU-FSB']);
    const rt = runtime({ notifier, peers: { isActive: async (_trx, agency) => active.has(agency) } });
    const entry = await createEntry(
      rt,
      SYSTEM_ACTOR,
      buildEntry({ sharingScope: 'counterparts', shareWith: ['MN-GABP', 'RU-FSB'] }),
    );
    active.delete('RU-FSB');
    sent.length = 0;
    await deleteEntry(rt, SYSTEM_ACTOR, entry.id);
    expect(sent.map((n) => [n.to, n.priority, n.body])).toEqual([
      [['MN-GABP'], 'routine', { schemaVersion: 1, entries: [], withdrawn: [entry.id] }],
    ]);
  });

  it('deletes the entries a counterpart withdraws, and only theirs', async () => {
    const rt = runtime();
    const shared = (entryId: string, surname: string) => ({
      entryId,
      category: 'close_contact' as const,
      reason: 'contact of a confirmed case',
      surname,
      givenNames: 'ENKH',
      validFrom: inDays(-1),
      validUntil: inDays(20),
    });
    await recordIncomingWatchlistShare(rt.db, 'MN-GABP', {
      schemaVersion: 1,
      entries: [shared('MN-90', 'GANBOLD'), shared('MN-91', 'TSEREN')],
    });
    // another agency's entry under the same id is not theirs to withdraw
    await recordIncomingWatchlistShare(rt.db, 'RU-FSB', {
      schemaVersion: 1,
      entries: [shared('MN-90', 'IVANOV')],
    });
    const result = await recordIncomingWatchlistShare(rt.db, 'MN-GABP', {
      schemaVersion: 1,
      entries: [],
      withdrawn: ['MN-90'],
    });
    expect(result).toEqual({ stored: 0, removed: 1 });
    const left = (await store.listEntries(rt.db, { limit: 1000 })).filter((row) =>
      ['GANBOLD', 'TSEREN', 'IVANOV'].includes(row.surname ?? ''),
    );
    expect(left.map((row) => [row.source_agency, row.source_entry_id, row.surname]).sort()).toEqual([
      ['MN-GABP', 'MN-91', 'TSEREN'],
      ['RU-FSB', 'MN-90', 'IVANOV'],
    ]);
  });

  it('keeps the order the counterpart wrote in when its shares and withdrawals arrive out of order', async () => {
    const rt = runtime();
    const entry = (entryId: string, surname: string) => ({
      entryId,
      category: 'close_contact' as const,
      reason: 'contact of a confirmed case',
      surname,
      givenNames: 'ODON',
      validFrom: inDays(-1),
      validUntil: inDays(20),
    });
    const notification = (n: number) => `0190a6a4-0000-7000-8000-${String(n).padStart(12, '0')}`;
    const held = async (surname: string) =>
      (await store.listEntries(rt.db, { limit: 1000, sourceAgency: 'MN-GABP' })).filter(
        (row) => row.surname === surname,
      ).length;
    // written share 11 then withdrawal 12, delivered the other way round: the late share stays out
    await recordIncomingWatchlistShare(
      rt.db,
      'MN-GABP',
      { schemaVersion: 1, entries: [], withdrawn: ['MN-95'] },
      notification(12),
    );
    await recordIncomingWatchlistShare(
      rt.db,
      'MN-GABP',
      { schemaVersion: 1, entries: [entry('MN-95', 'LATESHARE')] },
      notification(11),
    );
    expect(await held('LATESHARE')).toBe(0);
    // shared again later (14): it is back
    await recordIncomingWatchlistShare(
      rt.db,
      'MN-GABP',
      { schemaVersion: 1, entries: [entry('MN-95', 'LATESHARE')] },
      notification(14),
    );
    expect(await held('LATESHARE')).toBe(1);
    // a withdrawal written before that share (13) and delivered after it leaves the entry
    const stale = await recordIncomingWatchlistShare(
      rt.db,
      'MN-GABP',
      { schemaVersion: 1, entries: [], withdrawn: ['MN-95'] },
      notification(13),
    );
    expect(stale.removed).toBe(0);
    expect(await held('LATESHARE')).toBe(1);
  });

  it('sends a hit notice with a reply deadline when a hit on a shared entry is confirmed', async () => {
    const { sent, notifier } = recordingNotifier();
    const rt = runtime({ notifier });
    const shared = {
      entryId: 'MN-77',
      category: 'confirmed_case' as const,
      reason: 'confirmed case, left quarantine',
      surname: 'BOLD',
      givenNames: 'GANBAATAR',
      nativeName: 'Болд Ганбаатар',
      documentNumber: 'E55500011',
      nationality: 'MNG',
      birthDate: '1984-02-29',
      validFrom: inDays(-1),
      validUntil: inDays(20),
    };
    const notificationId = '0190a6a4-0000-7000-8000-000000000001';
    await recordIncomingWatchlistShare(
      rt.db,
      'MN-GABP',
      { schemaVersion: 1, entries: [shared] },
      notificationId,
    );
    await rt.index.sync(rt.db);
    const crossing = await recordCrossing(
      rt,
      SYSTEM_ACTOR,
      buildCrossing({
        identity: {
          surname: 'BOLD',
          givenNames: 'GANBAATAR',
          documentNumber: 'E55500011',
          birthDate: shared.birthDate,
        },
      }),
    );
    expect(crossing.verdict).toBe('hit');
    expect(crossing.entry?.sourceAgency).toBe('MN-GABP');
    const hit = await confirmHit(rt, SYSTEM_ACTOR, crossing.hitId ?? '', 'identity checked');
    expect(hit.replyBy).not.toBeNull();
    expect(sent).toEqual([
      expect.objectContaining({
        type: 'hit.notice',
        to: ['MN-GABP'],
        draft: false,
        body: expect.objectContaining({
          entryId: 'MN-77',
          sharedNotificationId: notificationId,
          verdict: 'hit',
          actionTaken: 'none',
        }),
      }),
    ]);
    await recordHitAction(rt, SYSTEM_ACTOR, hit.id, 'quarantine');
    expect(sent[1]).toEqual(
      expect.objectContaining({
        type: 'hit.notice',
        to: ['MN-GABP'],
        priority: 'urgent',
        body: expect.objectContaining({ entryId: 'MN-77', actionTaken: 'quarantine' }),
      }),
    );
  });

  it('confirms a hit on the entry of an agency that is no longer a peer and keeps the notice as a draft', async () => {
    const { sent, notifier } = recordingNotifier();
    const rt = runtime({ notifier, peers: { isActive: async () => false } });
    const person = {
      surname: 'DORJ',
      givenNames: 'BAATAR',
      documentNumber: 'E55500012',
      birthDate: '1979-11-03',
    };
    await recordIncomingWatchlistShare(
      rt.db,
      'MN-GABP',
      {
        schemaVersion: 1,
        entries: [
          {
            entryId: 'MN-78',
            category: 'confirmed_case',
            reason: 'confirmed case',
            nationality: 'MNG',
            validFrom: inDays(-1),
            validUntil: inDays(20),
            ...person,
          },
        ],
      },
      '0190a6a4-0000-7000-8000-000000000002',
    );
    await rt.index.sync(rt.db);
    const crossing = await recordCrossing(rt, SYSTEM_ACTOR, buildCrossing({ identity: person }));
    expect(crossing.verdict).toBe('hit');
    const hit = await confirmHit(rt, SYSTEM_ACTOR, crossing.hitId ?? '', 'identity checked');
    expect(hit).toMatchObject({ status: 'confirmed', replyBy: null, noticeNotificationId: 'n-1' });
    expect(sent).toEqual([
      expect.objectContaining({ type: 'hit.notice', to: ['MN-GABP'], draft: true, body: expect.anything() }),
    ]);
    expect(sent[0]?.body).not.toHaveProperty('replyBy');
  });

  it('records a counterpart hit notice about one of our entries', async () => {
    const rt = runtime();
    const { id } = await recordIncomingHitNotice(rt.db, 'MN-GABP', {
      schemaVersion: 1,
      entryId: 'our-entry-1',
      crossing: { portCode: 'ZAMYN-UUD', direction: 'exit', crossedAt: new Date().toISOString() },
      verdict: 'hit',
      score: 0.97,
      actionTaken: 'quarantine',
    });
    const stored = await rt.db
      .selectFrom('warning_hit_notices')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    expect(stored).toMatchObject({
      from_agency: 'MN-GABP',
      entry_id: 'our-entry-1',
      action_taken: 'quarantine',
    });
  });

  it('warns about a traveller from a high-risk county at a port closed to passengers', async () => {
    const rt = runtime({
      risk: { riskLevel: async (county) => (county === 'HULUNBUIR' ? 'high' : 'low') },
      ports: { status: async () => 'cargo_only' },
    });
    const outcome = await recordCrossing(
      rt,
      SYSTEM_ACTOR,
      buildCrossing({ fromCounty: 'HULUNBUIR', residenceCounty: 'ERENHOT' }),
    );
    expect(outcome.verdict).toBe('clear');
    expect(outcome.warnings.map((w) => w.rule).sort()).toEqual([
      'high_risk_county',
      'port_closed_to_passengers',
    ]);
  });
});
