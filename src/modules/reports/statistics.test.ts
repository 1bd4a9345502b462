import { describe, expect, it } from 'vitest';
import { resolvePeriod } from './period.js';
import type { CountWindow, ReportSources } from './report-sources.js';
import { buildStatistics } from './statistics.js';

const period = resolvePeriod({ period: '2021-H1' }, 'Asia/Shanghai');
const now = new Date('2021-07-01T00:00:00Z');

function fakeSources(overrides: Partial<ReportSources> = {}): ReportSources & { windows: CountWindow[] } {
  const windows: CountWindow[] = [];
  return {
    windows,
    counterparts: async () => [
      { code: 'MN-GABP', country: 'MN' },
      { code: 'MN-CUSTOMS', country: 'MN' },
      { code: 'VN-BG', country: 'VN' },
    ],
    notifications: async (window) => {
      windows.push(window);
      return {
        sent: 10,
        received: 7,
        byType: { 'situation.daily': { sent: 10, received: 7 } },
        byCounterpart: { 'MN-GABP': { sent: 10, received: 7 } },
        withDeadline: 3,
        acknowledgedWithinDeadline: 2,
        overdue: 1,
      };
    },
    handovers: async () => ({ total: 6, byStatus: { requested: 2, rescheduled: 1, accepted: 1, done: 2 } }),
    liaison: async () => ({
      total: 7,
      byChannel: { letter: 2, phone: 2, video: 1, meeting: 2 },
      byParty: { counterpart: 7 },
    }),
    ...overrides,
  };
}

describe('period statistics', () => {
  it('asks every module for the same window: the UTC instants and local days of the period', async () => {
    const sources = fakeSources();
    await buildStatistics(sources, 'CN-NIA', period, now);
    expect(sources.windows).toEqual([
      {
        startsAt: '2020-12-31T16:00:00.000Z',
        endsAt: '2021-06-30T16:00:00.000Z',
        from: '2021-01-01',
        to: '2021-06-30',
      },
    ]);
  });

  it('counts counterpart agencies and the countries they belong to', async () => {
    const stats = await buildStatistics(fakeSources(), 'CN-NIA', period, now);
    expect(stats.counterparts).toBe(3);
    expect(stats.counterpartCountries).toBe(2);
  });

  it('gives the share acknowledged in time with one decimal, and null when nothing had a deadline', async () => {
    expect((await buildStatistics(fakeSources(), 'CN-NIA', period, now)).notifications).toMatchObject({
      acknowledgedWithinDeadlinePct: 66.7,
      overdue: 1,
    });
    const none = fakeSources({
      notifications: async () => ({
        sent: 1,
        received: 0,
        byType: {},
        byCounterpart: {},
        withDeadline: 0,
        acknowledgedWithinDeadline: 0,
        overdue: 0,
      }),
    });
    expect(
      (await buildStatistics(none, 'CN-NIA', period, now)).notifications.acknowledgedWithinDeadlinePct,
    ).toBeNull();
  });

  it('counts a rescheduled handover as requested but not as accepted', async () => {
    const stats = await buildStatistics(fakeSources(), 'CN-NIA', period, now);
    expect(stats.handovers).toMatchObject({ requested: 6, accepted: 3, done: 2 });
  });

  it('counts phone and video calls together', async () => {
    const stats = await buildStatistics(fakeSources(), 'CN-NIA', period, now);
    expect(stats.liaison).toEqual({ letters: 2, calls: 3, meetings: 2, byParty: { counterpart: 7 } });
  });

  it('lists the sections no module counted instead of passing their zeros off as figures', async () => {
    const stats = await buildStatistics(fakeSources(), 'CN-NIA', period, now);
    expect(stats.unavailable).toEqual(['crossings', 'hits', 'interceptions', 'operations']);
    expect(stats.hits).toEqual({
      total: 0,
      confirmed: 0,
      dismissed: 0,
      open: 0,
      byAction: {},
      byPort: {},
      byDirection: {},
    });
  });
});
