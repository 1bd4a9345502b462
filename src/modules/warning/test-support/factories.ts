import type { ApiClient } from '../../../../test/support/http-client.js';
import { SYSTEM_ACTOR } from '../../../core/auth/roles.js';
import type { Db } from '../../../core/db/database.js';
import { saveGeography } from '../../directory/directory.service.js';
import type { NewCrossing, NewWatchlistEntry } from '../warning.schema.js';
import type { WatchlistEntryRow } from '../warning.tables.js';

/** The port the factories' crossings use; crossings at a port the directory does not know are refused. */
export const TEST_PORT = 'ERLIAN';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A watchlist entry for a PRC passport holder, valid for a month, with the given overrides. */
export function buildEntry(overrides: Partial<NewWatchlistEntry> = {}): NewWatchlistEntry {
  return {
    category: 'close_contact',
    surname: 'ZHANG',
    givenNames: 'WEI',
    nativeName: '张伟',
    sex: 'M',
    birthDate: '1985-03-15',
    nationality: 'CHN',
    documentType: 'passport',
    documentNumber: 'E12345678',
    issuingState: 'CHN',
    reason: 'close contact of a confirmed case',
    validFrom: inDays(-1),
    validUntil: inDays(30),
    ...overrides,
  };
}

/** A crossing at the test port with a typed identity unrelated to `buildEntry`. */
export function buildCrossing(overrides: Partial<NewCrossing> = {}): NewCrossing {
  return {
    direction: 'entry',
    portCode: TEST_PORT,
    identity: {
      surname: 'BATBAYAR',
      givenNames: 'TEMUJIN',
      birthDate: '1990-01-01',
      nationality: 'MNG',
      documentNumber: 'MN9988776',
    },
    ...overrides,
  };
}

/**
 * The port facing the test port across the border, in Mongolia: a node records crossings at its own country's
 * ports only, so a Mongolian node's desk records them here.
 */
export const COUNTERPART_TEST_PORT = 'ZAMYN';

const TEST_PORT_FEATURE = {
  country: 'CN',
  names: { en: 'Erenhot', zh: '二连浩特', ru: 'Эрэн-Хото' },
  kind: 'road_rail' as const,
  lon: 111.98,
  lat: 43.65,
};

/** Zamyn-Uud, the counterpart test port. */
export const COUNTERPART_TEST_PORT_FEATURE = {
  country: 'MN',
  names: { en: 'Zamyn-Uud', zh: '扎门乌德', ru: 'Замын-Ууд' },
  kind: 'road_rail' as const,
  lon: 111.9,
  lat: 43.72,
};

/** Adds the test port, or another port with its code and feature, to a node's directory (repeatable). */
export async function addTestPort(
  admin: ApiClient,
  code = TEST_PORT,
  feature: typeof TEST_PORT_FEATURE = TEST_PORT_FEATURE,
): Promise<void> {
  const saved = await admin.put(`/api/v1/directory/ports/${code}`, { code, ...feature });
  if (saved.status !== 200) throw new Error(`could not add port ${code}: ${saved.text}`);
}

/** Adds the test port straight to a bare database's directory, for use-case tests without HTTP. */
export async function addTestPortRow(db: Db, code = TEST_PORT): Promise<void> {
  await saveGeography(db, SYSTEM_ACTOR, 'ports', { code, ...TEST_PORT_FEATURE }, false);
}

export { inDays };

/** A stored watchlist entry row (what the index reads from the table), valid for a month, with the given overrides. */
export function buildEntryRow(overrides: Partial<WatchlistEntryRow> & { id: string }): WatchlistEntryRow {
  const now = new Date().toISOString();
  return {
    source_agency: 'CN-NIA',
    source_entry_id: overrides.id,
    shared_notification_id: null,
    category: 'close_contact',
    surname: 'ZHANG',
    given_names: 'WEI',
    native_name: '张伟',
    aliases: '[]',
    sex: 'M',
    birth_date: '1985-03-15',
    nationality: 'CHN',
    document_type: 'passport',
    document_number: 'E12345678',
    issuing_state: 'CHN',
    personal_number: null,
    reason: 'close contact of a confirmed case',
    valid_from: inDays(-1),
    valid_until: inDays(30),
    sharing_scope: 'internal',
    share_with: '[]',
    retro_screened_at: null,
    created_by: 'test',
    created_at: now,
    updated_at: now,
    ...overrides,
  };
}

/** An advance passenger list due now at the test port, its passengers as given (refusable ones too). */
export function buildPassengerList(passengers: readonly unknown[]) {
  return { direction: 'entry', portCode: TEST_PORT, expectedAt: new Date().toISOString(), passengers };
}
