import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { problemFor } from '../../src/core/http/problem.js';
import { expandWeekly } from '../../src/modules/operations/recurrence.js';
import { resolvePeriod } from '../../src/modules/reports/period.js';
import { fieldErrorText, type Problem, problemText, type Wording } from '../../web/src/api/problem-text.js';

/** An i18next instance in `language` holding the web app's problems catalogue, as the app loads it. */
async function wordingIn(language: string): Promise<Wording> {
  const problems: unknown = JSON.parse(
    readFileSync(join(process.cwd(), 'web/src/locales', language, 'problems.json'), 'utf8'),
  );
  const instance = i18next.createInstance();
  await instance.init({ lng: language, resources: { [language]: { translation: { problems } } } });
  return instance;
}

const readers = [
  { language: 'en', wording: await wordingIn('en'), locale: 'en-GB' },
  { language: 'zh', wording: await wordingIn('zh'), locale: 'zh-CN' },
  { language: 'ru', wording: await wordingIn('ru'), locale: 'ru-RU' },
] as const;

/** The problem the node would send for what `act` throws. */
function problemOf(act: () => unknown): Problem {
  try {
    act();
  } catch (error) {
    return problemFor(error, { url: '/api/v1/test', id: 'req-1' });
  }
  throw new Error('expected the call to throw');
}

const wordedIn = (problem: Problem) =>
  Object.fromEntries(
    readers.map((reader) => [reader.language, problemText(problem, reader.wording, reader.locale)]),
  );

describe('limits the node embeds in its English detail, worded in every language', () => {
  it('names the longest custom report period in days, whichever rule the period broke', () => {
    const tooLong = problemOf(() => resolvePeriod({ from: '2000-01-01', to: '2020-01-01' }, 'Asia/Shanghai'));
    const backwards = problemOf(() =>
      resolvePeriod({ from: '2021-02-01', to: '2021-01-01' }, 'Asia/Shanghai'),
    );
    for (const problem of [tooLong, backwards]) {
      expect(problem.code).toBe('reports.bad_period');
      const texts = wordedIn(problem);
      expect(texts.en).toContain('at most 3,660 days apart');
      expect(texts.zh).toContain('跨度不超过 3,660 天');
      // Russian groups thousands with a no-break space
      expect(texts.ru).toContain('не более 3\u00a0660 дн.');
    }
  });

  it('names the years a report period may fall in, written as years', () => {
    const texts = wordedIn(problemOf(() => resolvePeriod({ period: '0050' }, 'Asia/Shanghai')));
    expect(texts.en).toContain('within the years 1900 to 2999');
    expect(texts.zh).toContain('1900 至 2999 年');
    expect(texts.ru).toContain('1900–2999 гг.');
  });

  it('names the most occurrences a recurrence may make', () => {
    const problem = problemOf(() =>
      expandWeekly(
        { startsAt: '2026-01-05T08:00:00Z', endsAt: '2026-01-05T10:00:00Z' },
        {
          frequency: 'weekly',
          byDay: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'],
          until: '2028-01-01T00:00:00Z',
        },
      ),
    );
    expect(problem.code).toBe('operations.too_many_occurrences');
    const texts = wordedIn(problem);
    expect(texts.en).toBe('The recurrence makes more than 366 occurrences; choose an earlier end date');
    expect(texts.zh).toContain('超过 366 次');
    expect(texts.ru).toContain('(366)');
  });

  it("words a field's refusal like its problem, so the form shows the limit beside the field", () => {
    const problem = problemOf(() =>
      expandWeekly(
        { startsAt: '2026-01-05T08:00:00Z', endsAt: '2026-01-05T10:00:00Z' },
        { frequency: 'weekly', byDay: ['MO', 'WE'], interval: 1, until: '2031-01-01T00:00:00Z' },
      ),
    );
    const [error] = problem.errors ?? [];
    if (!error) throw new Error('expected a field error');
    for (const reader of readers) {
      expect(fieldErrorText(error, problem, reader.wording, reader.locale)).toBe(
        problemText(problem, reader.wording, reader.locale),
      );
    }
  });
});

// The details each call site now sends beside its English detail (see the AppErrors under src/).
const REFUSALS: ReadonlyArray<readonly [string, Readonly<Record<string, string | number>>]> = [
  ['auth.password_too_short', { minLength: 10 }],
  ['exchange.attachment_too_large', { maxMegabytes: 20 }],
  ['exchange.status_not_forward', { agency: 'MN-GABP' }],
  ['federation.attachment_too_large', { maxBytes: 20_971_520 }],
  ['federation.attachments_too_large', { maxBytes: 20_971_520, maxTotalBytes: 62_914_560 }],
  ['operations.import_too_large', { maxRows: 10_000, rows: 12_345 }],
  ['situation.bad_crossing_range', { maxDays: 366 }],
  ['warning.import_rejected', { rejected: 7 }],
  ['warning.entry_not_own', { agency: 'MN-GABP' }],
];

describe('refusals whose message names a value from their details', () => {
  it.each(REFUSALS)('words %s with every value it carries, in every language', (code, details) => {
    const problem: Problem = {
      type: `urn:borderlink:problem:${code}`,
      title: 'Bad request',
      status: 400,
      detail: 'the English detail',
      code,
      details,
    };
    for (const reader of readers) {
      const text = problemText(problem, reader.wording, reader.locale);
      expect(text).not.toBe(problem.detail);
      for (const value of Object.values(details)) {
        const shown = typeof value === 'number' ? new Intl.NumberFormat(reader.locale).format(value) : value;
        expect(text).toContain(shown);
      }
    }
  });
});

describe('counts of rejected rows', () => {
  it.each(['warning.import_rejected', 'situation.import_rejected'])(
    'words %s for one row without a plural that disagrees with it, in every language',
    (code) => {
      const problem: Problem = {
        type: `urn:borderlink:problem:${code}`,
        title: 'Bad request',
        status: 400,
        detail: 'the English detail',
        code,
        details: { rejected: 1 },
      };
      for (const reader of readers) {
        const text = problemText(problem, reader.wording, reader.locale);
        expect(text).not.toBe(problem.detail);
        expect(text).toContain('1');
        expect(text).not.toMatch(/\b1 rows\b/);
      }
    },
  );
});
