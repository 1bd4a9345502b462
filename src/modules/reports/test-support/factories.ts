import type { Statistics } from '../reports.schema.js';

/** Statistics as a half-year of cooperation might give them; override what a test is about. */
export function buildStats(overrides: Partial<Statistics> = {}): Statistics {
  return {
    period: { from: '2021-01-01', to: '2021-06-30', label: '2021-H1' },
    agency: 'CN-NIA',
    timeZone: 'Asia/Shanghai',
    generatedAt: '2021-07-01T00:00:00.000Z',
    unavailable: [],
    counterparts: 3,
    counterpartCountries: 3,
    notifications: {
      sent: 1200,
      received: 1037,
      byType: { 'situation.daily': { sent: 1100, received: 1000 } },
      byCounterpart: { 'MN-GABP': { sent: 600, received: 500 } },
      acknowledgedWithinDeadlinePct: 96.4,
      overdue: 3,
    },
    hits: { total: 57, confirmed: 41, dismissed: 10, open: 6, byAction: {}, byPort: {}, byDirection: {} },
    crossings: { total: 80_000, byDirection: {}, byPort: {} },
    interceptions: {
      events: 812,
      persons: 3051,
      byOutcome: { persuaded_to_return: { events: 700, persons: 2811 } },
      byDirection: {},
      byNationality: {},
      byPass: {},
    },
    operations: { patrols: 120, lawEnforcement: 4, exercises: 1, byStatus: {} },
    handovers: { requested: 40, accepted: 35, done: 31, byStatus: {} },
    liaison: { letters: 6, calls: 4, meetings: 0, byParty: {} },
    ...overrides,
  };
}
