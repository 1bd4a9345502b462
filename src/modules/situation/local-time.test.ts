import { describe, expect, it } from 'vitest';
import { localDate, localTimeToInstant, offsetText } from './local-time.js';
import { exchangeNotifier } from './situation.notifier.js';

describe('local time of a reporting agency', () => {
  it('finds the instant a local clock shows a time, across zones and daylight saving', () => {
    expect(localTimeToInstant('2024-03-02', '10:00', 'Asia/Shanghai').toISOString()).toBe(
      '2024-03-02T02:00:00.000Z',
    );
    expect(localTimeToInstant('2024-07-01', '10:00', 'Europe/Moscow').toISOString()).toBe(
      '2024-07-01T07:00:00.000Z',
    );
    expect(localTimeToInstant('2024-03-31', '10:00', 'Europe/Berlin').toISOString()).toBe(
      '2024-03-31T08:00:00.000Z',
    );
  });

  it('tells the local date of an instant and the offset text of a day', () => {
    expect(localDate(new Date('2024-03-01T17:30:00Z'), 'Asia/Shanghai')).toBe('2024-03-02');
    expect(offsetText('2024-03-01', 'Asia/Ulaanbaatar')).toBe('+08:00');
    expect(offsetText('2024-03-01', 'UTC')).toBe('+00:00');
  });
});

describe('exchange notifier', () => {
  const body = {
    schemaVersion: 1 as const,
    reportDate: '2024-03-01',
    timeZone: 'UTC',
    version: 1,
    counties: [],
  };
  const request = {
    notification: { type: 'situation.daily' as const, body },
    to: ['MN-GABP', 'RU-FSB'],
    priority: 'routine' as const,
    reason: 'test',
  };
  const notifierWith = (peers: string[]) => {
    const calls: Array<{ type: string; draft: boolean; to: string[] }> = [];
    const notifier = exchangeNotifier(
      async (_trx, input) => calls.push(input),
      async () => new Set(peers),
    );
    return { calls, notifier };
  };

  it('creates one draft for every counterpart unless sending is asked for', async () => {
    const { calls, notifier } = notifierWith(['MN-GABP']);
    const handed = await notifier.notify({} as never, { ...request, send: false });
    expect(handed).toEqual({ sentTo: [], draftFor: ['MN-GABP', 'RU-FSB'] });
    expect(calls.map((c) => [c.type, c.draft, c.to])).toEqual([
      ['situation.daily', true, ['MN-GABP', 'RU-FSB']],
    ]);
  });

  it('sends to the counterparts that are peers and leaves a draft for the others', async () => {
    const { calls, notifier } = notifierWith(['MN-GABP']);
    const handed = await notifier.notify({} as never, { ...request, send: true });
    expect(handed).toEqual({ sentTo: ['MN-GABP'], draftFor: ['RU-FSB'] });
    expect(calls.map((c) => [c.draft, c.to])).toEqual([
      [false, ['MN-GABP']],
      [true, ['RU-FSB']],
    ]);
  });

  it('creates nothing to send when no counterpart is a peer, only the draft', async () => {
    const { calls, notifier } = notifierWith([]);
    expect(await notifier.notify({} as never, { ...request, send: true })).toEqual({
      sentTo: [],
      draftFor: ['MN-GABP', 'RU-FSB'],
    });
    expect(calls.map((c) => c.draft)).toEqual([true]);
  });
});
