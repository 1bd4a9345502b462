import { appendAudit } from '../../core/audit/audit.js';
import { SYSTEM_ACTOR } from '../../core/auth/roles.js';
import { FEDERATION_MIN_RETENTION_DAYS } from '../../core/config.js';
import type { Db } from '../../core/db/database.js';
import { inTransaction } from '../../core/db/transaction.js';
import { nowIso } from '../../core/ids.js';
import { identityHit, matcherIdentity, publishHits, ruleContextOf } from './screening.service.js';
import { createScreeningIndex, isFailure } from './screening-index.js';
import { dayOf, daysBefore, type WarningRuntime } from './warning.runtime.js';
import * as store from './warning.store.js';
import type { HitRow } from './warning.tables.js';

const RETRO_ENTRIES_PER_ROUND = 10_000;
const CROSSINGS_PAGE = 5000;

/** What one retrospective round did. */
export interface RetrospectiveReport {
  readonly entries: number;
  readonly crossingsScanned: number;
  /** Crossings the matcher could not read: logged and passed over, so they hold up no round. */
  readonly crossingsNotScreenable: number;
  readonly hits: number;
}

/**
 * Screens watchlist entries not yet screened retrospectively against the crossings of the last N days.
 * The new entries form a small index of their own and the window's crossings stream through it, so the
 * cost grows with the number of crossings, not with crossings × entries.
 */
export async function runRetrospectiveScreening(
  rt: WarningRuntime,
  now: Date = new Date(),
): Promise<RetrospectiveReport> {
  // A person listed today must be found among those who crossed before the listing took effect: that is what
  // looking back is for. So crossings are screened against the entries in force now, and an entry whose
  // validity starts later waits for that day.
  const today = (await ruleContextOf(rt)).dayOf(now.toISOString());
  const awaiting = await store.entriesAwaitingRetro(rt.db, RETRO_ENTRIES_PER_ROUND);
  const entries = awaiting.filter((entry) => entry.valid_from <= today);
  if (entries.length === 0) return { entries: 0, crossingsScanned: 0, crossingsNotScreenable: 0, hits: 0 };
  const fresh = createScreeningIndex({ thresholds: rt.options.thresholds, log: rt.log });
  let scanned = 0;
  let notScreenable = 0;
  let raised = 0;
  try {
    fresh.put(entries);
    const since = daysBefore(now, rt.options.retrospectiveDays);
    let after: { crossedAt: string; id: string } | null = null;
    for (;;) {
      const page = await store.crossingsPage(rt.db, since, after, CROSSINGS_PAGE);
      const outcomes = await fresh.screenAll(
        page.map((crossing) => ({ identity: matcherIdentity(crossing), day: today })),
      );
      const failed: { crossingId: string; reason: string }[] = [];
      const hits: HitRow[] = [];
      page.forEach((crossing, i) => {
        const outcome = outcomes[i];
        if (!outcome) return;
        if (isFailure(outcome)) failed.push({ crossingId: crossing.id, reason: outcome.failed });
        else {
          const hit = identityHit(crossing, outcome, 'retrospective');
          if (hit) hits.push(hit);
        }
      });
      // a matcher that fails every crossing is broken, not the crossings: the round fails and is tried again,
      // rather than marking the entries looked back for when nothing was screened
      if (failed.length > 0 && failed.length === page.length) {
        throw new Error(`the matcher could screen none of ${page.length} crossings: ${failed[0]?.reason}`);
      }
      if (failed.length > 0) {
        notScreenable += failed.length;
        rt.log.warn({ crossings: failed.length, first: failed.slice(0, 5) }, 'crossings not screenable');
      }
      scanned += page.length;
      if (hits.length > 0) {
        await inTransaction(rt.db, (trx) => store.insertHits(trx, hits));
        raised += hits.length;
        publishHits(rt, hits);
      }
      const last = page[page.length - 1];
      if (!last || page.length < CROSSINGS_PAGE) break;
      after = { crossedAt: last.crossed_at, id: last.id };
    }
  } finally {
    await fresh.close();
  }
  await inTransaction(rt.db, async (trx) => {
    await store.markRetroScreened(
      trx,
      entries.map((entry) => entry.id),
      nowIso(),
    );
    await appendAudit(trx, SYSTEM_ACTOR, {
      action: 'watchlist.retrospective',
      targetType: 'watchlist_entry',
      details: {
        entries: entries.length,
        crossings: scanned,
        crossingsNotScreenable: notScreenable,
        hits: raised,
      },
    });
  });
  return {
    entries: entries.length,
    crossingsScanned: scanned,
    crossingsNotScreenable: notScreenable,
    hits: raised,
  };
}

/** What a purge removed. */
export interface PurgeReport {
  readonly entries: number;
  readonly crossings: number;
  readonly hits: number;
  readonly hitNotices: number;
}

const PURGE_BATCH = 1000;

/**
 * Deletes personal data whose time is up: entries past their `validUntil`, crossings and hits past their
 * retention. Tombstones are kept a day so every process drops purged entries from its index.
 */
export async function purgeExpired(db: Db, options: WarningRuntime['options'], now: Date = new Date()) {
  const today = dayOf(now.toISOString());
  let entries = 0;
  for (;;) {
    const ids = await store.expiredEntryIds(db, today, PURGE_BATCH);
    if (ids.length === 0) break;
    await inTransaction(db, (trx) => store.deleteEntries(trx, ids, now.toISOString()));
    entries += ids.length;
  }
  const report: PurgeReport = await inTransaction(db, async (trx) => ({
    entries,
    crossings: await store.purgeCrossingsBefore(
      trx,
      daysBefore(now, options.crossingRetentionDays),
      now.toISOString(),
    ),
    hits: await store.purgeHitsBefore(trx, daysBefore(now, options.hitRetentionDays), now.toISOString()),
    hitNotices: await store.deleteHitNoticesBefore(trx, daysBefore(now, options.hitRetentionDays)),
  }));
  await store.pruneTombstones(db, daysBefore(now, 1));
  // a share older than this cannot pass a node's freshness check any more, so cannot undo its withdrawal
  await store.pruneWithdrawals(db, daysBefore(now, FEDERATION_MIN_RETENTION_DAYS));
  if (Object.values(report).some((count) => count > 0)) {
    await appendAudit(db, SYSTEM_ACTOR, {
      action: 'warning.purge',
      targetType: 'warning',
      details: { ...report },
    });
  }
  return report;
}
