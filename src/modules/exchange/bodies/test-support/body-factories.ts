import type {
  BodyOf,
  CountySituation,
  HandoverRequestBody,
  HitNoticeBody,
  LiaisonMessageBody,
  MeasuresUpdateBody,
  NotificationType,
  OperationInviteBody,
  OperationReportBody,
  PersonMovement,
  PersonsMovementBody,
  PortPolicyBody,
  SharedWatchlistEntry,
  SituationDailyBody,
  WatchlistShareBody,
} from '../body-schemas.js';

export const buildCounty = (overrides: Partial<CountySituation> = {}): CountySituation => ({
  countyCode: 'CN-152501',
  confirmed: 12_345,
  newLocal: 21,
  newImported: 2,
  asymptomatic: 5,
  deaths: 1,
  underObservation: 340,
  tests: 15_000,
  vaccinationCoverage: 87.5,
  riskLevel: 'medium',
  ...overrides,
});

export const buildSituationDaily = (overrides: Partial<SituationDailyBody> = {}): SituationDailyBody => ({
  schemaVersion: 1,
  reportDate: '2026-11-27',
  timeZone: 'Asia/Shanghai',
  counties: [buildCounty()],
  version: 1,
  ...overrides,
});

export const buildPortPolicy = (overrides: Partial<PortPolicyBody> = {}): PortPolicyBody => ({
  schemaVersion: 1,
  portCode: 'CN-ERL',
  counterpartPortCode: 'MN-ZMU',
  status: 'cargo_only',
  measures: { testRequired: 'pcr', quarantineDays: 14, openingHours: '08:00-18:00' },
  effectiveFrom: '2026-11-28T00:00:00+08:00',
  ...overrides,
});

export const buildMeasuresUpdate = (overrides: Partial<MeasuresUpdateBody> = {}): MeasuresUpdateBody => ({
  schemaVersion: 1,
  area: 'CN-152501',
  measures: [
    { type: 'mass_testing', effectiveFrom: '2026-11-27', effectiveTo: '2026-11-30' },
    { type: 'gathering_limit', description: 'Не более 10 человек', effectiveFrom: '2026-11-27' },
  ],
  ...overrides,
});

export const buildPersonMovement = (overrides: Partial<PersonMovement> = {}): PersonMovement => ({
  surname: 'Zhang',
  givenNames: 'San',
  nativeName: '张三',
  sex: 'M',
  birthDate: '1985-03',
  nationality: 'CHN',
  documentNumber: 'E12345678',
  category: 'close_contact',
  direction: 'entry',
  portCode: 'CN-ERL',
  movedAt: '2026-11-27T08:00:00Z',
  ...overrides,
});

export const buildPersonsMovement = (overrides: Partial<PersonsMovementBody> = {}): PersonsMovementBody => ({
  schemaVersion: 1,
  persons: [buildPersonMovement()],
  ...overrides,
});

export const buildWatchlistEntry = (overrides: Partial<SharedWatchlistEntry> = {}): SharedWatchlistEntry => ({
  entryId: 'MN-GABP-2026-0001',
  category: 'confirmed_case',
  surname: 'Batbayar',
  givenNames: 'Dorj',
  nativeName: 'Батбаяр Дорж',
  aliases: ['Batbayar Dorzh'],
  sex: 'M',
  birthDate: '1990-07-14',
  nationality: 'MNG',
  documentType: 'passport',
  documentNumber: 'E1234567',
  issuingState: 'MNG',
  reason: 'Positive PCR test on 2026-11-20',
  validFrom: '2026-11-20',
  validUntil: '2026-12-04',
  ...overrides,
});

export const buildWatchlistShare = (overrides: Partial<WatchlistShareBody> = {}): WatchlistShareBody => ({
  schemaVersion: 1,
  entries: [buildWatchlistEntry()],
  ...overrides,
});

export const buildHitNotice = (overrides: Partial<HitNoticeBody> = {}): HitNoticeBody => ({
  schemaVersion: 1,
  entryId: 'MN-GABP-2026-0001',
  sharedNotificationId: '019ac5a2-7c1e-7d3a-9b2f-2f4e1c0d9a11',
  crossing: { portCode: 'CN-ERL', direction: 'entry', crossedAt: '2026-11-27T08:00:00Z' },
  verdict: 'hit',
  score: 0.97,
  actionTaken: 'secondary_health_check',
  replyBy: '2026-11-27T20:00:00Z',
  ...overrides,
});

export const buildHandoverRequest = (overrides: Partial<HandoverRequestBody> = {}): HandoverRequestBody => ({
  schemaVersion: 1,
  person: { surname: 'Ivanov', givenNames: 'Sergei', nationality: 'RUS', birthDate: '1979-02-11' },
  health: { testResult: 'negative', testedAt: '2026-11-26T10:00:00Z', symptoms: ['fever', 'cough'] },
  proposedAt: '2026-11-28T02:00:00Z',
  place: { portCode: 'CN-MZL', description: 'Gate 2' },
  interceptionId: '019ac5a2-7c1e-7d3a-9b2f-2f4e1c0d9a12',
  stage: 'request',
  ...overrides,
});

export const buildOperationInvite = (overrides: Partial<OperationInviteBody> = {}): OperationInviteBody => ({
  schemaVersion: 1,
  operationId: '019ac5a2-7c1e-7d3a-9b2f-2f4e1c0d9a13',
  kind: 'patrol',
  title: 'Weekly patrol, section 12',
  sectionCode: 'CN-MN-S12',
  startsAt: '2026-12-01T01:00:00Z',
  endsAt: '2026-12-01T06:00:00Z',
  route: {
    type: 'LineString',
    coordinates: [
      [111.9, 43.6],
      [112.0, 43.65],
    ],
  },
  meetingPoints: [{ name: 'Marker 512', markerCode: '512', at: '2026-12-01T03:00:00Z' }],
  radioChannel: 'CH 7',
  contacts: [{ name: 'Li Wei', role: 'patrol commander', phone: '+86 479 123 4567' }],
  stage: 'proposed',
  ...overrides,
});

export const buildOperationReport = (overrides: Partial<OperationReportBody> = {}): OperationReportBody => ({
  schemaVersion: 1,
  operationId: '019ac5a2-7c1e-7d3a-9b2f-2f4e1c0d9a13',
  kind: 'patrol',
  findings: 'Two groups turned back at marker 512.',
  interceptions: {
    events: 2,
    persons: 5,
    byOutcome: [
      { outcome: 'persuaded_to_return', persons: 4 },
      { outcome: 'detained', persons: 1 },
    ],
  },
  lessons: 'Radio coverage is weak near marker 515.',
  completedAt: '2026-12-01T06:10:00Z',
  ...overrides,
});

export const buildLiaisonMessage = (overrides: Partial<LiaisonMessageBody> = {}): LiaisonMessageBody => ({
  subject: 'Meeting on 3 December',
  text: 'Уважаемые коллеги, предлагаем провести встречу 3 декабря.',
  ...overrides,
});

/** A valid body of every type, for tests that loop over all of them. */
export const GOOD_BODIES: { [T in NotificationType]: () => BodyOf<T> } = {
  'situation.daily': buildSituationDaily,
  'port.policy': buildPortPolicy,
  'measures.update': buildMeasuresUpdate,
  'persons.movement': buildPersonsMovement,
  'watchlist.share': buildWatchlistShare,
  'hit.notice': buildHitNotice,
  'handover.request': buildHandoverRequest,
  'operation.invite': buildOperationInvite,
  'operation.report': buildOperationReport,
  'liaison.message': buildLiaisonMessage,
};
