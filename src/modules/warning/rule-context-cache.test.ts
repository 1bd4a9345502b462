import { describe, expect, it } from 'vitest';
import { EventBus } from '../../core/events.js';
import { cachedRuleContexts, forgetRuleContexts, type RuleContext } from './rules.js';

/** A rule context loader that counts its loads, with a clock the test moves. */
function fixture(ttlMs = 5000) {
  let now = 0;
  const loads: string[] = [];
  const events = new EventBus();
  const load = async (today: string): Promise<RuleContext> => {
    loads.push(today);
    if (today === 'broken') throw new Error('database unavailable');
    return {
      enabled: new Set(),
      flagged: new Map(),
      riskLevel: async () => null,
      portStatus: async () => null,
    };
  };
  const contextOf = cachedRuleContexts(load, events, ttlMs, () => now);
  return { contextOf, loads, events, advance: (ms: number) => (now += ms) };
}

describe('rule context cache', () => {
  it('loads the rules once for the requests of a few seconds, then again', async () => {
    const { contextOf, loads, advance } = fixture();
    const first = await contextOf('2026-11-27');
    advance(4999);
    expect(await contextOf('2026-11-27')).toBe(first);
    advance(1);
    expect(await contextOf('2026-11-27')).not.toBe(first);
    expect(loads).toHaveLength(2);
  });

  it('loads again at once when the rules change in this process or the day turns', async () => {
    const { contextOf, loads } = fixture();
    await contextOf('2026-11-27');
    forgetRuleContexts();
    await contextOf('2026-11-27');
    await contextOf('2026-11-28');
    expect(loads).toEqual(['2026-11-27', '2026-11-27', '2026-11-28']);
  });

  it('loads again when the situation announces a port status or risk change', async () => {
    const { contextOf, loads, events } = fixture();
    await contextOf('2026-11-27');
    events.publish({ type: 'hit.raised', agencyCode: 'CN-NIA', data: {} });
    await contextOf('2026-11-27');
    events.publish({
      type: 'situation.port_status_changed',
      agencyCode: 'CN-NIA',
      data: { portCode: 'ERLIAN' },
    });
    await contextOf('2026-11-27');
    expect(loads).toHaveLength(2);
  });

  it('does not keep a load that failed', async () => {
    const { contextOf, loads } = fixture();
    await expect(contextOf('broken')).rejects.toThrow('database unavailable');
    await expect(contextOf('broken')).rejects.toThrow('database unavailable');
    expect(loads).toHaveLength(2);
  });
});
