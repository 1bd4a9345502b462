import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as OTPAuth from 'otpauth';
import { describe, expect, it } from 'vitest';
import { type ApiSession, signInOverApi } from './support/api-session.js';
import { seriousAccessibilityViolations } from './support/axe.js';
import { ADMIN, browserOnOneNode } from './support/fixture.js';
import { repoRoot } from './support/node-process.js';
import { seedErenhotCounty } from './support/seed.js';

const PORT_OFFICER = { username: 'petrov', password: 'port-officer-password-1' };

/** A Russian-speaking port officer with TOTP enrolled; returns the authenticator that makes their codes. */
async function seedPortOfficerWithTotp(admin: ApiSession, baseUrl: string): Promise<OTPAuth.TOTP> {
  await admin.request('POST', '/api/v1/users', {
    ...PORT_OFFICER,
    displayName: 'Пётр Петров',
    language: 'ru',
    roles: ['port_officer'],
    personalData: true,
  });
  const officer = await signInOverApi(baseUrl, PORT_OFFICER.username, PORT_OFFICER.password);
  const { uri } = await officer.request<{ uri: string }>('POST', '/api/v1/auth/totp/enrol', {
    password: PORT_OFFICER.password,
  });
  const authenticator = OTPAuth.URI.parse(uri);
  if (!(authenticator instanceof OTPAuth.TOTP)) throw new Error(`Enrolment gave no TOTP URI: ${uri}`);
  await officer.request('POST', '/api/v1/auth/totp/confirm', { code: authenticator.generate() });
  return authenticator;
}

/** A port on each side of the border at Erenhot / Zamyn-Üüd, each named in two languages only. */
async function seedBorderPorts(admin: ApiSession): Promise<void> {
  const ports = [
    {
      code: 'CN-ERL',
      country: 'CN',
      names: { zh: '二连浩特', en: 'Erenhot' },
      kind: 'road_rail',
      lon: 111.98,
      lat: 43.65,
    },
    {
      code: 'MN-ZUU',
      country: 'MN',
      names: { en: 'Zamyn-Uud', ru: 'Замын-Ууд' },
      kind: 'road_rail',
      lon: 111.9,
      lat: 43.72,
    },
  ];
  for (const port of ports) await admin.request('PUT', `/api/v1/directory/ports/${port.code}`, port);
}

describe('the officers web app in Chromium', () => {
  let officerAuthenticator: OTPAuth.TOTP;
  const app = browserOnOneNode(async ({ node, admin }) => {
    await seedErenhotCounty(admin);
    await seedBorderPorts(admin);
    officerAuthenticator = await seedPortOfficerWithTotp(admin, node.baseUrl);
  });

  async function signIn(password = ADMIN.password) {
    const { page } = app;
    await page.getByLabel('Username').fill(ADMIN.username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('shows the node problem detail when the password is wrong', async () => {
    const { page } = app;
    await page.goto(app.node.baseUrl);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(app.heading).toBe('Sign in');
    await signIn('not-the-password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect((await alert.textContent())?.trim().length).toBeGreaterThan(0);
    await app.browser.screenshot('login-refused');
  });

  it('signs the administrator in and draws the home map with the ports layer', async () => {
    const { page } = app;
    await page.getByLabel('Password').fill('');
    await signIn();
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(app.heading).toBe('The three clears');
    await page
      .locator('section.map[data-state="ready"] canvas.maplibregl-canvas')
      .waitFor({ timeout: 20_000 });
    expect(await page.getByRole('heading', { name: 'Port status' }).isVisible()).toBe(true);
    expect(await page.getByTestId('map-summary').textContent()).toBe(
      'Ports on the map: 2 · border counties: 1',
    );
    expect(await page.getByText('Border county, risk level not reported').isVisible()).toBe(true);
    await expect
      .poll(() => page.getByTestId('overdue-counts').textContent())
      .toBe('Overdue: 0 to acknowledge, 0 awaiting the counterpart');
    await app.browser.screenshot('home-en');
  });

  it('offers the administrator every module but the personal-data desk', async () => {
    const { page } = app;
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    expect(await navigation.getByRole('link').allTextContents()).toEqual([
      'Three clears',
      'Inbox and outbox',
      'Situation',
      'Port board',
      'Operations',
      'Liaison log',
      'Reports',
      'Administration',
    ]);
    await navigation.getByRole('link', { name: 'Administration' }).click();
    await expect.poll(app.heading).toBe('Administration');
    await page.getByRole('tab', { name: 'Users', selected: true }).waitFor();
    await navigation.getByRole('link', { name: 'Three clears' }).click();
    await expect.poll(app.heading).toBe('The three clears');
  });

  it('switches the interface to Chinese and to Russian', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(app.heading).toBe('三个清楚');
    expect(await page.getByRole('button', { name: '退出登录' }).isVisible()).toBe(true);
    expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');
    await page.locator('section.map[data-state="ready"]').waitFor({ timeout: 20_000 });
    await app.browser.screenshot('home-zh');
    await page.getByText('口岸列表（2）').click();
    expect(await page.getByRole('cell', { name: '二连浩特', exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('cell', { name: '蒙古' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Русский' }).click();
    await expect.poll(app.heading).toBe('Три ясности');
    expect(await page.getByRole('cell', { name: 'Замын-Ууд' }).isVisible()).toBe(true);
    expect(await page.getByRole('cell', { name: 'Монголия' }).isVisible()).toBe(true);
    await page.locator('section.map[data-state="ready"]').waitFor({ timeout: 20_000 });
    expect(await page.getByRole('button', { name: 'Приблизить' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Оповещения в реальном времени' }).isVisible()).toBe(true);
    await app.browser.screenshot('home-ru');
  });

  it('keeps the chosen language across sign-out and sign-in', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Выйти' }).click();
    await expect.poll(app.heading).toBe('Вход в систему');
    await page.getByLabel('Имя пользователя').fill(ADMIN.username);
    await page.getByLabel('Пароль').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect.poll(app.heading).toBe('Три ясности');
  });

  it('restores the session when the page is reloaded', async () => {
    const { page } = app;
    await page.reload();
    await expect.poll(app.heading).toBe('Три ясности');
  });

  it('has no serious or critical accessibility violations on the home page in any language', async () => {
    const { page } = app;
    for (const language of ['中文', 'Русский', 'English']) {
      await page.getByRole('button', { name: language, pressed: false }).click();
      await page.getByRole('button', { name: language, pressed: true }).waitFor();
      expect(await seriousAccessibilityViolations(page), language).toEqual([]);
    }
  });

  it('has no serious or critical accessibility violations on the sign-in page', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Username').waitFor();
    await app.browser.screenshot('login');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('asks a port officer for the TOTP code, then opens the app in their language with their navigation', async () => {
    const { page } = app;
    await page.getByLabel('Username').fill(PORT_OFFICER.username);
    await page.getByLabel('Password').fill(PORT_OFFICER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Two-step verification' }).waitFor();
    await page.getByLabel('Verification code').fill('000000');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('alert').waitFor();
    await app.browser.screenshot('login-totp-refused');
    await page.getByLabel('Verification code').fill(officerAuthenticator.generate());
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect.poll(app.heading).toBe('Три ясности');
    const links = page.getByRole('navigation', { name: 'Основная навигация' }).getByRole('link');
    expect(await links.allTextContents()).toEqual([
      'Три ясности',
      'Входящие и исходящие',
      'Пункты пропуска',
      'Оповещения',
    ]);
    await page.goto(`${app.node.baseUrl}/operations`);
    await expect
      .poll(() => page.getByText('Ваши роли не дают доступа к этой странице.').isVisible())
      .toBe(true);
    await app.browser.screenshot('forbidden-port-officer');
  });

  it('logged no console errors along the way', () => {
    expect(app.browser.consoleErrors).toEqual([]);
  });
});

describe('the web build', () => {
  it('keeps the home route initial JavaScript within 350 KB gzipped', () => {
    const report = JSON.parse(readFileSync(path.join(repoRoot, 'web/dist/bundle-size.json'), 'utf8')) as {
      initialJsGzipBytes: number;
    };
    expect(report.initialJsGzipBytes).toBeGreaterThan(0);
    expect(report.initialJsGzipBytes).toBeLessThanOrEqual(350 * 1024);
  });
});
