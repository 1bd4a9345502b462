import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserOnOneNode } from './support/fixture.js';

/** A lazily loaded page may take seconds on a loaded two-core machine: vitest's 1 s poll is too short. */
const PAGE_LOAD = { timeout: 10_000 };

/** Administrator and cleared for personal data, so every page of the main navigation and every tab shows. */
const EVERY_PAGE = { username: 'tabs.all', password: 'every-tab-password-1' };

// The language switch's button names, with the code each screenshot is named by.
const LANGUAGES = [
  ['Русский', 'ru'],
  ['中文', 'zh'],
  ['English', 'en'],
] as const;
const WIDTHS = [1280, 1400] as const;

/** What keeps a control from being seen or clicked where it stands, or null when nothing does. */
async function outOfReach(page: Page, control: Locator): Promise<string | null> {
  const viewport = page.viewportSize();
  const box = await control.boundingBox();
  if (!viewport || !box) return 'not rendered';
  if (box.x < 0 || box.y < 0 || box.x + box.width > viewport.width || box.y + box.height > viewport.height) {
    return `outside the ${viewport.width}×${viewport.height} viewport at x ${box.x}..${box.x + box.width}, y ${box.y}..${box.y + box.height}`;
  }
  // A tab scrolled out of its own list can still sit inside the viewport; what stands at its centre is the test.
  const onTop = await control.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    const hit = element.ownerDocument.elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2);
    return hit !== null && element.contains(hit);
  });
  return onTop ? null : 'covered or clipped at its centre';
}

describe('the tab bars in Chromium', () => {
  const app = browserOnOneNode(async ({ admin }) => {
    await admin.request('POST', '/api/v1/users', {
      ...EVERY_PAGE,
      displayName: 'Every Tab',
      language: 'en',
      roles: ['admin'],
      personalData: true,
    });
  });

  for (const [language, code] of LANGUAGES) {
    it(`shows every navigation link and every tab in view and clickable at ${WIDTHS.join(' and ')} px in ${language}`, async () => {
      const { page } = app;
      await app.signInAs(EVERY_PAGE);
      await page.getByRole('button', { name: language }).click();
      await page.getByRole('button', { name: language, pressed: true }).waitFor();
      const links = page.getByRole('navigation').getByRole('link');
      const problems: string[] = [];
      const tabBarsSeen: number[] = [];
      for (const width of WIDTHS) {
        let tabBars = 0;
        await page.setViewportSize({ width, height: 800 });
        for (let index = 0; index < (await links.count()); index += 1) {
          const link = links.nth(index);
          const destination = `${await link.textContent()} at ${width} px`;
          const linkProblem = await outOfReach(page, link);
          if (linkProblem) problems.push(`link ${destination}: ${linkProblem}`);
          await link.click();
          await expect.poll(() => link.getAttribute('aria-current'), PAGE_LOAD).toBe('page');
          // Until its code has loaded, a page shows only its heading and a loading line (app.tsx), no tabs yet.
          await expect.poll(() => page.locator('#main > h1 + p[role="status"]').count(), PAGE_LOAD).toBe(0);
          const tabs = page.getByRole('tab');
          if ((await tabs.count()) > 0) tabBars += 1;
          for (let tabIndex = 0; tabIndex < (await tabs.count()); tabIndex += 1) {
            const tab = tabs.nth(tabIndex);
            const problem = await outOfReach(page, tab);
            if (problem) problems.push(`${destination}, tab ${await tab.textContent()}: ${problem}`);
            await tab.click();
            await expect.poll(() => tab.getAttribute('aria-selected'), PAGE_LOAD).toBe('true');
          }
        }
        tabBarsSeen.push(tabBars);
        await app.browser.screenshot(`tab-bars-${code}-${width}`);
      }
      // Inbox, situation, warnings, operations and administration: a page still loading would count none.
      expect(tabBarsSeen).toEqual(WIDTHS.map(() => 5));
      expect(problems).toEqual([]);
      expect(app.browser.consoleErrors).toEqual([]);
    }, 120_000);
  }
});
