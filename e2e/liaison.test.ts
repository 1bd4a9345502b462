import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, signInOverApi } from './support/api-session.js';
import { seriousAccessibilityViolations } from './support/axe.js';
import { type BrowserSession, openBrowser } from './support/browser.js';
import { type RunningNode, requireBuild, startNode } from './support/node-process.js';
import { LIAISON_OFFICER, seedCounterpartAgency, seedOfficers } from './support/seed.js';

const ADMIN = { username: 'admin', password: 'e2e-admin-password-5' };
const LETTER = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

requireBuild();

describe('the liaison log in Chromium', () => {
  let node: RunningNode;
  let browser: BrowserSession;
  let officer: ApiSession;

  beforeAll(async () => {
    node = await startNode({ adminPassword: ADMIN.password });
    const admin = await signInOverApi(node.baseUrl, ADMIN.username, ADMIN.password);
    await seedCounterpartAgency(admin);
    await seedOfficers(admin);
    officer = await signInOverApi(node.baseUrl, LIAISON_OFFICER.username, LIAISON_OFFICER.password);
    await officer.request('POST', '/api/v1/liaison/contacts', {
      occurredOn: '2026-11-20',
      channel: 'letter',
      direction: 'incoming',
      parties: [{ name: 'Director General', kind: 'counterpart', agencyCode: 'MN-GABP' }],
      subject: 'Winter patrol schedule',
    });
    browser = await openBrowser();
    const { page } = browser;
    await page.goto(node.baseUrl);
    await page.locator('input[name="username"]').fill(LIAISON_OFFICER.username);
    await page.locator('input[name="password"]').fill(LIAISON_OFFICER.password);
    await page.locator('button[type="submit"]').click();
    await page.getByRole('navigation').waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await node?.stop();
  });

  it('attaches the scanned letter to its contact, offers it for download and removes it', async () => {
    const { page } = browser;
    await page.goto(`${node.baseUrl}/liaison`);
    await page.getByRole('rowheader', { name: /Winter patrol schedule/ }).waitFor();
    await page.getByLabel('Attach a file to "Winter patrol schedule"').setInputFiles({
      name: 'letter-from-gabp.pdf',
      mimeType: 'application/pdf',
      buffer: LETTER,
    });
    await page.getByText('letter-from-gabp.pdf is kept with "Winter patrol schedule".').waitFor();
    const link = page.getByRole('link', { name: 'letter-from-gabp.pdf' });
    const href = (await link.getAttribute('href')) ?? '';
    const download = await page.evaluate(async (url) => {
      const response = await fetch(url);
      return { type: response.headers.get('content-type'), text: await response.text() };
    }, href);
    expect(download).toEqual({ type: 'application/pdf', text: LETTER.toString() });
    await browser.screenshot('liaison-files');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Remove the file letter-from-gabp.pdf' }).click();
    await page.getByText('letter-from-gabp.pdf is removed.').waitFor();
    await expect.poll(() => link.count()).toBe(0);
  }, 60_000);

  it('deletes a contact recorded by mistake', async () => {
    const { page } = browser;
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete the contact "Winter patrol schedule"' }).click();
    await page.getByText('The contact "Winter patrol schedule" is deleted.').waitFor();
    const left = await officer.request<{ items: unknown[] }>('GET', '/api/v1/liaison/contacts');
    expect(left.items).toEqual([]);
  });

  it('logged no console errors', () => {
    expect(browser.consoleErrors).toEqual([]);
  });
});
