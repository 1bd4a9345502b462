import { describe, expect, it } from 'vitest';
import { type ApiSession, signInOverApi } from './support/api-session.js';
import { seriousAccessibilityViolations } from './support/axe.js';
import { browserOnTwoNodes } from './support/fixture.js';
import { LIAISON_OFFICER, seedCounterpartAgency, seedOfficers } from './support/seed.js';

const MN_LIAISON = { username: 'bold', password: 'mn-liaison-password-1' };

interface NotificationView {
  readonly recipients: readonly { agency: string; status: string; note: string | null }[];
}

describe('the inbox between two nodes in Chromium', () => {
  let counterpart: ApiSession;
  let sentId = '';
  const app = browserOnTwoNodes({
    peered: true,
    seed: async (ours, theirs) => {
      await seedCounterpartAgency(ours.admin);
      await seedOfficers(ours.admin);
      await theirs.admin.request('POST', '/api/v1/users', {
        ...MN_LIAISON,
        displayName: 'Болд',
        language: 'ru',
        roles: ['liaison_officer'],
      });
      counterpart = await signInOverApi(theirs.node.baseUrl, MN_LIAISON.username, MN_LIAISON.password);
    },
  });

  it('shows a notification from the counterpart node as it arrives, rendered in the reader’s language beside the sender’s text', async () => {
    const { page } = app;
    await app.signInAs(LIAISON_OFFICER);
    await app.open('Inbox and outbox', 'Inbox and outbox');
    await page.getByText('No notifications match.').waitFor();

    const sent = await counterpart.request<{ id: string }>('POST', '/api/v1/notifications', {
      type: 'liaison.message',
      to: ['CN-NIA'],
      priority: 'urgent',
      body: { subject: 'Night crossing at Zamyn-Uud', text: 'Please confirm the joint patrol for tonight.' },
      text: 'Просим подтвердить совместный патруль сегодня ночью.',
    });
    sentId = sent.id;
    await page.getByRole('tab', { name: 'Inbox (+1)' }).waitFor({ timeout: 20_000 });
    const subject = page.getByRole('button', { name: /Night crossing at Zamyn-Uud/ });
    await subject.click();
    await page.getByRole('heading', { name: 'In your language' }).waitFor();
    expect(await page.locator('.rendered').textContent()).toContain(
      'General Authority for Border Protection',
    );
    const senderText = await page.locator('.sender-text').textContent();
    expect(senderText).toContain('Please confirm the joint patrol for tonight.');
    expect(senderText).toContain('Просим подтвердить совместный патруль сегодня ночью.');
    await app.browser.screenshot('inbox-read');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  }, 60_000);

  it('acknowledges it, and the counterpart node sees the acknowledgement', async () => {
    const { page } = app;
    await page.getByLabel('Note with the acknowledgement (optional)').fill('Patrol confirmed for 22:00.');
    await page.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await page.getByText('Acknowledged; the sender is told.').waitFor();
    await expect
      .poll(
        async () =>
          (await counterpart.request<NotificationView>('GET', `/api/v1/notifications/${sentId}`))
            .recipients[0]?.status,
        { timeout: 20_000 },
      )
      .toBe('acknowledged');
  }, 40_000);

  it('replies through the form generated from the message schema', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Reply', exact: true }).click();
    await page.getByRole('heading', { name: 'Reply', exact: true }).waitFor();
    expect(await page.getByRole('checkbox', { name: /MN-GABP/ }).isChecked()).toBe(true);
    await page.getByLabel('Subject').fill('Re: night crossing at Zamyn-Uud');
    await page.getByLabel('Message', { exact: true }).fill('Our patrol will be at marker 512 at 22:00.');
    await app.browser.screenshot('inbox-reply');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('tab', { name: 'Outbox', selected: true }).waitFor();
    await page.getByRole('heading', { name: /Re: night crossing at Zamyn-Uud/ }).waitFor();
    await expect
      .poll(
        async () => {
          const inbox = await counterpart.request<{
            items: { title: string | null; inReplyTo: string | null }[];
          }>('GET', '/api/v1/notifications?box=inbox&lang=en');
          return inbox.items.find((item) => item.inReplyTo === sentId)?.title ?? null;
        },
        { timeout: 20_000 },
      )
      .toContain('Re: night crossing at Zamyn-Uud');
    await app.browser.screenshot('inbox-outbox');
  }, 40_000);

  it('composes a port policy from its schema and shows the node’s field errors', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'New notification' }).click();
    await page.getByLabel('Type', { exact: true }).selectOption('port.policy');
    await page.getByRole('checkbox', { name: /MN-GABP/ }).check();
    await page.getByLabel('Port code').fill('CN ERL');
    await page.getByLabel('Quarantine (days)').fill('7');
    await page.getByLabel('Opening hours').fill('08:00-18:00');
    await page.getByLabel('In force from').fill('2026-12-01T08:00');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('alert').first().waitFor();
    expect(await page.getByLabel('Port code').getAttribute('aria-invalid')).toBe('true');
    expect(app.browser.acceptRefusal('/api/v1/notifications', 400)).toBe(1);
    await app.browser.screenshot('inbox-compose-errors');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('saves a draft and sends it later from the drafts box', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'New notification' }).click();
    await page.getByLabel('Type', { exact: true }).selectOption('liaison.message');
    await page.getByRole('checkbox', { name: /MN-GABP/ }).check();
    await page.getByLabel('Subject').fill('Draft: weekly figures');
    await page.getByLabel('Message', { exact: true }).fill('Figures follow on Monday.');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.getByRole('tab', { name: 'Drafts', selected: true }).waitFor();
    await page.getByRole('button', { name: 'Send this draft' }).click();
    await page.getByText('Sent.', { exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Outbox' }).click();
    await page.getByRole('button', { name: /Draft: weekly figures/ }).waitFor();
  });

  it('reads the inbox in Chinese and in Russian', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Inbox' }).click();
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(app.heading).toBe('收件箱与发件箱');
    await page
      .getByRole('button', { name: /Zamyn-Uud|扎门乌德/ })
      .first()
      .click();
    await page.getByRole('heading', { name: '以您的语言显示' }).waitFor();
    await app.browser.screenshot('inbox-zh');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('heading', { name: 'На вашем языке' }).waitFor();
    await app.browser.screenshot('inbox-ru');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('logged no console errors', () => {
    expect(app.browser.consoleErrors).toEqual([]);
  });
});
