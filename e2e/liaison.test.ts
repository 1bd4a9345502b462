import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, signInOverApi } from './support/api-session.js';
import { seriousAccessibilityViolations } from './support/axe.js';
import { browserOnOneNode } from './support/fixture.js';
import { LIAISON_OFFICER, seedCounterpartAgency, seedOfficers } from './support/seed.js';

const LETTER = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

describe('the liaison log in Chromium', () => {
  let officer: ApiSession;
  const app = browserOnOneNode(async ({ node, admin }) => {
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
  });

  beforeAll(() => app.signInAs(LIAISON_OFFICER));

  it('attaches the scanned letter to its contact, offers it for download and removes it', async () => {
    const { page } = app;
    await page.goto(`${app.node.baseUrl}/liaison`);
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
    await app.browser.screenshot('liaison-files');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Remove the file letter-from-gabp.pdf' }).click();
    await page.getByText('letter-from-gabp.pdf is removed.').waitFor();
    await expect.poll(() => link.count()).toBe(0);
  }, 60_000);

  it('deletes a contact recorded by mistake', async () => {
    const { page } = app;
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete the contact "Winter patrol schedule"' }).click();
    await page.getByText('The contact "Winter patrol schedule" is deleted.').waitFor();
    const left = await officer.request<{ items: unknown[] }>('GET', '/api/v1/liaison/contacts');
    expect(left.items).toEqual([]);
  });

  it('logged no console errors', () => {
    expect(app.browser.consoleErrors).toEqual([]);
  });
});
