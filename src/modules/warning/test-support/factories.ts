import type { NewCrossing, NewWatchlistEntry } from '../warning.schema.js';

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
    portCode: 'ERLIAN',
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

export { inDays };
