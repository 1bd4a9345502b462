import { describe, expect, it } from 'vitest';
import { periodPhrase } from './period-phrase.js';
import type { Statistics } from './reports.schema.js';
import { roundForSummary, shownFigure } from './rounding.js';
import { workSummary } from './summary.js';
import { buildStats } from './test-support/factories.js';

describe('summary rounding', () => {
  it('rounds down to two significant figures and says "more than" only when that loses something', () => {
    expect(roundForSummary(2237)).toEqual({ exact: 2237, shownNumber: 2200, moreThan: true });
    expect(roundForSummary(3051)).toEqual({ exact: 3051, shownNumber: 3000, moreThan: true });
    expect(roundForSummary(2200)).toEqual({ exact: 2200, shownNumber: 2200, moreThan: false });
    expect(roundForSummary(157)).toEqual({ exact: 157, shownNumber: 150, moreThan: true });
    expect(roundForSummary(123_456)).toMatchObject({ shownNumber: 120_000, moreThan: true });
  });

  it('gives figures below 100 exactly', () => {
    expect(roundForSummary(99)).toEqual({ exact: 99, shownNumber: 99, moreThan: false });
    expect(roundForSummary(10)).toEqual({ exact: 10, shownNumber: 10, moreThan: false });
    expect(roundForSummary(0)).toEqual({ exact: 0, shownNumber: 0, moreThan: false });
  });

  it('writes the rounded figure the way each language does', () => {
    const figure = roundForSummary(2237);
    expect(shownFigure(figure, 'en')).toBe('more than 2,200');
    expect(shownFigure(figure, 'zh')).toBe('2200余');
    expect(shownFigure(figure, 'ru')).toBe('более 2\u00a0200');
  });
});

describe('period phrases', () => {
  it('opens on whole months, single months, years and day ranges', () => {
    expect(periodPhrase('2021-01-01', '2021-06-30', 'en')).toBe('From January to June 2021');
    expect(periodPhrase('2021-01-01', '2021-06-30', 'zh')).toBe('2021年1至6月');
    expect(periodPhrase('2021-01-01', '2021-06-30', 'ru')).toBe('С января по июнь 2021 года');
    expect(periodPhrase('2021-03-01', '2021-03-31', 'ru')).toBe('В марте 2021 года');
    expect(periodPhrase('2021-01-01', '2021-12-31', 'zh')).toBe('2021年');
    expect(periodPhrase('2021-02-01', '2021-02-07', 'en')).toBe('From 1 February to 7 February 2021');
    expect(periodPhrase('2020-12-28', '2021-01-03', 'zh')).toBe('2020年12月28日至2021年1月3日');
    expect(periodPhrase('2021-03-05', '2021-03-05', 'ru')).toBe('5 марта 2021 года');
  });
});

describe('work summary', () => {
  it('reads like the press release in English, with the figures rounded by the stated rule', () => {
    const summary = workSummary(buildStats(), 'en');
    expect(summary.text).toMatch(
      /^From January to June 2021, more than 2,200 pieces of epidemic-related information/,
    );
    expect(summary.text).toContain('the counterpart agencies of 3 neighbouring countries');
    expect(summary.text).toContain('more than 3,000 suspicious persons were intercepted in 812 incidents');
    expect(summary.text).toContain('more than 2,800 of whom were persuaded to return');
    expect(summary.text).toContain('leaders of counterpart agencies wrote or called 10 times');
    expect(summary.text).not.toContain('meeting');
    expect(summary.text.endsWith('.')).toBe(true);
    expect(summary.roundingRule).toContain('two significant figures');
  });

  it('reads like the press release in Chinese', () => {
    const { text } = workSummary(buildStats(), 'zh');
    expect(text).toMatch(/^2021年1至6月，与3个周边国家对口部门互通疫情信息2200余条/);
    expect(text).toContain('拦截可疑人员3000余名');
    expect(text).toContain('对方部门领导来信来电10次');
    expect(text.endsWith('。')).toBe(true);
  });

  it('agrees Russian nouns with their numbers', () => {
    const text = (liaison: Statistics['liaison']) => workSummary(buildStats({ liaison }), 'ru').text;
    expect(text({ letters: 1, calls: 0, meetings: 1, byParty: {} })).toContain(
      'звонили 1 раз; проведено 1 встреча',
    );
    expect(text({ letters: 1, calls: 2, meetings: 3, byParty: {} })).toContain(
      'звонили 3 раза; проведено 3 встречи',
    );
    expect(text({ letters: 5, calls: 0, meetings: 5, byParty: {} })).toContain(
      'звонили 5 раз; проведено 5 встреч',
    );
    expect(workSummary(buildStats(), 'ru').text).toContain('более 2\u00a0200 сообщений');
  });

  it('uses singular forms for one of a kind in English', () => {
    const stats = buildStats({
      hits: { total: 1, confirmed: 1, dismissed: 0, open: 0, byAction: {}, byPort: {}, byDirection: {} },
      liaison: { letters: 1, calls: 0, meetings: 1, byParty: {} },
    });
    const { text } = workSummary(stats, 'en');
    expect(text).toContain('the ports raised 1 watchlist hit, 1 of which was confirmed');
    expect(text).toContain('wrote or called once; 1 meeting was held');
  });

  it('puts every exact figure in the table beside the text', () => {
    const { table } = workSummary(buildStats(), 'en');
    const value = (key: string) => table.find((row) => row.key === key)?.value;
    expect(value('exchanged')).toBe(2237);
    expect(value('interceptedPersons')).toBe(3051);
    expect(value('persuadedToReturn')).toBe(2811);
    expect(value('acknowledgedPct')).toBe(96.4);
    expect(table.find((row) => row.key === 'interceptedPersons')?.shown).toBe('3,051');
  });

  it('leaves out what no module counted instead of claiming zero', () => {
    const stats = buildStats({ unavailable: ['notifications', 'hits', 'crossings'] });
    const summary = workSummary(stats, 'en');
    expect(summary.text).toMatch(/^From January to June 2021, 120 non-contact joint patrols/);
    expect(summary.text).not.toContain('information');
    expect(summary.table.map((row) => row.key)).not.toContain('sent');
    expect(summary.table.map((row) => row.key)).not.toContain('hits');
  });

  it('says plainly when nothing happened', () => {
    const stats = buildStats({ unavailable: ['notifications'] });
    const empty = {
      ...stats,
      hits: { ...stats.hits, total: 0 },
      operations: { patrols: 0, lawEnforcement: 0, exercises: 0, byStatus: {} },
      interceptions: { ...stats.interceptions, events: 0, persons: 0 },
      handovers: { requested: 0, accepted: 0, done: 0, byStatus: {} },
      liaison: { letters: 0, calls: 0, meetings: 0, byParty: {} },
    };
    expect(workSummary(empty, 'en').text).toBe(
      'From January to June 2021, no cooperation activity was recorded.',
    );
  });
});
