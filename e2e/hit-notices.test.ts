import { beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../src/modules/federation/test-support/federation-nodes.js';
import { type ApiSession, signInOverApi } from './support/api-session.js';
import { browserOnTwoNodes } from './support/fixture.js';
import {
  crossingOfWatchlisted,
  DESK_OFFICER,
  seedCounterpartAgency,
  seedOfficers,
  seedPort,
  seedZamynUud,
  WATCHLISTED,
  ZAMYN_UUD,
} from './support/seed.js';

/** Our liaison officer, cleared for personal data, who follows up what counterparts found. */
const LIAISON = { username: 'zhou.liaison', password: 'liaison-cleared-password-1' };
/** The counterpart's desk officer at Zamyn-Uud. */
const THEIR_DESK = { username: 'bold.desk', password: 'zamyn-uud-desk-password-1' };

describe("counterparts' finds on the warnings page, two federated nodes in Chromium", () => {
  let theirDesk: ApiSession;
  let ourDesk: ApiSession;
  const app = browserOnTwoNodes({
    peered: true,
    seed: async (ours, theirs) => {
      await seedOfficers(ours.admin);
      await seedPort(ours.admin);
      await seedCounterpartAgency(ours.admin);
      await ours.admin.request('POST', '/api/v1/users', {
        ...LIAISON,
        displayName: 'Zhou Lan',
        language: 'en',
        roles: ['liaison_officer'],
        personalData: true,
      });
      await seedZamynUud(theirs.admin);
      await theirs.admin.request('POST', '/api/v1/users', {
        ...THEIR_DESK,
        displayName: 'Bold',
        language: 'ru',
        roles: ['port_officer'],
        personalData: true,
      });
    },
  });

  beforeAll(async () => {
    ourDesk = await signInOverApi(app.node.baseUrl, DESK_OFFICER.username, DESK_OFFICER.password);
    theirDesk = await signInOverApi(app.counterpart.baseUrl, THEIR_DESK.username, THEIR_DESK.password);
    await ourDesk.request('POST', '/api/v1/warning/watchlist', {
      ...WATCHLISTED,
      nativeName: 'Батбаяр Ганболд',
      sharingScope: 'counterparts',
      shareWith: ['MN-GABP'],
    });
    // The entry travels by federation; their desk finds the person once it is in their index.
    let hitId: string | null = null;
    await eventually(async () => {
      const outcome = await theirDesk.request<{ verdict: string; hitId: string | null }>(
        'POST',
        '/api/v1/warning/crossings',
        crossingOfWatchlisted('exit', ZAMYN_UUD),
      );
      expect(outcome.verdict).toBe('hit');
      hitId = outcome.hitId;
    }, 30_000);
    await theirDesk.request('POST', `/api/v1/warning/hits/${hitId}/confirm`, { reason: 'passport agrees' });
    await theirDesk.request('POST', `/api/v1/warning/hits/${hitId}/action`, { action: 'quarantine' });
    await eventually(async () => {
      const notices = await ourDesk.request<{ items: { actionTaken: string }[] }>(
        'GET',
        '/api/v1/warning/hit-notices',
      );
      expect(notices.items.map((notice) => notice.actionTaken)).toContain('quarantine');
    }, 30_000);
  }, 90_000);

  it("shows our liaison officer the counterpart's find, without the desk's live alerts", async () => {
    const { page } = app;
    await app.signInAs(LIAISON);
    await app.open('Warnings', 'Warnings');
    await page.getByRole('heading', { name: 'Our watchlisted people found by counterparts' }).waitFor();
    expect(await page.getByRole('tab').allTextContents()).toEqual(['Found by counterparts', 'Watchlist']);
    const row = page.getByRole('row', { name: /BATBAYAR, GANBOLD/ }).filter({ hasText: 'Quarantine' });
    await row.waitFor();
    const text = await row.textContent();
    for (const shown of [
      'Батбаяр Ганболд',
      'Close contact',
      'General Authority for Border Protection',
      `${ZAMYN_UUD} · Exit`,
      'Quarantine',
    ]) {
      expect(text).toContain(shown);
    }
    await page.getByLabel('Notices from').selectOption('MN-GABP');
    await row.waitFor();
    await app.accessible('hit notices, liaison officer');
    await app.browser.screenshot('warnings-hit-notices');

    // As the PRC liaison desk and a Russian-reading border officer read it.
    for (const [language, heading, action, direction] of [
      ['中文', '我方布控人员被对方查获情况', '隔离观察', '出境'],
      [
        'Русский',
        'Лица из нашего списка, обнаруженные сопредельной стороной',
        'Помещение на карантин',
        'Выезд',
      ],
    ] as const) {
      await page.getByRole('button', { name: language }).click();
      await page.getByRole('heading', { name: heading }).waitFor();
      const translated = page.getByRole('row', { name: /BATBAYAR, GANBOLD/ }).filter({ hasText: action });
      expect(await translated.textContent()).toContain(`${ZAMYN_UUD} · ${direction}`);
      await app.accessible(`hit notices in ${language}`);
      await app.browser.screenshot(`warnings-hit-notices-${language === '中文' ? 'zh' : 'ru'}`);
    }
  }, 60_000);

  it('answers a notice by acknowledging it, and shows it answered', async () => {
    const { page } = app;
    await app.signInAs(LIAISON);
    await app.open('Warnings', 'Warnings');
    const row = page.getByRole('row', { name: /BATBAYAR, GANBOLD/ }).filter({ hasText: 'Quarantine' });
    await row.getByRole('button', { name: 'Acknowledge' }).click();
    await row.getByText('Answered').waitFor();
    expect(await row.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    // the answer is the notification's acknowledgement, which travels back to the counterpart
    const notices = await ourDesk.request<{
      items: { actionTaken: string; reply: { state: string } | null }[];
    }>('GET', '/api/v1/warning/hit-notices');
    expect(notices.items.find((notice) => notice.actionTaken === 'quarantine')?.reply?.state).toBe(
      'acknowledged',
    );
    expect(app.browser.consoleErrors).toEqual([]);
  }, 60_000);

  it("shows the desk officer the same notices as a tab beside the desk's", async () => {
    const { page } = app;
    await app.signInAs(DESK_OFFICER);
    await app.open('Warnings', 'Warnings');
    await page.getByRole('tab', { name: 'Found by counterparts' }).click();
    await page
      .getByRole('row', { name: /BATBAYAR, GANBOLD/ })
      .first()
      .waitFor();
    expect(app.browser.consoleErrors).toEqual([]);
  }, 60_000);
});
