import type { Language } from '../../core/auth/roles.js';

/** Below this a figure is always given exactly: "more than 40" reads as evasive, not as a summary. */
export const EXACT_BELOW = 100;

/** A figure as the summary states it: the number its wording agrees with, and whether it is a lower bound. */
export interface RoundedFigure {
  readonly exact: number;
  readonly shownNumber: number;
  readonly moreThan: boolean;
}

/** Rounds down to two significant figures, and only says "more than" when that loses something. */
export function roundForSummary(exact: number): RoundedFigure {
  if (!Number.isInteger(exact) || exact < EXACT_BELOW) return { exact, shownNumber: exact, moreThan: false };
  const scale = 10 ** (Math.floor(Math.log10(exact)) - 1);
  const floored = Math.floor(exact / scale) * scale;
  return { exact, shownNumber: floored, moreThan: floored < exact };
}

const LOCALES: Readonly<Record<Language, string>> = { zh: 'zh-CN', en: 'en-GB', ru: 'ru-RU' };

/** Chinese press copy writes 2200, not 2,200; the others group thousands their own way. */
export function formatNumber(value: number, lang: Language): string {
  return new Intl.NumberFormat(LOCALES[lang], {
    useGrouping: lang !== 'zh',
    maximumFractionDigits: 1,
  }).format(value);
}

/** The figure in words-ready form: "more than 2,200", "2200余", "более 2 200", or the exact number. */
export function shownFigure(figure: RoundedFigure, lang: Language): string {
  const number = formatNumber(figure.shownNumber, lang);
  if (!figure.moreThan) return number;
  if (lang === 'zh') return `${number}余`;
  return lang === 'ru' ? `более ${number}` : `more than ${number}`;
}

export const ROUNDING_RULE: Readonly<Record<Language, string>> = {
  en:
    '"More than N" means the exact figure rounded down to two significant figures (2,237 → more than 2,200); ' +
    `it is used only when the exact figure is ${EXACT_BELOW} or more and larger than N. Smaller figures are ` +
    'given exactly. The table gives every exact figure.',
  zh:
    '“N余”表示将准确数字向下取两位有效数字（2237 → 2200余），仅在准确数字不小于' +
    `${EXACT_BELOW}且大于N时使用；小于${EXACT_BELOW}的数字按准确数字表述。全部准确数字见表。`,
  ru:
    '«Более N» — точное число, округлённое вниз до двух значащих цифр (2 237 → более 2 200); так пишется, ' +
    `только если точное число не меньше ${EXACT_BELOW} и больше N. Меньшие числа приводятся точно. ` +
    'Все точные числа — в таблице.',
};
