import type { Language } from '../../core/auth/roles.js';
import { type CodeListName, codeLabel } from '../exchange/bodies/index.js';
import type { Statistics } from './reports.schema.js';
import { figureLabel, summaryFigures } from './summary.js';

/** One breakdown of the report: a titled table with one row per key, ready for CSV, XLSX and PDF. */
export interface Breakdown {
  readonly key: string;
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<{ key: string; label: string; values: number[] }>;
}

const TITLES: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  en: {
    figures: 'Key figures',
    notificationsByType: 'Notifications by type',
    notificationsByCounterpart: 'Notifications by counterpart',
    hitsByAction: 'Hits by action taken',
    hitsByPort: 'Hits by port',
    crossingsByPort: 'Crossings screened by port',
    crossingsByDirection: 'Crossings screened by direction',
    interceptionsByOutcome: 'Interceptions by outcome',
    interceptionsByDirection: 'Interceptions by direction',
    interceptionsByNationality: 'Interceptions by nationality',
    interceptionsByPass: 'Interceptions by pass',
    interceptionsByCounty: 'Interceptions by county',
    operationsByStatus: 'Joint operations by status',
    handoversByStatus: 'Handovers by status',
    liaisonByParty: 'Letters, calls and meetings by party',
    sent: 'sent',
    received: 'received',
    count: 'count',
    events: 'incidents',
    persons: 'persons',
    value: 'value',
  },
  zh: {
    figures: '主要数字',
    notificationsByType: '按类型统计通报',
    notificationsByCounterpart: '按对口部门统计通报',
    hitsByAction: '按处置措施统计比中',
    hitsByPort: '按口岸统计比中',
    crossingsByPort: '按口岸统计核查出入境',
    crossingsByDirection: '按方向统计核查出入境',
    interceptionsByOutcome: '按处理结果统计拦截',
    interceptionsByDirection: '按方向统计拦截',
    interceptionsByNationality: '按国籍统计拦截',
    interceptionsByPass: '按通道统计拦截',
    interceptionsByCounty: '按县市统计拦截',
    operationsByStatus: '按状态统计联合行动',
    handoversByStatus: '按状态统计移交',
    liaisonByParty: '按对象统计信函、通话和会晤',
    sent: '发出',
    received: '收到',
    count: '数量',
    events: '起数',
    persons: '人数',
    value: '数值',
  },
  ru: {
    figures: 'Основные показатели',
    notificationsByType: 'Сообщения по видам',
    notificationsByCounterpart: 'Сообщения по ведомствам',
    hitsByAction: 'Совпадения по принятым мерам',
    hitsByPort: 'Совпадения по пунктам пропуска',
    crossingsByPort: 'Проверенные пересечения по пунктам пропуска',
    crossingsByDirection: 'Проверенные пересечения по направлению',
    interceptionsByOutcome: 'Задержания по результату',
    interceptionsByDirection: 'Задержания по направлению',
    interceptionsByNationality: 'Задержания по гражданству',
    interceptionsByPass: 'Задержания по проходам',
    interceptionsByCounty: 'Задержания по районам',
    operationsByStatus: 'Совместные операции по статусу',
    handoversByStatus: 'Передачи по статусу',
    liaisonByParty: 'Письма, звонки и встречи по сторонам',
    sent: 'направлено',
    received: 'получено',
    count: 'количество',
    events: 'случаев',
    persons: 'лиц',
    value: 'значение',
  },
};

const title = (key: string, lang: Language) => TITLES[lang][key] ?? key;

type Labeller = (code: string) => string;
const plain: Labeller = (code) => code;
const coded =
  (list: CodeListName, lang: Language): Labeller =>
  (code) =>
    codeLabel(list, code, lang);

// Interceptions record attempted crossings, a code list of their own that exchange bodies do not carry.
const INTERCEPTION_DIRECTIONS: Readonly<Record<string, Readonly<Record<Language, string>>>> = {
  attempted_exit: { en: 'Attempted exit', zh: '企图非法出境', ru: 'Попытка выезда' },
  attempted_entry: { en: 'Attempted entry', zh: '企图非法入境', ru: 'Попытка въезда' },
};
const interceptionDirection =
  (lang: Language): Labeller =>
  (code) =>
    INTERCEPTION_DIRECTIONS[code]?.[lang] ?? code;

const byValueDescending = <T extends { values: number[]; key: string }>(a: T, b: T) =>
  (b.values[0] ?? 0) - (a.values[0] ?? 0) || a.key.localeCompare(b.key);

function countsTable(
  key: string,
  lang: Language,
  counts: Record<string, number>,
  label: Labeller,
): Breakdown {
  const rows = Object.entries(counts).map(([code, value]) => ({
    key: code,
    label: label(code),
    values: [value],
  }));
  return {
    key,
    title: title(key, lang),
    columns: [title('count', lang)],
    rows: rows.sort(byValueDescending),
  };
}

function talliesTable(
  key: string,
  lang: Language,
  tallies: Record<string, { events: number; persons: number }>,
  label: Labeller,
): Breakdown {
  const rows = Object.entries(tallies).map(([code, tally]) => ({
    key: code,
    label: label(code),
    values: [tally.persons, tally.events],
  }));
  return {
    key,
    title: title(key, lang),
    columns: [title('persons', lang), title('events', lang)],
    rows: rows.sort(byValueDescending),
  };
}

function sentReceivedTable(
  key: string,
  lang: Language,
  table: Record<string, { sent: number; received: number }>,
  label: Labeller,
): Breakdown {
  const rows = Object.entries(table).map(([code, value]) => ({
    key: code,
    label: label(code),
    values: [value.sent, value.received],
  }));
  return {
    key,
    title: title(key, lang),
    columns: [title('sent', lang), title('received', lang)],
    rows: rows.sort((a, b) => a.key.localeCompare(b.key)),
  };
}

/** The key figures and every breakdown, labelled in one language: what each export lays out. */
export function reportTables(stats: Statistics, lang: Language): Breakdown[] {
  const figures: Breakdown = {
    key: 'figures',
    title: title('figures', lang),
    columns: [title('value', lang)],
    rows: summaryFigures(stats).map(([key, value]) => ({
      key,
      label: figureLabel(key, lang),
      values: [value],
    })),
  };
  const i = stats.interceptions;
  const tables: Breakdown[] = [
    figures,
    sentReceivedTable(
      'notificationsByType',
      lang,
      stats.notifications.byType,
      coded('notificationType', lang),
    ),
    sentReceivedTable('notificationsByCounterpart', lang, stats.notifications.byCounterpart, plain),
    countsTable('hitsByAction', lang, stats.hits.byAction, coded('hitAction', lang)),
    countsTable('hitsByPort', lang, stats.hits.byPort, plain),
    countsTable('crossingsByDirection', lang, stats.crossings.byDirection, coded('direction', lang)),
    countsTable('crossingsByPort', lang, stats.crossings.byPort, plain),
    talliesTable('interceptionsByOutcome', lang, i.byOutcome, coded('interceptionOutcome', lang)),
    talliesTable('interceptionsByDirection', lang, i.byDirection, interceptionDirection(lang)),
    talliesTable('interceptionsByNationality', lang, i.byNationality, plain),
    talliesTable('interceptionsByPass', lang, i.byPass, plain),
    ...(i.byCounty ? [talliesTable('interceptionsByCounty', lang, i.byCounty, plain)] : []),
    countsTable('operationsByStatus', lang, stats.operations.byStatus, plain),
    countsTable('handoversByStatus', lang, stats.handovers.byStatus, plain),
    countsTable('liaisonByParty', lang, stats.liaison.byParty, plain),
  ];
  return tables;
}
