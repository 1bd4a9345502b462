import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { useTestNode } from '../../../test/support/nodes.js';
import { SYSTEM_ACTOR } from '../../core/auth/roles.js';
import { createAgency } from '../directory/directory.service.js';
import type { SituationDailyBody } from '../exchange/bodies/index.js';
import { addManualPeer } from '../exchange/test-support/exchange-nodes.js';
import { addDays } from './rules/index.js';
import { recordIncomingSituationDaily } from './situation.service.js';
import {
  buildDayInput,
  COUNTERPART,
  type HeldNotification,
  notificationsIn,
  seedBorder,
} from './test-support/situation-fixtures.js';

/** A counterpart in the directory that is not a peer of this node. */
const OTHER_COUNTERPART = 'RU-FSB';

interface Problem {
  code: string;
  detail: string;
  violations?: Array<{ rule: string }>;
}

describeEachDatabase('situation reports', (dialect) => {
  const t = useTestNode(dialect, { code: 'CN-NIA' });
  let seeded = false;
  const node = async () => {
    if (!seeded) {
      await seedBorder(t().node.context.db);
      seeded = true;
    }
    return t();
  };
  let isPeer = false;
  const peered = async () => {
    if (!isPeer) {
      await addManualPeer(await node(), COUNTERPART, { language: 'ru' });
      isPeer = true;
    }
  };

  it('refuses entering a report without a session (401) and without a reporting role (403)', async () => {
    const n = await node();
    const url = '/api/v1/situation/reports/CN-A/2024-03-01';
    expect((await n.anonymous().put(url, buildDayInput())).status).toBe(401);
    const viewer = await n.userWith(['viewer']);
    expect((await viewer.put(url, buildDayInput())).status).toBe(403);
    expect((await viewer.get('/api/v1/situation/reports')).status).toBe(200);
  });

  it('refuses a malformed body (400) and an unknown county (400 naming it)', async () => {
    const client = await (await node()).userWith(['analyst']);
    const bad = await client.put('/api/v1/situation/reports/CN-A/2024-03-01', { confirmed: 'many' });
    expect(bad.status).toBe(400);
    const unknown = await client.put<Problem>('/api/v1/situation/reports/XX-9/2024-03-01', buildDayInput());
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('situation.unknown_county');
  });

  it('refuses a negative count and a future day with 400 naming each broken rule', async () => {
    const client = await (await node()).userWith(['analyst']);
    const negative = await client.put<Problem>(
      '/api/v1/situation/reports/CN-B/2024-03-01',
      buildDayInput({ deaths: -1 }),
    );
    expect(negative.status).toBe(400);
    expect(negative.body.code).toBe('situation.rule_violated');
    expect(negative.body.detail).toContain('situation.rule.non_negative');
    expect(negative.body.violations?.map((v) => v.rule)).toContain('situation.rule.non_negative');
    const future = await client.put<Problem>('/api/v1/situation/reports/CN-B/2999-01-01', buildDayInput());
    expect(future.body.detail).toContain('situation.rule.date_not_future');
    const badDate = await client.put<Problem>('/api/v1/situation/reports/CN-B/2024-02-30', buildDayInput());
    expect(badDate.body.detail).toContain('situation.rule.valid_date');
    // days no calendar can read, not only impossible ones, are refused by the same rule
    for (const day of ['2026-13-45', '20260101', 'abc']) {
      const unreadable = await client.put<Problem>(`/api/v1/situation/reports/CN-B/${day}`, buildDayInput());
      expect(unreadable.status, day).toBe(400);
      expect(unreadable.body.detail, day).toContain('situation.rule.valid_date');
    }
  });

  it('stores and returns warnings, and keeps every correction with who, when and what changed', async () => {
    const client = await (await node()).userWith(['liaison_officer'], { username: 'entering-officer' });
    const url = '/api/v1/situation/reports/CN-B/2024-03-05';
    await client.put('/api/v1/situation/reports/CN-B/2024-03-04', buildDayInput({ confirmed: 10 }));
    const first = await client.put<{ report: { version: number }; warnings: Array<{ rule: string }> }>(
      url,
      buildDayInput({ confirmed: 15, newLocal: 1 }),
    );
    expect(first.status).toBe(200);
    expect(first.body.warnings.map((w) => w.rule)).toEqual(['situation.rule.new_matches_cumulative_change']);
    const corrected = await client.put<{ report: { version: number; warnings: unknown[] } }>(
      url,
      buildDayInput({ confirmed: 15, newLocal: 5 }),
    );
    expect(corrected.body.report.version).toBe(2);
    expect(corrected.body.report.warnings).toEqual([]);
    const history = await client.get<{
      versions: Array<{ version: number; recordedBy: string; changes: Record<string, unknown> }>;
    }>(`${url}/history`);
    expect(history.body.versions).toHaveLength(2);
    expect(history.body.versions[1]).toMatchObject({
      version: 2,
      recordedBy: 'entering-officer',
      changes: { newLocal: { from: 1, to: 5 } },
    });
    const same = await client.put<{ changed: boolean }>(url, buildDayInput({ confirmed: 15, newLocal: 5 }));
    expect(same.body.changed).toBe(false);
  });

  it('lists reports by county, period and source', async () => {
    const client = await (await node()).admin();
    await client.put('/api/v1/situation/reports/CN-A/2024-02-01', buildDayInput());
    const listed = await client.get<{ items: Array<{ countyCode: string; date: string; source: string }> }>(
      '/api/v1/situation/reports?county=CN-A&from=2024-02-01&to=2024-02-01&source=CN-NIA',
    );
    expect(listed.body.items).toEqual([
      expect.objectContaining({ countyCode: 'CN-A', date: '2024-02-01', source: 'CN-NIA' }),
    ]);
    expect((await client.get('/api/v1/situation/reports?from=yesterday')).status).toBe(400);
  });

  it('refuses to send a day while no counterpart is a peer (409), then sends to peers and drafts for the rest', async () => {
    const n = await node();
    await createAgency(n.node.context.db, SYSTEM_ACTOR, {
      code: OTHER_COUNTERPART,
      kind: 'counterpart',
      country: 'RU',
      names: { en: 'FSB Border Service' },
      language: 'ru',
      timeZone: 'Asia/Irkutsk',
    });
    const client = await n.userWith(['liaison_officer']);
    await client.put('/api/v1/situation/reports/CN-B/2024-01-09', buildDayInput({ confirmed: 3 }));
    const refused = await client.post<Problem>('/api/v1/situation/reports/send', { date: '2024-01-09' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('situation.no_peer_to_send');
    expect(refused.body.detail).toContain(COUNTERPART);
    const ofDay = (items: Array<HeldNotification<SituationDailyBody>>) =>
      items.filter((item) => item.body.reportDate === '2024-01-09');
    expect(ofDay(await notificationsIn(client, 'drafts', 'situation.daily'))).toEqual([]);

    await peered();
    const sent = await client.post('/api/v1/situation/reports/send', { date: '2024-01-09' });
    expect(sent.body).toEqual({
      date: '2024-01-09',
      version: 1,
      sentTo: [COUNTERPART],
      draftFor: [OTHER_COUNTERPART],
    });
    const outbox = ofDay(await notificationsIn<SituationDailyBody>(client, 'outbox', 'situation.daily'));
    expect(outbox.map((item) => [item.to, item.body.version, item.body.counties[0]?.confirmed])).toEqual([
      [[COUNTERPART], 1, 3],
    ]);
    const drafts = ofDay(await notificationsIn<SituationDailyBody>(client, 'drafts', 'situation.daily'));
    expect(drafts.map((item) => [item.to, item.body.version])).toEqual([[[OTHER_COUNTERPART], 1]]);
  });

  it('sends a correction of data already sent as the next version of the day', async () => {
    await peered();
    const client = await (await node()).userWith(['liaison_officer']);
    await client.put('/api/v1/situation/reports/CN-B/2024-01-10', buildDayInput({ confirmed: 3 }));
    const sent = await client.post<{ version: number; sentTo: string[] }>('/api/v1/situation/reports/send', {
      date: '2024-01-10',
    });
    expect(sent.body).toMatchObject({ version: 1, sentTo: [COUNTERPART] });
    await client.put(
      '/api/v1/situation/reports/CN-B/2024-01-10',
      buildDayInput({ confirmed: 2, correctionNote: 'one case was a duplicate' }),
    );
    const ofDay = async (box: 'outbox' | 'drafts') =>
      (await notificationsIn<SituationDailyBody>(client, box, 'situation.daily')).filter(
        (item) => item.body.reportDate === '2024-01-10' && item.to.includes(COUNTERPART),
      );
    expect((await ofDay('outbox')).map((item) => item.body.version)).toEqual([1]);
    // Corrections wait as drafts for a liaison officer unless the settings say to send them at once.
    const [correction, ...more] = await ofDay('drafts');
    expect(more).toEqual([]);
    expect(correction?.body.version).toBe(2);
    expect(correction?.body.counties[0]).toMatchObject({ countyCode: 'CN-B', confirmed: 2 });
    expect(correction?.body.correctionNote).toBe('one case was a duplicate');
  });

  it('derives 7-day figures and risk level, and drafts a notice to the counterpart when the level changes', async () => {
    const client = await (await node()).userWith(['analyst']);
    let confirmed = 0;
    for (let day = 0; day < 10; day++) {
      const newLocal = day < 7 ? 0 : 30;
      confirmed += newLocal;
      const date = addDays('2024-05-01', day);
      const saved = await client.put(
        `/api/v1/situation/reports/CN-A/${date}`,
        buildDayInput({ confirmed, newLocal }),
      );
      expect(saved.status).toBe(200);
    }
    const series = await client.get<{
      population: number;
      points: Array<{ date: string; sum7: number; incidence7Per100k: number; riskLevel: string }>;
    }>('/api/v1/situation/counties/CN-A/series?from=2024-05-07&to=2024-05-10');
    expect(series.body.population).toBe(100_000);
    expect(series.body.points.map((p) => [p.date, p.sum7, p.riskLevel])).toEqual([
      ['2024-05-07', 0, 'low'],
      ['2024-05-08', 30, 'medium'],
      ['2024-05-09', 60, 'high'],
      ['2024-05-10', 90, 'high'],
    ]);
    const liaison = await t().userWith(['liaison_officer']);
    const drafts = await notificationsIn<SituationDailyBody>(liaison, 'drafts', 'situation.daily');
    const riskNotices = drafts.filter(
      (item) => item.body.reportDate.startsWith('2024-05') && item.body.counties[0]?.countyCode === 'CN-A',
    );
    expect(
      riskNotices
        .map((item) => [item.body.reportDate, item.body.counties[0]?.riskLevel, item.priority])
        .sort(),
    ).toEqual([
      ['2024-05-08', 'medium', 'routine'],
      ['2024-05-09', 'high', 'urgent'],
    ]);
    // The county faces Mongolia: only the Mongolian counterpart is told.
    expect(riskNotices.every((item) => item.to.join() === COUNTERPART)).toBe(true);
  });

  it('applies risk thresholds an administrator configures, and refuses settings from anyone else', async () => {
    const n = await node();
    const analyst = await n.userWith(['analyst']);
    const change = {
      riskThresholds: {
        mediumIncidence7Per100k: 5,
        highIncidence7Per100k: 1000,
        mediumNewLocal7: null,
        highNewLocal7: null,
      },
    };
    expect((await n.anonymous().patch('/api/v1/situation/settings', change)).status).toBe(401);
    expect((await analyst.patch('/api/v1/situation/settings', change)).status).toBe(403);
    const admin = await n.admin();
    expect((await admin.patch('/api/v1/situation/settings', { reportingCutoff: '25:00' })).status).toBe(400);
    expect((await admin.patch('/api/v1/situation/settings', change)).status).toBe(200);
    const series = await analyst.get<{ points: Array<{ date: string; riskLevel: string }> }>(
      '/api/v1/situation/counties/CN-A/series?from=2024-05-10&to=2024-05-10',
    );
    expect(series.body.points[0]?.riskLevel).toBe('medium');
    await admin.patch('/api/v1/situation/settings', {
      riskThresholds: {
        mediumIncidence7Per100k: 10,
        highIncidence7Per100k: 50,
        mediumNewLocal7: 1,
        highNewLocal7: null,
      },
    });
  });

  it("stores a counterpart's situation.daily under their agency and counts completeness per agency", async () => {
    const n = await node();
    await recordIncomingSituationDaily(n.node.context.db, COUNTERPART, {
      schemaVersion: 1,
      reportDate: '2024-04-01',
      timeZone: 'Asia/Ulaanbaatar',
      version: 1,
      counties: [
        {
          countyCode: 'MN-A',
          confirmed: 5,
          newLocal: 1,
          newImported: 0,
          asymptomatic: 0,
          deaths: 0,
          underObservation: 2,
          tests: 40,
          riskLevel: 'medium',
        },
      ],
    });
    const client = await n.userWith(['viewer']);
    const theirs = await client.get<{ items: Array<{ source: string; statedRiskLevel: string }> }>(
      `/api/v1/situation/reports?county=MN-A&source=${COUNTERPART}`,
    );
    expect(theirs.body.items).toEqual([
      expect.objectContaining({ source: COUNTERPART, statedRiskLevel: 'medium' }),
    ]);
    const ours = await (await n.admin()).put(
      '/api/v1/situation/reports/CN-B/2024-04-01',
      buildDayInput({ confirmed: 15 }),
    );
    expect(ours.status).toBe(200);
    const report = await client.get<{
      agencies: Array<{ agency: string; expected: number; reported: number; late: number; missing: number }>;
    }>('/api/v1/situation/completeness?date=2024-04-01');
    const byAgency = Object.fromEntries(report.body.agencies.map((a) => [a.agency, a]));
    // Entered today for a day long past: on record, but late.
    expect(byAgency['CN-NIA']).toMatchObject({ expected: 2, reported: 0, late: 1, missing: 1 });
    expect(byAgency[COUNTERPART]).toMatchObject({ expected: 1, late: 1, missing: 0 });
    expect((await client.get('/api/v1/situation/completeness')).status).toBe(400);
  });
});
