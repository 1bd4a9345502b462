import { describe, expect, it } from 'vitest';
import type { BodyOf, NotificationType } from './body-schemas.js';
import { NOTIFICATION_TYPES } from './body-schemas.js';
import type { Language } from './language.js';
import { LANGUAGES } from './language.js';
import type { RenderOptions } from './render/render-context.js';
import { type Priority, renderNotification } from './render/render-notification.js';
import { renderPlainDocument } from './render/render-plain-document.js';
import {
  buildCounty,
  buildHandoverRequest,
  buildHitNotice,
  buildLiaisonMessage,
  buildMeasuresUpdate,
  buildOperationInvite,
  buildOperationReport,
  buildPersonsMovement,
  buildPortPolicy,
  buildSituationDaily,
  buildWatchlistShare,
  GOOD_BODIES,
} from './test-support/body-factories.js';

const render = <T extends NotificationType>(
  type: T,
  body: BodyOf<T>,
  lang: Language,
  extra: { priority?: Priority; text?: string; senderAgencyName?: string } = {},
  options: RenderOptions = {},
) => renderNotification({ type, body, priority: extra.priority ?? 'routine', ...extra }, lang, options);

/** Intl separates thousands with a narrow no-break space in Russian; tests read it as a plain space. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('renderNotification', () => {
  it.each(NOTIFICATION_TYPES.flatMap((type) => LANGUAGES.map((lang) => [type, lang] as const)))(
    'renders a %s body in %s with a title and lines',
    (type, lang) => {
      const rendered = renderNotification({ type, body: GOOD_BODIES[type](), priority: 'routine' }, lang);
      expect(rendered.title.length).toBeGreaterThan(5);
      expect(rendered.lines.length).toBeGreaterThan(0);
      expect(rendered.text).toBe([rendered.title, ...rendered.lines].join('\n'));
    },
  );

  describe('situation.daily', () => {
    const body = buildSituationDaily({
      counties: [
        buildCounty(),
        buildCounty({ countyCode: 'CN-152502', newLocal: 0, newImported: 1, deaths: 0 }),
      ],
    });

    it('renders in Chinese with totals and per-county figures', () => {
      const { title, lines } = render('situation.daily', body, 'zh');
      expect(title).toBe('边境县（市）疫情日报（2026年11月27日）');
      expect(lines).toContain('合计：新增病例24例（本土21例，境外输入3例），死亡1例。');
      expect(lines[2]).toBe(
        'CN-152501：累计确诊12,345例，新增本土病例21例，新增境外输入病例2例，无症状感染者5例，死亡1例，医学观察340人，检测15,000人次，疫苗接种率87.5%；风险等级：中风险。',
      );
    });

    it('renders in Russian with locale numbers and plural agreement', () => {
      const { title, lines } = render('situation.daily', body, 'ru');
      expect(title).toBe(
        'Ежедневная сводка об эпидемической обстановке в приграничных районах за 27 ноября 2026 г.',
      );
      expect(lines[0]).toBe(
        'Представлены данные по 2 приграничным районам (местный часовой пояс: Asia/Shanghai).',
      );
      expect(lines[1]).toBe('Всего: 24 новых случая (местных — 21, завозных — 3), 1 летальный исход.');
      expect(plain(lines[2] ?? '')).toContain('подтверждённых случаев (нарастающим итогом) — 12 345;');
      expect(plain(lines[2] ?? '')).toContain('охват вакцинацией — 87,5 %; уровень риска: средний.');
    });

    it('renders in English, leaving out the coverage when it is not known', () => {
      const noCoverage = buildSituationDaily({ counties: [buildCounty({ vaccinationCoverage: undefined })] });
      const { title, lines } = render('situation.daily', noCoverage, 'en');
      expect(title).toBe('Daily epidemic situation in border counties, 27 November 2026');
      expect(lines[2]).toBe(
        'CN-152501: confirmed (cumulative) 12,345; new local 21; new imported 2; asymptomatic 5; deaths 1; under medical observation 340; tests 15,000; risk level: medium.',
      );
    });

    it('says a correction is a new version and quotes its reason untranslated', () => {
      const corrected = buildSituationDaily({ version: 2, correctionNote: '修正了检测人数' });
      expect(render('situation.daily', corrected, 'en').lines.slice(0, 2)).toEqual([
        'Corrected report, version 2.',
        'Reason for the correction (original text): 修正了检测人数',
      ]);
    });

    it('keeps the report date as the reporting day whatever the reader’s zone', () => {
      const { title } = render('situation.daily', body, 'en', {}, { timeZone: 'America/Los_Angeles' });
      expect(title).toContain('27 November 2026');
    });
  });

  describe('port.policy', () => {
    it('renders the status, test, quarantine and hours in Chinese', () => {
      const { title, lines } = render(
        'port.policy',
        buildPortPolicy(),
        'zh',
        {},
        { timeZone: 'Asia/Shanghai' },
      );
      expect(title).toBe('CN-ERL口岸管控政策');
      expect(lines).toEqual([
        '口岸：CN-ERL（对应口岸：MN-ZMU）',
        '口岸状态：仅限货运',
        '通关检测要求：核酸检测',
        '隔离要求：隔离14天',
        '通关时间：08:00–18:00',
        '自2026年11月28日 GMT+8 00:00起施行，另行通知前持续有效。',
      ]);
    });

    it('renders the status in Russian official wording with day plurals', () => {
      const { lines } = render('port.policy', buildPortPolicy(), 'ru');
      expect(lines).toContain('Статус пункта пропуска: только грузовые перевозки');
      expect(lines).toContain('Карантин: 14 дней');
      expect(lines).toContain('Требование к тестированию: ПЦР-тест');
    });

    it('renders an end of validity in English in the reader’s zone', () => {
      const body = buildPortPolicy({ status: 'closed', effectiveTo: '2026-12-31T16:00:00Z' });
      const { lines } = render('port.policy', body, 'en', {}, { timeZone: 'Asia/Shanghai' });
      expect(lines).toContain('Port status: closed');
      expect(lines.at(-1)).toBe(
        'In force from 28 November 2026 at 00:00 GMT+8 until 1 January 2027 at 00:00 GMT+8.',
      );
    });
  });

  describe('measures.update', () => {
    it('numbers the measures and quotes their details untranslated', () => {
      const { lines } = render('measures.update', buildMeasuresUpdate(), 'en');
      expect(lines).toEqual([
        '2 measures are in force or announced:',
        '1. Mass testing: from 27 November 2026 to 30 November 2026',
        '2. Limits on gatherings: from 27 November 2026 until further notice',
        '   Details (original text): Не более 10 человек',
      ]);
    });

    it('renders in Chinese and Russian', () => {
      expect(render('measures.update', buildMeasuresUpdate(), 'zh').lines[1]).toBe(
        '1. 大规模核酸检测：自2026年11月27日起至2026年11月30日止',
      );
      expect(render('measures.update', buildMeasuresUpdate(), 'ru').lines[0]).toBe(
        'Действуют или вводятся 2 меры:',
      );
    });
  });

  describe('persons.movement', () => {
    it('renders each person with category, direction, port and identity facts', () => {
      const { title, lines } = render('persons.movement', buildPersonsMovement(), 'ru');
      expect(title).toBe('Сведения о пересечении границы лицами, связанными с эпидемией: 1 лицо');
      expect(lines).toEqual([
        'Въезд — 1, выезд — 0.',
        '1. ZHANG San (张三) — контактное лицо; въезд через CN-ERL, 27 ноября 2026 г. в 08:00 UTC',
        '   пол: мужской; дата рождения: март 1985 г.; гражданство: CHN; документ № E12345678',
      ]);
    });

    it('renders in Chinese and English', () => {
      expect(render('persons.movement', buildPersonsMovement(), 'zh').lines[1]).toBe(
        '1. ZHANG San（张三），密切接触者，于2026年11月27日 UTC 08:00经CN-ERL入境',
      );
      expect(render('persons.movement', buildPersonsMovement(), 'en').lines[2]).toBe(
        '   sex: male; born March 1985; nationality: CHN; document no. E12345678',
      );
    });
  });

  describe('watchlist.share', () => {
    it('renders entries with validity, aliases, document and reason', () => {
      const body = buildWatchlistShare({ replaceAll: true });
      expect(render('watchlist.share', body, 'en').lines).toEqual([
        'These entries replace all entries shared earlier.',
        '1. BATBAYAR Dorj (Батбаяр Дорж) — confirmed case; valid from 20 November 2026 to 4 December 2026',
        '   also known as: Batbayar Dorzh; sex: male; born 14 July 1990; nationality: MNG; passport no. E1234567 issued by MNG',
        '   Reason (original text): Positive PCR test on 2026-11-20',
      ]);
    });

    it('renders in Chinese and Russian', () => {
      expect(render('watchlist.share', buildWatchlistShare(), 'zh').title).toBe(
        '共享涉疫人员预警名单（共1条）',
      );
      expect(render('watchlist.share', buildWatchlistShare(), 'ru').lines[1]).toContain(
        'паспорт № E1234567, государство выдачи: MNG',
      );
    });
  });

  describe('hit.notice', () => {
    it('renders the crossing, score and action in each language', () => {
      expect(render('hit.notice', buildHitNotice(), 'en').lines.slice(0, 3)).toEqual([
        'Crossing: entry via CN-ERL, 27 November 2026 at 08:00 UTC',
        'Screening result: hit (score 97%)',
        'Action taken: secondary health check',
      ]);
      expect(render('hit.notice', buildHitNotice(), 'zh').lines[2]).toBe('已采取措施：进一步健康检查');
      expect(plain(render('hit.notice', buildHitNotice(), 'ru').lines[1] ?? '')).toBe(
        'Результат проверки: совпадение (степень совпадения 97 %)',
      );
    });
  });

  describe('handover.request', () => {
    it('renders the stage, health status and place', () => {
      const { title, lines } = render('handover.request', buildHandoverRequest(), 'zh');
      expect(title).toBe('人员移交请求：IVANOV Sergei');
      expect(lines).toContain('症状：发热和咳嗽');
      expect(lines).toContain('移交地点：CN-MZL口岸，Gate 2');
    });

    it('says so when there are no symptoms, and words a reschedule as a new time', () => {
      const body = buildHandoverRequest({
        stage: 'reschedule',
        health: { testResult: 'not_tested', symptoms: [] },
        place: { passCode: 'P-7' },
      });
      const { title, lines } = render('handover.request', body, 'ru');
      expect(title).toBe('Перенос срока передачи лица: IVANOV Sergei');
      expect(lines).toContain('Результат теста: тест не проводился');
      expect(lines).toContain('Симптомы: отсутствуют');
      expect(lines).toContain('Новое предлагаемое время: 28 ноября 2026 г. в 02:00 UTC');
      expect(lines).toContain('Место передачи: проход P-7');
    });

    it('renders in English', () => {
      expect(render('handover.request', buildHandoverRequest({ stage: 'done' }), 'en').lines).toContain(
        'Handed over: 28 November 2026 at 02:00 UTC',
      );
    });
  });

  describe('operation.invite', () => {
    it('renders the window with its length, route, meeting point and contacts', () => {
      const { title, lines } = render('operation.invite', buildOperationInvite(), 'ru');
      expect(title).toBe('Предложение: бесконтактное совместное патрулирование «Weekly patrol, section 12»');
      expect(lines[0]).toBe(
        'Время проведения: с 1 декабря 2026 г. в 01:00 UTC до 1 декабря 2026 г. в 06:00 UTC (5 часов)',
      );
      expect(lines).toContain('Маршрут: 2 точки, протяжённость около 9,8 км');
      expect(lines).toContain(
        'Место встречи: Marker 512, пограничный знак № 512, 1 декабря 2026 г. в 03:00 UTC',
      );
    });

    it('renders an agreement in Chinese and English', () => {
      const agreed = buildOperationInvite({ stage: 'agreed', kind: 'exercise' });
      expect(render('operation.invite', agreed, 'zh').title).toBe(
        '同意：联合演练“Weekly patrol, section 12”',
      );
      expect(render('operation.invite', agreed, 'en').lines).toContain('Radio channel: CH 7');
    });
  });

  describe('operation.report', () => {
    it('renders interceptions by outcome and quotes findings and lessons', () => {
      const { lines } = render('operation.report', buildOperationReport(), 'en');
      expect(lines.slice(1, 4)).toEqual([
        'Interceptions: 2 events, 5 persons',
        '   Persuaded to return: 4 persons',
        '   Detained: 1 person',
      ]);
      expect(lines).toContain('Findings (original text): Two groups turned back at marker 512.');
    });

    it('renders in Chinese and Russian', () => {
      expect(render('operation.report', buildOperationReport(), 'zh').lines[1]).toBe('查获情况：共2起，5人');
      expect(render('operation.report', buildOperationReport(), 'ru').lines[1]).toBe(
        'Задержания: 2 случая, 5 человек',
      );
    });
  });

  describe('liaison.message', () => {
    it('returns the message text untranslated as the sender’s text', () => {
      const rendered = render('liaison.message', buildLiaisonMessage(), 'zh', { text: 'P.S.' });
      expect(rendered.title).toBe('联络函：Meeting on 3 December');
      expect(rendered.senderText).toBe('Уважаемые коллеги, предлагаем провести встречу 3 декабря.\n\nP.S.');
      expect(rendered.text).not.toContain('Уважаемые');
    });
  });

  it('returns the sender’s free text apart and untranslated, in every language', () => {
    for (const lang of LANGUAGES) {
      const rendered = render('port.policy', buildPortPolicy(), lang, { text: 'Граница закрыта на ремонт.' });
      expect(rendered.senderText).toBe('Граница закрыта на ремонт.');
      expect(rendered.text).not.toContain('ремонт');
    }
    expect(render('port.policy', buildPortPolicy(), 'en')).not.toHaveProperty('senderText');
  });

  it('marks urgent and flash notifications in the title', () => {
    expect(render('port.policy', buildPortPolicy(), 'zh', { priority: 'flash' }).title).toBe(
      '【特急】CN-ERL口岸管控政策',
    );
    expect(render('port.policy', buildPortPolicy(), 'ru', { priority: 'urgent' }).title).toBe(
      'СРОЧНО: Режим работы пункта пропуска CN-ERL',
    );
  });

  it('names the sender first when it is given', () => {
    const rendered = render('hit.notice', buildHitNotice(), 'ru', { senderAgencyName: 'ГАБП Монголии' });
    expect(rendered.lines[0]).toBe('Отправитель: ГАБП Монголии');
  });

  it('shows directory names beside codes when the caller resolves them', () => {
    const placeName = (kind: string, code: string) =>
      kind === 'port' && code === 'CN-ERL' ? '二连浩特' : undefined;
    const { lines } = render('port.policy', buildPortPolicy(), 'zh', {}, { placeName });
    expect(lines[0]).toBe('口岸：二连浩特 (CN-ERL)（对应口岸：MN-ZMU）');
  });

  it('refuses to render a body that does not match its type', () => {
    expect(() =>
      renderNotification({ type: 'port.policy', body: { schemaVersion: 1 }, priority: 'routine' }, 'en'),
    ).toThrow(expect.objectContaining({ code: 'exchange.invalid_body' }));
  });

  it('refuses an unknown reader time zone', () => {
    expect(() => render('port.policy', buildPortPolicy(), 'en', {}, { timeZone: 'Mars/Olympus' })).toThrow(
      expect.objectContaining({ code: 'exchange.unknown_time_zone' }),
    );
  });
});

describe('renderPlainDocument', () => {
  const notification = {
    type: 'port.policy' as const,
    body: buildPortPolicy(),
    priority: 'urgent' as const,
    senderAgencyName: 'General Authority for Border Protection of Mongolia',
    text: 'Please inform the carriers.',
    id: '019ac5a2-7c1e-7d3a-9b2f-2f4e1c0d9a20',
    createdAt: '2026-11-27T09:00:00Z',
    recipients: ['National Immigration Administration'],
    acknowledgeBy: '2026-11-27T21:00:00Z',
  };

  it('writes heading, envelope, body and the sender’s text in Russian', () => {
    const document = renderPlainDocument(notification, 'ru');
    const lines = document.split('\n');
    expect(lines[0]).toBe('УВЕДОМЛЕНИЕ ПО ЛИНИИ ПОГРАНИЧНОГО ВЗАИМОДЕЙСТВИЯ');
    expect(lines).toContain('Номер: 019ac5a2-7c1e-7d3a-9b2f-2f4e1c0d9a20');
    expect(lines).toContain('Вид уведомления: Режим работы пункта пропуска');
    expect(lines).toContain('Отправитель: General Authority for Border Protection of Mongolia');
    expect(lines).toContain('Дата: 27 ноября 2026 г. в 09:00 UTC');
    expect(lines).toContain('Приоритет: срочный');
    expect(lines).toContain('Просим подтвердить получение до 27 ноября 2026 г. в 21:00 UTC.');
    expect(lines).toContain('Статус пункта пропуска: только грузовые перевозки');
    const remarks = lines.indexOf('Примечание отправителя (текст оригинала, без перевода):');
    expect(lines[remarks + 1]).toBe('Please inform the carriers.');
  });

  it('writes the document in Chinese and English, in the reader’s zone', () => {
    const zh = renderPlainDocument(notification, 'zh', { timeZone: 'Asia/Shanghai' }).split('\n');
    expect(zh[0]).toBe('边境联络通报');
    expect(zh).toContain('日期：2026年11月27日 GMT+8 17:00');
    expect(zh).toContain('紧急程度：紧急');
    expect(zh).toContain('口岸状态：仅限货运');
    const en = renderPlainDocument(notification, 'en').split('\n');
    expect(en).toContain('To: National Immigration Administration');
    expect(en).toContain('Port status: cargo only');
  });

  it('leaves out the envelope facts it was not given', () => {
    const document = renderPlainDocument(
      { type: 'port.policy', body: buildPortPolicy(), priority: 'routine' },
      'en',
    );
    expect(document).not.toMatch(/^(Reference|From|To|Date):/m);
    expect(document).not.toContain('original text, not translated');
    expect(document).toContain('Priority: routine');
  });
});
