import { IntlMessageFormat } from 'intl-messageformat';
import type { Language } from '../../core/auth/roles.js';
import { periodPhrase } from './period-phrase.js';
import type { Section } from './report-sources.js';
import type { Statistics, SummaryRow, WorkSummary } from './reports.schema.js';
import { formatNumber, ROUNDING_RULE, roundForSummary, shownFigure } from './rounding.js';

type Clause =
  | 'opening'
  | 'nothing'
  | 'exchanged'
  | 'acknowledged'
  | 'hits'
  | 'operations'
  | 'patrols'
  | 'lawEnforcement'
  | 'exercises'
  | 'intercepted'
  | 'handedOver'
  | 'leadersWroteOrCalled'
  | 'meetings';

/**
 * ICU messages in the register of an agency's press release. `{n}` picks the plural form and `{shown}` is the
 * figure as written ("more than 2,200"), whose wording agrees with the rounded number.
 */
const MESSAGES: Readonly<Record<Language, Readonly<Record<Clause, string>>>> = {
  en: {
    opening: '{period}, ',
    nothing: 'no cooperation activity was recorded',
    exchanged:
      '{n, plural, one {{shown} piece} other {{shown} pieces}} of epidemic-related information ' +
      '{n, plural, one {was} other {were}} exchanged with the counterpart agencies of ' +
      '{countries, plural, one {# neighbouring country} other {# neighbouring countries}} ({sent} sent, {received} received)',
    acknowledged: '{pct} of the notifications sent were acknowledged within the agreed deadline',
    hits:
      'the ports raised {n, plural, one {{shown} watchlist hit} other {{shown} watchlist hits}}, ' +
      '{confirmed} of which {confirmed, plural, one {was} other {were}} confirmed',
    operations: '{list} {many, plural, one {was} other {were}} carried out with the counterparts',
    patrols: '{n, plural, one {{shown} non-contact joint patrol} other {{shown} non-contact joint patrols}}',
    lawEnforcement:
      '{n, plural, one {{shown} joint law-enforcement operation} other {{shown} joint law-enforcement operations}}',
    exercises: '{n, plural, one {{shown} joint exercise} other {{shown} joint exercises}}',
    intercepted:
      '{n, plural, one {{shown} suspicious person was} other {{shown} suspicious persons were}} intercepted ' +
      'in {events, plural, one {# incident} other {# incidents}}' +
      '{returned, plural, =0 {} one {, {returnedShown} of whom was persuaded to return} ' +
      'other {, {returnedShown} of whom were persuaded to return}}',
    handedOver:
      '{n, plural, one {{shown} person was} other {{shown} persons were}} handed over to the counterpart agencies',
    leadersWroteOrCalled:
      'leaders of counterpart agencies wrote or called {n, plural, one {once} other {{shown} times}}',
    meetings: '{n, plural, one {{shown} meeting was} other {{shown} meetings were}} held',
  },
  zh: {
    opening: '{period}，',
    nothing: '未记录合作活动',
    exchanged: '与{countries}个周边国家对口部门互通疫情信息{shown}条（发出{sent}条，收到{received}条）',
    acknowledged: '我方发出的通报{pct}在约定时限内得到确认',
    hits: '各口岸预警比中{shown}人次，其中确认{confirmed}人次',
    operations: '与对方联合开展{list}',
    patrols: '非接触式联合巡逻{shown}次',
    lawEnforcement: '联合执法行动{shown}次',
    exercises: '联合演练{shown}次',
    intercepted:
      '拦截可疑人员{shown}名（{events}起）{returned, plural, =0 {} other {，其中劝返{returnedShown}名}}',
    handedOver: '向对方移交人员{shown}名',
    leadersWroteOrCalled: '对方部门领导来信来电{shown}次',
    meetings: '举行会晤{shown}次',
  },
  ru: {
    opening: '{period} ',
    nothing: 'совместная деятельность не зафиксирована',
    exchanged:
      'в рамках обмена с профильными ведомствами ' +
      '{countries, plural, one {# сопредельного государства} other {# сопредельных государств}} передано и получено ' +
      '{n, plural, one {{shown} сообщение} few {{shown} сообщения} many {{shown} сообщений} other {{shown} сообщения}} ' +
      'об эпидемической обстановке (направлено {sent}, получено {received})',
    acknowledged: '{pct} направленных уведомлений подтверждены в установленный срок',
    hits:
      'на пунктах пропуска зафиксировано ' +
      '{n, plural, one {{shown} совпадение} few {{shown} совпадения} many {{shown} совпадений} other {{shown} совпадения}} ' +
      'со списками раннего оповещения, из них подтверждено {confirmed}',
    operations: 'совместно с сопредельной стороной проведены {list}',
    patrols: 'бесконтактные совместные патрулирования ({shown})',
    lawEnforcement: 'совместные правоохранительные операции ({shown})',
    exercises: 'совместные учения ({shown})',
    intercepted:
      'задержано {n, plural, one {{shown} подозрительное лицо} few {{shown} подозрительных лица} ' +
      'many {{shown} подозрительных лиц} other {{shown} подозрительного лица}} ' +
      '({events, plural, one {# случай} few {# случая} many {# случаев} other {# случая}})' +
      '{returned, plural, =0 {} other {, из них {returnedShown} возвращены после разъяснительной беседы}}',
    handedOver:
      'сопредельной стороне {n, plural, one {передано {shown} лицо} few {переданы {shown} лица} ' +
      'many {передано {shown} лиц} other {передано {shown} лица}}',
    leadersWroteOrCalled:
      'руководители ведомств сопредельных государств направляли письма и звонили ' +
      '{n, plural, one {{shown} раз} few {{shown} раза} many {{shown} раз} other {{shown} раза}}',
    meetings:
      'проведено {n, plural, one {{shown} встреча} few {{shown} встречи} many {{shown} встреч} other {{shown} встречи}}',
  },
};

const SEPARATOR: Readonly<Record<Language, { clause: string; end: string }>> = {
  en: { clause: '; ', end: '.' },
  zh: { clause: '；', end: '。' },
  ru: { clause: '; ', end: '.' },
};

const TABLE_LABELS: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  en: {
    counterpartCountries: 'Neighbouring countries',
    counterparts: 'Counterpart agencies',
    exchanged: 'Notifications exchanged',
    sent: 'Notifications sent',
    received: 'Notifications received',
    acknowledgedPct: 'Acknowledged within deadline (%)',
    overdue: 'Overdue acknowledgements',
    hits: 'Watchlist hits',
    hitsConfirmed: 'Hits confirmed',
    hitsDismissed: 'Hits dismissed',
    crossings: 'Crossings screened',
    patrols: 'Joint patrols',
    lawEnforcement: 'Joint law-enforcement operations',
    exercises: 'Joint exercises',
    interceptionEvents: 'Interception incidents',
    interceptedPersons: 'Persons intercepted',
    persuadedToReturn: 'Persons persuaded to return',
    handoversRequested: 'Handovers requested',
    handoversDone: 'Handovers completed',
    letters: 'Letters',
    calls: 'Calls',
    meetings: 'Meetings',
  },
  zh: {
    counterpartCountries: '周边国家',
    counterparts: '对口部门',
    exchanged: '互通信息（条）',
    sent: '发出通报（条）',
    received: '收到通报（条）',
    acknowledgedPct: '时限内确认率（%）',
    overdue: '逾期未确认',
    hits: '预警比中（人次）',
    hitsConfirmed: '确认比中',
    hitsDismissed: '排除比中',
    crossings: '核查出入境（人次）',
    patrols: '联合巡逻（次）',
    lawEnforcement: '联合执法行动（次）',
    exercises: '联合演练（次）',
    interceptionEvents: '拦截（起）',
    interceptedPersons: '拦截人员（名）',
    persuadedToReturn: '劝返人员（名）',
    handoversRequested: '移交请求',
    handoversDone: '完成移交',
    letters: '来往信函',
    calls: '通话',
    meetings: '会晤',
  },
  ru: {
    counterpartCountries: 'Сопредельные государства',
    counterparts: 'Ведомства сопредельных государств',
    exchanged: 'Сообщений передано и получено',
    sent: 'Сообщений направлено',
    received: 'Сообщений получено',
    acknowledgedPct: 'Подтверждено в срок (%)',
    overdue: 'Просрочено подтверждений',
    hits: 'Совпадений со списками',
    hitsConfirmed: 'Совпадений подтверждено',
    hitsDismissed: 'Совпадений отклонено',
    crossings: 'Проверено пересечений',
    patrols: 'Совместные патрулирования',
    lawEnforcement: 'Совместные правоохранительные операции',
    exercises: 'Совместные учения',
    interceptionEvents: 'Случаев задержания',
    interceptedPersons: 'Задержано лиц',
    persuadedToReturn: 'Возвращено после беседы',
    handoversRequested: 'Запросов о передаче',
    handoversDone: 'Передач состоялось',
    letters: 'Письма',
    calls: 'Звонки',
    meetings: 'Встречи',
  },
};

/** The exact figures the summary is built from, keyed as in the table; sections no module counted are left out. */
export function summaryFigures(stats: Statistics): Array<[key: string, value: number]> {
  const returned = stats.interceptions.byOutcome.persuaded_to_return?.persons ?? 0;
  const n = stats.notifications;
  const figures: Array<[string, number | null, Section | null]> = [
    ['counterpartCountries', stats.counterpartCountries, null],
    ['counterparts', stats.counterparts, null],
    ['exchanged', n.sent + n.received, 'notifications'],
    ['sent', n.sent, 'notifications'],
    ['received', n.received, 'notifications'],
    ['acknowledgedPct', n.acknowledgedWithinDeadlinePct, 'notifications'],
    ['overdue', n.overdue, 'notifications'],
    ['hits', stats.hits.total, 'hits'],
    ['hitsConfirmed', stats.hits.confirmed, 'hits'],
    ['hitsDismissed', stats.hits.dismissed, 'hits'],
    ['crossings', stats.crossings.total, 'crossings'],
    ['patrols', stats.operations.patrols, 'operations'],
    ['lawEnforcement', stats.operations.lawEnforcement, 'operations'],
    ['exercises', stats.operations.exercises, 'operations'],
    ['interceptionEvents', stats.interceptions.events, 'interceptions'],
    ['interceptedPersons', stats.interceptions.persons, 'interceptions'],
    ['persuadedToReturn', returned, 'interceptions'],
    ['handoversRequested', stats.handovers.requested, 'handovers'],
    ['handoversDone', stats.handovers.done, 'handovers'],
    ['letters', stats.liaison.letters, 'liaison'],
    ['calls', stats.liaison.calls, 'liaison'],
    ['meetings', stats.liaison.meetings, 'liaison'],
  ];
  return figures
    .filter(([, value, section]) => value !== null && !(section && stats.unavailable.includes(section)))
    .map(([key, value]) => [key, value ?? 0]);
}

class Writer {
  constructor(readonly lang: Language) {}

  say(clause: Clause, values: Record<string, string | number>): string {
    return String(new IntlMessageFormat(MESSAGES[this.lang][clause], this.lang).format(values));
  }

  /** Plural and wording of a figure as the summary states it. */
  figure(exact: number): { n: number; shown: string } {
    const rounded = roundForSummary(exact);
    return { n: rounded.shownNumber, shown: shownFigure(rounded, this.lang) };
  }

  number(value: number): string {
    return formatNumber(value, this.lang);
  }

  list(items: string[]): string {
    if (this.lang === 'zh') return items.join('、');
    return new Intl.ListFormat(this.lang === 'ru' ? 'ru' : 'en-GB', { type: 'conjunction' }).format(items);
  }
}

function clauses(stats: Statistics, w: Writer): string[] {
  const out: string[] = [];
  const has = (section: Section) => !stats.unavailable.includes(section);
  const n = stats.notifications;
  if (has('notifications')) {
    out.push(
      w.say('exchanged', {
        countries: stats.counterpartCountries,
        sent: w.number(n.sent),
        received: w.number(n.received),
        ...w.figure(n.sent + n.received),
      }),
    );
    if (n.acknowledgedWithinDeadlinePct !== null) {
      const pct = new Intl.NumberFormat(w.lang, { style: 'percent', maximumFractionDigits: 1 });
      out.push(w.say('acknowledged', { pct: pct.format(n.acknowledgedWithinDeadlinePct / 100) }));
    }
  }
  if (has('hits') && stats.hits.total > 0) {
    out.push(w.say('hits', { ...w.figure(stats.hits.total), confirmed: stats.hits.confirmed }));
  }
  const ops = (['patrols', 'lawEnforcement', 'exercises'] as const).filter(
    (kind) => stats.operations[kind] > 0,
  );
  if (has('operations') && ops.length > 0) {
    const list = w.list(ops.map((kind) => w.say(kind, w.figure(stats.operations[kind]))));
    const many = ops.length > 1 ? 2 : stats.operations[ops[0] ?? 'patrols'];
    out.push(w.say('operations', { list, many }));
  }
  const i = stats.interceptions;
  if (has('interceptions') && i.persons > 0) {
    const returned = i.byOutcome.persuaded_to_return?.persons ?? 0;
    out.push(
      w.say('intercepted', {
        ...w.figure(i.persons),
        events: i.events,
        returned,
        returnedShown: shownFigure(roundForSummary(returned), w.lang),
      }),
    );
  }
  if (has('handovers') && stats.handovers.done > 0)
    out.push(w.say('handedOver', w.figure(stats.handovers.done)));
  const wroteOrCalled = stats.liaison.letters + stats.liaison.calls;
  if (has('liaison') && wroteOrCalled > 0) out.push(w.say('leadersWroteOrCalled', w.figure(wroteOrCalled)));
  if (has('liaison') && stats.liaison.meetings > 0)
    out.push(w.say('meetings', w.figure(stats.liaison.meetings)));
  return out;
}

/** The work summary in one language: press-release text, the exact figures beside it and the rounding rule. */
export function workSummary(stats: Statistics, lang: Language): WorkSummary {
  const writer = new Writer(lang);
  const { clause, end } = SEPARATOR[lang];
  const found = clauses(stats, writer);
  const opening = writer.say('opening', { period: periodPhrase(stats.period.from, stats.period.to, lang) });
  const text = `${opening}${(found.length > 0 ? found : [writer.say('nothing', {})]).join(clause)}${end}`;
  const table: SummaryRow[] = summaryFigures(stats).map(([key, value]) => ({
    key,
    label: TABLE_LABELS[lang][key] ?? key,
    value,
    shown: formatNumber(value, lang),
  }));
  return { lang, period: stats.period, text, table, roundingRule: ROUNDING_RULE[lang] };
}

/** Table labels for a figure key, shared with the exports. */
export function figureLabel(key: string, lang: Language): string {
  return TABLE_LABELS[lang][key] ?? key;
}

const MARKDOWN_HEADINGS: Readonly<Record<Language, { title: string; figure: string; exact: string }>> = {
  en: { title: 'Work summary', figure: 'Figure', exact: 'Exact' },
  zh: { title: '工作情况摘要', figure: '项目', exact: '准确数字' },
  ru: { title: 'Итоги работы', figure: 'Показатель', exact: 'Точное значение' },
};

/** The summary as a Markdown document: heading, text, the exact figures as a table, then the rounding rule. */
export function summaryMarkdown(summary: WorkSummary, agency: string): string {
  const h = MARKDOWN_HEADINGS[summary.lang];
  const cell = (text: string) => text.replaceAll('|', '\\|');
  return [
    `# ${h.title} · ${agency} · ${summary.period.label}`,
    '',
    summary.text,
    '',
    `| ${h.figure} | ${h.exact} |`,
    '| --- | ---: |',
    ...summary.table.map((row) => `| ${cell(row.label)} | ${row.shown} |`),
    '',
    `_${summary.roundingRule}_`,
    '',
  ].join('\n');
}
