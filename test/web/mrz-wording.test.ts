import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { problemFor } from '../../src/core/http/problem.js';
import { MRZ_ERROR_CODES, MRZ_FIELD_NAMES } from '../../src/modules/warning/mrz/index.js';
import {
  buildTd1,
  buildTd3,
  otherDigit,
  withCharacterAt,
} from '../../src/modules/warning/mrz/test-support/mrz-builder.js';
import { readTraveller } from '../../src/modules/warning/screening.service.js';
import { addTestPort, buildCrossing, TEST_PORT } from '../../src/modules/warning/test-support/factories.js';
import type { RowError } from '../../src/modules/warning/warning.schema.js';
import { type Problem, problemText, rowIssueText, type Wording } from '../../web/src/api/problem-text.js';
import type { ApiClient } from '../support/http-client.js';
import { useTestNode } from '../support/nodes.js';

type Catalogue = {
  issues: { warning: { mrz_invalid: Record<string, string> } };
  terms: { mrzField: Record<string, string> };
};

const LANGUAGES = ['en', 'zh', 'ru'] as const;

const catalogueOf = (language: string): Catalogue =>
  JSON.parse(readFileSync(join(process.cwd(), 'web/src/locales', language, 'problems.json'), 'utf8'));

/** An i18next instance in `language` holding the web app's problems catalogue, as the app loads it. */
async function wordingIn(language: string): Promise<Wording> {
  const instance = i18next.createInstance();
  const problems = catalogueOf(language);
  await instance.init({ lng: language, resources: { [language]: { translation: { problems } } } });
  return instance;
}

const readers = {
  en: { wording: await wordingIn('en'), locale: 'en-GB' },
  zh: { wording: await wordingIn('zh'), locale: 'zh-CN' },
  ru: { wording: await wordingIn('ru'), locale: 'ru-RU' },
};

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

/** Whether `text` is `template` with every placeholder filled in. */
const fills = (template: string, text: string) =>
  new RegExp(
    `^${template
      .split(/\{\{\w+\}\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.+')}$`,
  ).test(text);

/** A TD3 zone with the check digit at line 2, `position` changed. */
const brokenDigit = (position: number) => {
  const lines = buildTd3();
  const digit = lines[1]?.[position - 1] ?? '0';
  return withCharacterAt(lines, 2, position, otherDigit(digit));
};

/** A zone refused for each reason a zone is refused, with what the officer must read in every language. */
const REFUSED: ReadonlyArray<{ code: string; mrz: string }> = [
  { code: 'empty', mrz: '  \n ' },
  { code: 'line_count', mrz: [...buildTd3(), 'X'.repeat(44)].join('\n') },
  { code: 'line_length', mrz: [buildTd3()[0], buildTd3()[1]?.slice(0, 43)].join('\n') },
  { code: 'unknown_length', mrz: 'P<CHNZHANG<<WEI' },
  { code: 'character', mrz: withCharacterAt(buildTd3(), 1, 8, '#').join('\n') },
  { code: 'check_digit', mrz: brokenDigit(20).join('\n') },
  { code: 'document_code', mrz: withCharacterAt(buildTd3(), 1, 2, '1').join('\n') },
  { code: 'state_code', mrz: buildTd3({ nationality: 'CH1' }).join('\n') },
  { code: 'date', mrz: buildTd3({ birthDate: '851315' }).join('\n') },
  { code: 'sex', mrz: buildTd3({ sex: 'Q' as 'M' }).join('\n') },
  { code: 'document_number', mrz: withCharacterAt(buildTd1(), 1, 15, '<').join('\n') },
];

describe('the wording of a refused MRZ', () => {
  it('words every reason a zone is refused, and every field it names, with the same values in each language', () => {
    const english = catalogueOf('en');
    for (const language of LANGUAGES) {
      const { issues, terms } = { issues: catalogueOf(language).issues, terms: catalogueOf(language).terms };
      const byCode = issues.warning.mrz_invalid;
      expect(Object.keys(byCode).sort(), language).toEqual([...MRZ_ERROR_CODES].sort());
      for (const code of MRZ_ERROR_CODES) {
        expect(placeholders(byCode[code] ?? ''), `${language} ${code}`).toEqual(
          placeholders(english.issues.warning.mrz_invalid[code] ?? ''),
        );
      }
      expect(Object.keys(terms.mrzField).sort(), language).toEqual([...MRZ_FIELD_NAMES, 'mrz'].sort());
    }
  });

  it('gives each refusal the values its wording fills in, so no language falls back to English', () => {
    expect(REFUSED.map((refused) => refused.code).sort()).toEqual([...MRZ_ERROR_CODES].sort());
    for (const { code, mrz } of REFUSED) {
      const read = readTraveller({ mrz });
      if (read.ok) throw new Error(`${code}: the zone was read`);
      const refusal = read.problems.find((problem) => problem.details?.issue === code);
      expect(refusal, code).toBeDefined();
      const problem: Problem = problemFor(refusal, { url: '/api/v1/warning/crossings', id: 'req-1' });
      for (const language of LANGUAGES) {
        const { wording, locale } = readers[language];
        const text = problemText(problem, wording, locale);
        const template = catalogueOf(language).issues.warning.mrz_invalid[code] ?? '';
        // the wording of that very reason, filled in: not the generic line, nor the node's English
        expect(fills(template, text), `${language} ${code}: ${text}`).toBe(true);
      }
    }
  });

  it('names the field of a failed check digit in the reader’s words', () => {
    const read = readTraveller({ mrz: brokenDigit(20).join('\n') });
    if (read.ok) throw new Error('the zone was read');
    const problem = problemFor(read.problems[0], { url: '/api/v1/warning/crossings', id: 'req-1' });
    expect(problemText(problem, readers.en.wording, readers.en.locale)).toMatch(
      /^Machine-readable zone, line 2, character 20: the date of birth check digit is \d, but the data gives \d$/,
    );
    expect(problemText(problem, readers.zh.wording, readers.zh.locale)).toMatch(
      /^机读区第 2 行第 20 个字符：出生日期校验位为 \d，按数据计算应为 \d$/,
    );
    expect(problemText(problem, readers.ru.wording, readers.ru.locale)).toMatch(
      /^Машиночитаемая зона, строка 2, знак 20: контрольная цифра \(дата рождения\) — \d, а по данным должна быть \d$/,
    );
  });
});

describe('a refused MRZ from a running node, worded as the web app words it', () => {
  const testNode = useTestNode('sqlite', { code: 'CN-NIA' });
  let desk: ApiClient;
  beforeAll(async () => {
    await addTestPort(await testNode().admin());
    desk = await testNode().userWith(['port_officer'], { personalData: true });
  });

  it('names the line, the field and the failed check digit of a desk’s MRZ in Chinese and Russian', async () => {
    const [line1 = '', line2 = ''] = buildTd3({ documentNumber: 'E99887766' });
    const mrz = `${line1}\n${line2.slice(0, 9)}${otherDigit(line2[9] ?? '0')}${line2.slice(10)}`;
    const response = await desk.post<Problem>(
      '/api/v1/warning/crossings',
      buildCrossing({ identity: undefined, mrz }),
    );
    expect(response.body.code).toBe('warning.mrz_invalid');
    expect(problemText(response.body, readers.zh.wording, readers.zh.locale)).toMatch(
      /^机读区第 2 行第 10 个字符：证件号码校验位为 \d，按数据计算应为 \d$/,
    );
    expect(problemText(response.body, readers.ru.wording, readers.ru.locale)).toMatch(
      /^Машиночитаемая зона, строка 2, знак 10: контрольная цифра \(номер документа\) — \d, а по данным должна быть \d$/,
    );
  });

  it('words an MRZ refused for its shape in Chinese and Russian, not in English', async () => {
    const [line1 = '', line2 = ''] = buildTd3();
    const shortLine = await desk.post<Problem>(
      '/api/v1/warning/crossings',
      buildCrossing({ identity: undefined, mrz: `${line1}\n${line2.slice(0, 43)}` }),
    );
    expect(problemText(shortLine.body, readers.zh.wording, readers.zh.locale)).toBe(
      '机读区第 2 行有 43 个字符，应为 44 个',
    );
    expect(problemText(shortLine.body, readers.ru.wording, readers.ru.locale)).toBe(
      'Машиночитаемая зона, строка 2: знаков 43 вместо 44',
    );
    const unknown = await desk.post<Problem>(
      '/api/v1/warning/crossings',
      buildCrossing({ identity: undefined, mrz: 'P<CHNBROKEN' }),
    );
    expect(problemText(unknown.body, readers.zh.wording, readers.zh.locale)).toBe(
      '机读区第 1 行有 11 个字符，而机读区每行只能是 30、36 或 44 个字符',
    );
    expect(problemText(unknown.body, readers.ru.wording, readers.ru.locale)).toBe(
      'Машиночитаемая зона, строка 1: знаков 11, а строки машиночитаемой зоны бывают только из 30, 36 или 44 знаков',
    );
  });

  it('words each MRZ error of a crossings file’s row in Chinese and Russian', async () => {
    const broken = withCharacterAt(brokenDigit(20), 1, 8, '#');
    const csv = `direction,port_code,mrz\nentry,${TEST_PORT},"${broken.join('\n')}"\n`;
    const report = await desk.raw('POST', '/api/v1/warning/crossings/bulk', csv, 'text/csv');
    const errors = report.body.errors as RowError[];
    expect(errors.map((error) => [error.line, error.path, error.params?.issue])).toEqual([
      // a record ends on its last line, the zone's second
      [3, '/mrz', 'character'],
      [3, '/mrz', 'check_digit'],
      [3, '/mrz', 'check_digit'],
    ]);
    const words = (language: keyof typeof readers) =>
      errors.map((error) => rowIssueText(error, readers[language].wording, readers[language].locale));
    expect(words('zh')).toEqual([
      '机读区第 1 行第 8 个字符（姓名）为“#”，不允许使用：机读区只能含 A–Z、0–9 和 <',
      expect.stringMatching(/^机读区第 2 行第 20 个字符：出生日期校验位为 \d/),
      expect.stringMatching(/^机读区第 2 行第 44 个字符：综合校验位为 \d/),
    ]);
    expect(words('ru')[1]).toMatch(
      /^Машиночитаемая зона, строка 2, знак 20: контрольная цифра \(дата рождения\)/,
    );
  });
});
