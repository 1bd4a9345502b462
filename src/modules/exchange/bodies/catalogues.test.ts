import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { NOTIFICATION_TYPES } from './body-schemas.js';
import { CATALOGUES, formatMessage, messageKeys } from './catalogues/catalogue.js';
import { CODE_LISTS, type CodeListName, codeLabel, codesOf } from './code-lists.js';
import { LANGUAGES, LOCALE_OF } from './language.js';

type Ast = ReturnType<IntlMessageFormat['getAst']>;

/** Argument names a message uses, found by walking its parsed form (plural and select branches included). */
const argumentNames = (elements: Ast, names = new Set<string>()): Set<string> => {
  for (const element of elements) {
    if ('value' in element && element.type !== 0 && typeof element.value === 'string')
      names.add(element.value);
    if ('options' in element) {
      for (const option of Object.values(element.options)) argumentNames(option.value, names);
    }
  }
  return names;
};

/** The literal text of a message, every branch included, without its arguments. */
const literalText = (elements: Ast): string =>
  elements
    .map((element) => {
      if (element.type === 0) return element.value;
      if ('options' in element)
        return Object.values(element.options)
          .map((option) => literalText(option.value))
          .join(' ');
      return ' ';
    })
    .join('');

describe('message catalogues', () => {
  it('carry exactly the same keys in zh, en and ru', () => {
    const english = messageKeys().sort();
    expect(english.length).toBeGreaterThan(50);
    for (const lang of LANGUAGES) expect(Object.keys(CATALOGUES[lang]).sort()).toEqual(english);
  });

  it('parse every message as ICU MessageFormat in its own locale', () => {
    for (const lang of LANGUAGES) {
      for (const key of messageKeys()) {
        expect(
          () => new IntlMessageFormat(CATALOGUES[lang][key], LOCALE_OF[lang]),
          `${lang} ${key}`,
        ).not.toThrow();
      }
    }
  });

  it('use the same arguments for a key in every language', () => {
    for (const key of messageKeys()) {
      const english = [...argumentNames(new IntlMessageFormat(CATALOGUES.en[key], 'en').getAst())].sort();
      for (const lang of LANGUAGES) {
        const ast = new IntlMessageFormat(CATALOGUES[lang][key], LOCALE_OF[lang]).getAst();
        expect([...argumentNames(ast)].sort(), `${lang} ${key}`).toEqual(english);
      }
    }
  });

  it('contain no leftover English words in the Chinese and Russian catalogues', () => {
    const latinWord = /[A-Za-z]{3,}/;
    for (const lang of ['zh', 'ru'] as const) {
      for (const key of messageKeys()) {
        const ast = new IntlMessageFormat(CATALOGUES[lang][key], LOCALE_OF[lang]).getAst();
        const text = literalText(ast).replace('Borderlink', '');
        expect(latinWord.test(text), `${lang} ${key}: ${text}`).toBe(false);
      }
    }
  });
});

describe('Russian plural forms', () => {
  const forms = (key: Parameters<typeof formatMessage>[1], argument: string) =>
    [1, 2, 5, 21].map((count) => formatMessage('ru', key, { [argument]: count, timeZone: 'Asia/Shanghai' }));

  it('count quarantine days as день, дня, дней, день', () => {
    expect(forms('portPolicy.quarantine', 'days')).toEqual([
      'Карантин: 1 день',
      'Карантин: 2 дня',
      'Карантин: 5 дней',
      'Карантин: 21 день',
    ]);
  });

  it('count shared entries as запись, записи, записей, запись', () => {
    expect(forms('watchlistShare.title', 'count').map((title) => title.split(': ')[1])).toEqual([
      '1 запись',
      '2 записи',
      '5 записей',
      '21 запись',
    ]);
  });

  it('count persons as лицо, лица, лиц, лицо', () => {
    expect(forms('personsMovement.title', 'count').map((title) => title.split(': ')[1])).toEqual([
      '1 лицо',
      '2 лица',
      '5 лиц',
      '21 лицо',
    ]);
  });

  it('put counties in the dative after по: району, районам, районам, району', () => {
    expect(forms('situationDaily.summary', 'count').map((line) => line.split(' (')[0])).toEqual([
      'Представлены данные по 1 приграничному району',
      'Представлены данные по 2 приграничным районам',
      'Представлены данные по 5 приграничным районам',
      'Представлены данные по 21 приграничному району',
    ]);
  });

  it('agree the verb with the number of measures', () => {
    expect(forms('measuresUpdate.summary', 'count')).toEqual([
      'Действует или вводится 1 мера:',
      'Действуют или вводятся 2 меры:',
      'Действуют или вводятся 5 мер:',
      'Действует или вводится 21 мера:',
    ]);
  });

  it('uses the genitive singular for fractions: 1,5 часа', () => {
    const line = formatMessage('ru', 'operationInvite.window', {
      startsAt: new Date('2026-12-01T01:00:00Z'),
      endsAt: new Date('2026-12-01T02:30:00Z'),
      hours: 1.5,
    });
    expect(line).toMatch(/\(1,5 часа\)$/);
  });

  it('says no quarantine rather than 0 days in every language', () => {
    expect(formatMessage('ru', 'portPolicy.quarantine', { days: 0 })).toBe('Карантин: не требуется');
    expect(formatMessage('en', 'portPolicy.quarantine', { days: 0 })).toBe('Quarantine: not required');
    expect(formatMessage('zh', 'portPolicy.quarantine', { days: 0 })).toBe('隔离要求：无需隔离');
  });
});

describe('code lists', () => {
  const listNames = Object.keys(CODE_LISTS) as CodeListName[];

  it('label every code in zh, en and ru', () => {
    for (const name of listNames) {
      for (const code of codesOf(name)) {
        for (const lang of LANGUAGES)
          expect(codeLabel(name, code, lang).trim(), `${name}.${code}.${lang}`).not.toBe('');
      }
    }
  });

  it('cover every notification type', () => {
    expect([...codesOf('notificationType')]).toEqual([...NOTIFICATION_TYPES]);
  });

  it('carry the lists the design names', () => {
    expect(codesOf('interceptionOutcome')).toEqual([
      'persuaded_to_return',
      'detained',
      'handed_over',
      'sent_to_quarantine',
      'released',
    ]);
    expect(codesOf('interceptionReason')).toEqual([
      'illegal_crossing_attempt',
      'involved_in_epidemic',
      'smuggling',
      'other',
    ]);
    expect(codesOf('priority')).toEqual(['routine', 'urgent', 'flash']);
  });

  it('give the official wording of a port status in each language', () => {
    expect(codeLabel('portStatus', 'cargo_only', 'zh')).toBe('仅限货运');
    expect(codeLabel('portStatus', 'cargo_only', 'ru')).toBe('Только грузовые перевозки');
    expect(codeLabel('portStatus', 'cargo_only', 'en')).toBe('Cargo only');
  });

  it('keep the inline form lower case and the standalone form capitalised', () => {
    expect(codeLabel('riskLevel', 'high', 'ru', 'inline')).toBe('высокий');
    expect(codeLabel('riskLevel', 'high', 'ru')).toBe('Высокий');
    expect(codeLabel('testRequirement', 'pcr', 'ru', 'inline')).toBe('ПЦР-тест');
  });

  it('fall back to the code itself for a code a newer peer may send', () => {
    expect(codeLabel('portStatus', 'partially_open', 'en')).toBe('partially_open');
    expect(codeLabel('portStatus', 'toString', 'en')).toBe('toString');
  });
});
