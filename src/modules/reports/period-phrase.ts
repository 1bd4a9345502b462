import type { Language } from '../../core/auth/roles.js';

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
// Russian needs the month in three cases: "в марте", "с января по июнь", "1 марта".
const RU_NOMINATIVE = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];
const RU_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const RU_PREPOSITIONAL = [
  'январе',
  'феврале',
  'марте',
  'апреле',
  'мае',
  'июне',
  'июле',
  'августе',
  'сентябре',
  'октябре',
  'ноябре',
  'декабре',
];

interface Day {
  year: number;
  /** 0-based. */
  month: number;
  day: number;
}

const parse = (date: string): Day => {
  const [year, month, day] = date.split('-').map(Number);
  return { year: year ?? 0, month: (month ?? 1) - 1, day: day ?? 1 };
};

const lastDayOfMonth = (day: Day) => new Date(Date.UTC(day.year, day.month + 1, 0)).getUTCDate();

const at = (list: readonly string[], index: number) => list[index] ?? '';

function enDay(d: Day, withYear: boolean) {
  return `${d.day} ${at(EN_MONTHS, d.month)}${withYear ? ` ${d.year}` : ''}`;
}

function ruDay(d: Day, withYear: boolean) {
  return `${d.day} ${at(RU_GENITIVE, d.month)}${withYear ? ` ${d.year} года` : ''}`;
}

function zhDay(d: Day, withYear: boolean) {
  return `${withYear ? `${d.year}年` : ''}${d.month + 1}月${d.day}日`;
}

/** How a press release opens on a period: "From January to June 2021", "2021年1至6月", "С января по июнь 2021 года". */
export function periodPhrase(from: string, to: string, lang: Language): string {
  const a = parse(from);
  const b = parse(to);
  const wholeMonths = a.day === 1 && b.day === lastDayOfMonth(b) && a.year === b.year;
  if (wholeMonths && a.month === 0 && b.month === 11) {
    return { en: `In ${a.year}`, zh: `${a.year}年`, ru: `В ${a.year} году` }[lang];
  }
  if (wholeMonths && a.month === b.month) {
    return {
      en: `In ${at(EN_MONTHS, a.month)} ${a.year}`,
      zh: `${a.year}年${a.month + 1}月`,
      ru: `В ${at(RU_PREPOSITIONAL, a.month)} ${a.year} года`,
    }[lang];
  }
  if (wholeMonths) {
    return {
      en: `From ${at(EN_MONTHS, a.month)} to ${at(EN_MONTHS, b.month)} ${a.year}`,
      zh: `${a.year}年${a.month + 1}至${b.month + 1}月`,
      ru: `С ${at(RU_GENITIVE, a.month)} по ${at(RU_NOMINATIVE, b.month)} ${a.year} года`,
    }[lang];
  }
  if (from === to) {
    return { en: `On ${enDay(a, true)}`, zh: zhDay(a, true), ru: `${ruDay(a, true)}` }[lang];
  }
  const sameYear = a.year === b.year;
  return {
    en: `From ${enDay(a, !sameYear)} to ${enDay(b, true)}`,
    zh: `${zhDay(a, true)}至${zhDay(b, !sameYear)}`,
    ru: `С ${ruDay(a, !sameYear)} по ${ruDay(b, true)}`,
  }[lang];
}
