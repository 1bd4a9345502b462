import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.js';
import { bodySchemaFor, NOTIFICATION_TYPES, type NotificationType } from './body-schemas.js';
import { PERSONAL_DATA_TYPES, personalDataRetentionDays } from './personal-data.js';
import {
  buildCounty,
  buildHandoverRequest,
  buildMeasuresUpdate,
  buildOperationInvite,
  buildOperationReport,
  buildPersonMovement,
  buildPersonsMovement,
  buildPortPolicy,
  buildSituationDaily,
  buildWatchlistEntry,
  buildWatchlistShare,
  GOOD_BODIES,
} from './test-support/body-factories.js';
import { assertValidBody, validateBody } from './validate-body.js';

const errorsOf = (type: NotificationType, body: unknown) => {
  const result = validateBody(type, body);
  if (result.ok) throw new Error(`expected the ${type} body to be refused`);
  return result.errors;
};

const pathsOf = (type: NotificationType, body: unknown) => errorsOf(type, body).map((error) => error.path);

/** A body of the type with one value replaced by JSON Pointer, to break exactly one thing. */
const withValue = (type: NotificationType, pointer: string, value: unknown): unknown => {
  const body: unknown = structuredClone(GOOD_BODIES[type]());
  const keys = pointer.split('/').slice(1);
  const last = keys.pop();
  let target = body as Record<string, unknown>;
  for (const key of keys) target = target[key] as Record<string, unknown>;
  if (last !== undefined) target[last] = value;
  return body;
};

describe('validateBody', () => {
  it.each(NOTIFICATION_TYPES)('accepts a well-formed %s body', (type) => {
    const body = GOOD_BODIES[type]();
    expect(validateBody(type, body)).toEqual({ ok: true, body });
  });

  it.each(NOTIFICATION_TYPES)('refuses an unknown top-level field in a %s body, naming it', (type) => {
    const body = { ...GOOD_BODIES[type](), colour: 'red' };
    expect(errorsOf(type, body)).toContainEqual({
      path: '/colour',
      message: 'is not a field of this body',
      keyword: 'additionalProperties',
      params: { additionalProperty: 'colour' },
    });
  });

  const negativeCounts: [NotificationType, string][] = [
    ['situation.daily', '/counties/0/deaths'],
    ['port.policy', '/measures/quarantineDays'],
    ['operation.report', '/interceptions/persons'],
    ['operation.report', '/interceptions/events'],
    ['hit.notice', '/score'],
  ];
  it.each(negativeCounts)('refuses a negative number in %s at %s', (type, pointer) => {
    expect(pathsOf(type, withValue(type, pointer, -1))).toEqual([pointer]);
  });

  const badDates: [NotificationType, string, string][] = [
    ['situation.daily', '/reportDate', '2026-13-01'],
    ['situation.daily', '/reportDate', '27.11.2026'],
    ['port.policy', '/effectiveFrom', '2026-11-28T00:00:00'],
    ['measures.update', '/measures/0/effectiveFrom', '2026-11-31'],
    ['persons.movement', '/persons/0/movedAt', 'yesterday'],
    ['persons.movement', '/persons/0/birthDate', '85-03'],
    ['watchlist.share', '/entries/0/validUntil', '2026-02-30'],
    ['hit.notice', '/crossing/crossedAt', '2026-11-27 08:00Z'],
    ['handover.request', '/proposedAt', '2026-11-28T25:00:00Z'],
    ['operation.invite', '/startsAt', '2026-12-01'],
    ['operation.report', '/completedAt', '2026-02-29T06:10:00Z'],
  ];
  it.each(badDates)('refuses a bad date in %s at %s (%s)', (type, pointer, value) => {
    expect(pathsOf(type, withValue(type, pointer, value))).toContain(pointer);
  });

  it('says what a date must look like', () => {
    expect(errorsOf('situation.daily', buildSituationDaily({ reportDate: '2026/11/27' }))).toEqual([
      {
        path: '/reportDate',
        message: 'must be the reporting agency’s local date as YYYY-MM-DD',
        keyword: 'format',
        params: { format: 'date' },
      },
    ]);
  });

  it('refuses a day that is not in the calendar, though it matches the pattern', () => {
    expect(errorsOf('situation.daily', buildSituationDaily({ reportDate: '2026-02-29' }))).toEqual([
      {
        path: '/reportDate',
        message: '2026-02-29 is not a day of the calendar',
        keyword: 'format',
        params: { format: 'date' },
      },
    ]);
    expect(validateBody('situation.daily', buildSituationDaily({ reportDate: '2028-02-29' })).ok).toBe(true);
  });

  it('accepts birth dates known only to the year or month, and checks full ones against the calendar', () => {
    for (const birthDate of ['1985', '1985-03', '1985-03-31']) {
      const body = buildPersonsMovement({ persons: [buildPersonMovement({ birthDate })] });
      expect(validateBody('persons.movement', body).ok).toBe(true);
    }
    const body = buildPersonsMovement({ persons: [buildPersonMovement({ birthDate: '1985-04-31' })] });
    expect(pathsOf('persons.movement', body)).toEqual(['/persons/0/birthDate']);
  });

  it('refuses an unknown field deep inside a body, naming its path', () => {
    const body = buildSituationDaily({ counties: [{ ...buildCounty(), colour: 'red' } as never] });
    expect(pathsOf('situation.daily', body)).toEqual(['/counties/0/colour']);
  });

  it('lists the allowed codes when a code is not in its list', () => {
    expect(errorsOf('port.policy', buildPortPolicy({ status: 'half_open' as never }))).toEqual([
      {
        path: '/status',
        message: 'must be one of: open, cargo_only, passengers_restricted, closed',
        keyword: 'enum',
        params: { allowedValues: ['open', 'cargo_only', 'passengers_restricted', 'closed'] },
      },
    ]);
  });

  it('names each missing required field once', () => {
    const { riskLevel: _dropped, ...county } = buildCounty();
    expect(errorsOf('situation.daily', buildSituationDaily({ counties: [county as never] }))).toEqual([
      {
        path: '/counties/0/riskLevel',
        message: 'is required',
        keyword: 'required',
        params: { missingProperty: 'riskLevel' },
      },
    ]);
  });

  it('refuses a body of a schema version this node does not know', () => {
    expect(pathsOf('port.policy', { ...buildPortPolicy(), schemaVersion: 2 })).toEqual(['/schemaVersion']);
  });

  it('refuses a vaccination coverage above 100 per cent', () => {
    const body = buildSituationDaily({ counties: [buildCounty({ vaccinationCoverage: 100.5 })] });
    expect(pathsOf('situation.daily', body)).toEqual(['/counties/0/vaccinationCoverage']);
  });

  it('refuses a string longer than its limit', () => {
    const body = buildSituationDaily({ counties: [buildCounty({ remarks: 'x'.repeat(1001) })] });
    expect(pathsOf('situation.daily', body)).toEqual(['/counties/0/remarks']);
  });

  it('keeps a liaison message to exactly subject and text', () => {
    expect(validateBody('liaison.message', { subject: 'S', text: 'T' }).ok).toBe(true);
    expect(pathsOf('liaison.message', { subject: 'S', text: 'T', schemaVersion: 1 })).toEqual([
      '/schemaVersion',
    ]);
    expect(pathsOf('liaison.message', { subject: 'S' })).toEqual(['/text']);
  });

  it('refuses a time zone the runtime does not know', () => {
    expect(errorsOf('situation.daily', buildSituationDaily({ timeZone: 'Asia/Atlantis' }))).toEqual([
      {
        path: '/timeZone',
        message: 'Asia/Atlantis is not a known time zone',
        keyword: 'unknownTimeZone',
        params: { value: 'Asia/Atlantis' },
      },
    ]);
  });

  it('refuses the same county twice in one daily report', () => {
    const body = buildSituationDaily({ counties: [buildCounty(), buildCounty()] });
    expect(pathsOf('situation.daily', body)).toEqual(['/counties/1/countyCode']);
    expect(errorsOf('situation.daily', body)[0]).toMatchObject({
      keyword: 'repeated',
      params: { value: buildCounty().countyCode },
    });
  });

  it('takes port codes as the directory stores them, the shipped land-port list’s lower-case ones included', () => {
    expect(validateBody('port.policy', buildPortPolicy({ portCode: 'cn-mn-ceke' })).ok).toBe(true);
    expect(pathsOf('port.policy', buildPortPolicy({ portCode: 'cn mn' }))).toEqual(['/portCode']);
  });

  it('refuses a port policy that ends before it starts', () => {
    const body = buildPortPolicy({
      effectiveFrom: '2026-11-28T00:00:00Z',
      effectiveTo: '2026-11-27T00:00:00Z',
    });
    expect(pathsOf('port.policy', body)).toEqual(['/effectiveTo']);
    expect(errorsOf('port.policy', body)[0]).toMatchObject({
      keyword: 'endsBeforeStart',
      params: { start: '2026-11-28T00:00:00Z', end: '2026-11-27T00:00:00Z' },
    });
  });

  it('accepts a one-day measure and refuses one that ends before it starts', () => {
    const oneDay = buildMeasuresUpdate({
      measures: [{ type: 'lockdown', effectiveFrom: '2026-11-27', effectiveTo: '2026-11-27' }],
    });
    expect(validateBody('measures.update', oneDay).ok).toBe(true);
    const backwards = buildMeasuresUpdate({
      measures: [{ type: 'lockdown', effectiveFrom: '2026-11-27', effectiveTo: '2026-11-26' }],
    });
    expect(pathsOf('measures.update', backwards)).toEqual(['/measures/0/effectiveTo']);
  });

  it('refuses watchlist entries valid until before they are valid from, and duplicate entry ids', () => {
    const body = buildWatchlistShare({
      entries: [
        buildWatchlistEntry({ validFrom: '2026-11-20', validUntil: '2026-11-19' }),
        buildWatchlistEntry(),
      ],
    });
    expect(pathsOf('watchlist.share', body)).toEqual(['/entries/0/validUntil', '/entries/1/entryId']);
  });

  it('takes a body that only withdraws entries, and refuses one that shares and withdraws nothing', () => {
    const entry = buildWatchlistEntry();
    expect(
      validateBody('watchlist.share', buildWatchlistShare({ entries: [], withdrawn: ['CN-1'] })).ok,
    ).toBe(true);
    // an empty list that replaces everything shared before withdraws it all
    expect(validateBody('watchlist.share', buildWatchlistShare({ entries: [], replaceAll: true })).ok).toBe(
      true,
    );
    expect(errorsOf('watchlist.share', buildWatchlistShare({ entries: [] }))).toEqual([
      expect.objectContaining({ path: '/entries', keyword: 'nothingShared' }),
    ]);
    const both = buildWatchlistShare({ entries: [entry], withdrawn: ['CN-2', entry.entryId, 'CN-2'] });
    expect(errorsOf('watchlist.share', both).map((error) => [error.path, error.keyword])).toEqual([
      ['/withdrawn/2', 'repeated'],
      ['/withdrawn/1', 'sharedAndWithdrawn'],
    ]);
  });

  it('refuses a handover place naming both a port and a pass, or neither', () => {
    const both = buildHandoverRequest({ place: { portCode: 'CN-MZL', passCode: 'P-7' } });
    const neither = buildHandoverRequest({ place: { description: 'by the river' } });
    expect(pathsOf('handover.request', both)).toEqual(['/place']);
    expect(pathsOf('handover.request', neither)).toEqual(['/place']);
    expect(errorsOf('handover.request', both)[0]).toMatchObject({ keyword: 'portOrPass' });
  });

  it('refuses an operation window that ends before it starts', () => {
    const body = buildOperationInvite({ startsAt: '2026-12-01T06:00:00Z', endsAt: '2026-12-01T01:00:00Z' });
    expect(pathsOf('operation.invite', body)).toEqual(['/endsAt']);
  });

  it('refuses a route point outside the globe', () => {
    const body = buildOperationInvite({
      route: {
        type: 'LineString',
        coordinates: [
          [111.9, 43.6],
          [112, 95],
        ],
      },
    });
    expect(pathsOf('operation.invite', body)).toEqual(['/route/coordinates/1/1']);
  });

  it('refuses an after-action report whose persons by outcome exceed the persons intercepted', () => {
    const body = buildOperationReport({
      interceptions: { events: 1, persons: 2, byOutcome: [{ outcome: 'detained', persons: 3 }] },
    });
    expect(errorsOf('operation.report', body)).toEqual([
      {
        path: '/interceptions/byOutcome',
        message: 'persons by outcome (3) exceed the persons intercepted (2)',
        keyword: 'outcomesExceedPersons',
        params: { total: 3, persons: 2 },
      },
    ]);
  });

  it('throws exchange.invalid_body with every error from assertValidBody', () => {
    const call = () => assertValidBody('port.policy', { schemaVersion: 1 });
    expect(call).toThrow(AppError);
    try {
      call();
    } catch (error) {
      expect(error).toMatchObject({ kind: 'invalid', code: 'exchange.invalid_body' });
      expect((error as AppError).details?.errors).toHaveLength(4);
    }
  });

  it('gives every schema additionalProperties false and a schema version except the liaison message', () => {
    for (const type of NOTIFICATION_TYPES) {
      const schema = bodySchemaFor(type);
      expect(schema.additionalProperties).toBe(false);
      expect(Object.hasOwn(schema.properties, 'schemaVersion')).toBe(type !== 'liaison.message');
    }
  });
});

describe('personal data', () => {
  it('marks exactly the four types that name persons, each with a retention period', () => {
    expect([...PERSONAL_DATA_TYPES].sort()).toEqual([
      'handover.request',
      'hit.notice',
      'persons.movement',
      'watchlist.share',
    ]);
    for (const type of PERSONAL_DATA_TYPES) expect(personalDataRetentionDays(type)).toBeGreaterThan(0);
  });

  it('gives no retention limit to types without personal data', () => {
    expect(personalDataRetentionDays('situation.daily')).toBeNull();
    expect(personalDataRetentionDays('liaison.message')).toBeNull();
  });
});
