import { describe, expect, it } from 'vitest';
import { nextStatus } from './lifecycle.js';
import { expandWeekly } from './recurrence.js';

const first = { startsAt: '2026-03-02T22:00:00.000Z', endsAt: '2026-03-03T02:00:00.000Z' };

describe('weekly recurrence', () => {
  it('keeps time of day and duration, even across midnight', () => {
    const got = expandWeekly(first, { frequency: 'weekly', byDay: ['MO'], until: '2026-03-10T00:00:00Z' });
    expect(got).toEqual([
      first,
      { startsAt: '2026-03-09T22:00:00.000Z', endsAt: '2026-03-10T02:00:00.000Z' },
    ]);
  });

  it('skips weeks by interval and includes an occurrence on the until instant', () => {
    const got = expandWeekly(first, {
      frequency: 'weekly',
      byDay: ['MO', 'WE'],
      interval: 2,
      until: '2026-03-16T22:00:00Z',
    });
    expect(got.map((o) => o.startsAt.slice(0, 10))).toEqual(['2026-03-02', '2026-03-04', '2026-03-16']);
  });

  it('refuses a rule that ends before the first window', () => {
    expect(() =>
      expandWeekly(first, { frequency: 'weekly', byDay: ['MO'], until: '2026-03-01T00:00:00Z' }),
    ).toThrow(/before the first window starts/);
  });

  it('refuses a rule with more occurrences than a schedule may hold', () => {
    expect(() =>
      expandWeekly(first, {
        frequency: 'weekly',
        byDay: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'],
        until: '2028-01-01T00:00:00Z',
      }),
    ).toThrow(/more than 366/);
  });
});

describe('operation lifecycle', () => {
  it('lets only the invitee answer a proposal and only the proposer answer a counter-proposal', () => {
    expect(nextStatus('proposed', 'agree', 'invitee')).toBe('agreed');
    expect(() => nextStatus('proposed', 'agree', 'proposer')).toThrow(/waits for the invitee/);
    expect(nextStatus('counter_proposed', 'agree', 'proposer')).toBe('agreed');
    expect(() => nextStatus('counter_proposed', 'decline', 'invitee')).toThrow(/waits for the proposer/);
  });

  it('names the current state and the allowed ones for an illegal transition', () => {
    expect(() => nextStatus('draft', 'complete', 'proposer')).toThrow(
      'Cannot complete an operation that is draft; allowed only from in_progress',
    );
  });
});
