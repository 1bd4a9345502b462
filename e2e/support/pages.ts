import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { seriousAccessibilityViolations } from './axe.js';

/** Reads the page's level-1 heading; poll it to wait until a navigation has landed. */
export const headingOf = (page: Page) => (): Promise<string | null> =>
  page.getByRole('heading', { level: 1 }).textContent();

/** Signs in through the form as `who` with no cookies left over, then switches to English whatever their profile language. */
export async function signInThroughForm(
  page: Page,
  baseUrl: string,
  who: { readonly username: string; readonly password: string },
): Promise<void> {
  await page.context().clearCookies();
  await page.goto(baseUrl);
  await page.locator('input[name="username"]').fill(who.username);
  await page.locator('input[name="password"]').fill(who.password);
  await page.locator('button[type="submit"]').click();
  await page.getByRole('navigation').waitFor();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'English', pressed: true }).waitFor();
}

/** Opens a page from the main navigation and waits until its heading reads `title`. */
export async function openFromNavigation(page: Page, link: string, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: link }).click();
  await expect.poll(headingOf(page)).toBe(title);
}

/** Fails with axe-core's list when the page has serious or critical accessibility violations. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  expect(await seriousAccessibilityViolations(page), name).toEqual([]);
}

/** Types the patrol route the operations tests share, two points east of Erenhot, into the plan form. */
export async function typeRoute(page: Page): Promise<void> {
  for (const [lon, lat] of [
    ['111.95', '43.60'],
    ['112.05', '43.70'],
  ] as const) {
    await page.getByLabel('Longitude').fill(lon);
    await page.getByLabel('Latitude').fill(lat);
    await page.getByRole('button', { name: 'Add point' }).click();
  }
}
