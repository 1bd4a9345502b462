import * as OTPAuth from 'otpauth';
import { describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations } from './support/axe.js';
import { ADMIN, browserOnOneNode } from './support/fixture.js';

const OFFICER = {
  username: 'jamsran.desk',
  password: 'first-password-from-admin',
  displayName: 'Jamsran Bold',
};

const NEW_PASSWORD = 'my-own-password-2026';

describe('my account page in Chromium', () => {
  const app = browserOnOneNode(async ({ admin }) => {
    await admin.request('POST', '/api/v1/users', {
      ...OFFICER,
      language: 'en',
      roles: ['viewer'],
    });
  });

  async function signIn(password: string) {
    const { page } = app;
    await page.getByLabel('Username').fill(OFFICER.username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  async function signOut() {
    await app.page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(app.heading).toBe('Sign in');
  }

  it('opens from the signed-in name in the header and stays out of the main navigation', async () => {
    const { page } = app;
    await page.goto(app.node.baseUrl);
    await page.getByRole('button', { name: 'English' }).click();
    await signIn(OFFICER.password);
    await expect.poll(app.heading).toBe('The three clears');
    await page.getByRole('link', { name: `Signed in as ${OFFICER.displayName}` }).click();
    await expect.poll(app.heading).toBe('My account');
    expect(new URL(page.url()).pathname).toBe('/account');
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    expect(await navigation.getByRole('link').allTextContents()).not.toContain('My account');
  });

  it('words the refusals of a wrong current password, a short one and a mistyped repeat', async () => {
    const { page } = app;
    const form = page.locator('form', { has: page.getByLabel('Current password') });
    await page.getByLabel('Current password').fill('not-my-password');
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Repeat the new password').fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toBe('The current password is not correct');

    await page.getByLabel('Current password').fill(OFFICER.password);
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('Repeat the new password').fill('short');
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toBe('The password is too short: it must have at least 10 characters');

    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Repeat the new password').fill(`${NEW_PASSWORD}!`);
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('The two new passwords are not the same').waitFor();
    expect(app.browser.acceptRefusal('/api/v1/auth/password', 400)).toBe(2);
  });

  it('changes the password, after which only the new one signs in', async () => {
    const { page } = app;
    const form = page.locator('form', { has: page.getByLabel('Current password') });
    await page.getByLabel('Repeat the new password').fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('Password changed. Your other sessions have been signed out.').waitFor();
    expect(await page.getByLabel('Current password').inputValue()).toBe('');

    await signOut();
    await signIn(OFFICER.password);
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Password').fill('');
    await signIn(NEW_PASSWORD);
    // Signing in again returns to the page the officer left.
    await expect.poll(app.heading).toBe('My account');
  });

  it('sets up the authenticator app from the shown otpauth link, after which sign-in asks for its code', async () => {
    const { page } = app;
    await page.getByRole('link', { name: `Signed in as ${OFFICER.displayName}` }).click();
    await expect.poll(app.heading).toBe('My account');
    expect(await page.getByTestId('totp-state').textContent()).toBe(
      'Sign-in does not ask for an authenticator code.',
    );
    // The password is asked again: an open session alone cannot change the second factor.
    const totp = page.locator('form', { has: page.getByLabel('Your password') });
    await page.getByLabel('Your password').fill('not-my-password');
    await totp.getByRole('button', { name: 'Set up an authenticator app' }).click();
    await totp.locator('.field-error', { hasText: 'The current password is not correct' }).waitFor();
    expect(app.browser.acceptRefusal('/api/v1/auth/totp/enrol', 400)).toBe(1);
    await page.getByLabel('Your password').fill(NEW_PASSWORD);
    await totp.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const uri = (await page.getByTestId('totp-uri').textContent()) ?? '';
    const authenticator = OTPAuth.URI.parse(uri);
    if (!(authenticator instanceof OTPAuth.TOTP)) throw new Error(`No TOTP URI on the page: ${uri}`);
    const shownSecret = (await page.getByTestId('totp-secret').textContent()) ?? '';
    expect(shownSecret.replace(/ /g, '')).toBe(authenticator.secret.base32);
    expect(shownSecret).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);

    await page.getByLabel('Code from the app').fill(authenticator.generate());
    await page.getByRole('button', { name: 'Confirm and turn on' }).click();
    await page.getByText('The authenticator app is set up: sign-in now asks for its code.').waitFor();
    expect(await page.getByTestId('totp-state').textContent()).toBe(
      'Sign-in asks for a code from your authenticator app.',
    );

    await signOut();
    await signIn(NEW_PASSWORD);
    await page.getByLabel('Verification code').fill(authenticator.generate());
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect.poll(app.heading).toBe('My account');
  });

  it('fits 1366×768 in Russian and has no serious accessibility violations in any language', async () => {
    const { page } = app;
    await page.getByRole('link', { name: `Signed in as ${OFFICER.displayName}` }).click();
    await expect.poll(app.heading).toBe('My account');
    for (const language of ['中文', 'English', 'Русский']) {
      await page.getByRole('button', { name: language, pressed: false }).click();
      await page.getByRole('button', { name: language, pressed: true }).waitFor();
      expect(await seriousAccessibilityViolations(page), language).toEqual([]);
    }
    await expect.poll(app.heading).toBe('Моя учётная запись');
    const overflow = await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBe(0);
    await app.browser.screenshot('account-ru');
    expect(app.browser.consoleErrors).toEqual([]);
  });

  it('shows audit actions by name with the time to the second, and fits the Russian sidebar and tabs', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'English' }).click();
    await signOut();
    await page.getByLabel('Username').fill(ADMIN.username);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Administration' })
      .click();
    await page.getByRole('tab', { name: 'Audit' }).click();
    const changeRow = page.getByRole('row', { name: /Own password changed user\.password_change/ });
    await changeRow.waitFor();
    expect(await changeRow.locator('time').textContent()).toMatch(/\d{1,2}:\d{2}:\d{2}/);

    await page.getByRole('button', { name: 'Русский' }).click();
    await page
      .getByRole('cell', { name: /Пользователь сменил свой пароль/ })
      .first()
      .waitFor();
    const navigation = page.getByRole('navigation', { name: 'Основная навигация' });
    // One line, no overflow: the word neither runs past the sidebar's edge nor breaks inside.
    const lineHeight = (name: string) =>
      navigation.getByRole('link', { name }).evaluate((link) => link.clientHeight);
    expect(await lineHeight('Администрирование')).toBe(await lineHeight('Отчёты'));
    expect(
      await navigation
        .getByRole('link', { name: 'Администрирование' })
        .evaluate((link) => link.scrollWidth <= link.clientWidth),
    ).toBe(true);
    const tabHeights = await page.getByRole('tab').evaluateAll((tabs) => tabs.map((tab) => tab.clientHeight));
    expect(new Set(tabHeights).size).toBe(1);
    await app.browser.screenshot('admin-audit-ru');
    expect(app.browser.consoleErrors).toEqual([]);
  });
});
