import * as OTPAuth from 'otpauth';
import { describe, expect, it } from 'vitest';
import { signInOverApi } from './support/api-session.js';
import { ADMIN, browserOnTwoNodes } from './support/fixture.js';

const NEW_OFFICER = { username: 'sun.port', password: 'port-officer-password-7' };

interface OwnKeys {
  readonly code: string;
  readonly fingerprint: string;
  readonly fingerprintDisplay: string;
}

describe('the administration page in Chromium', () => {
  let counterpartKeys: OwnKeys;
  const app = browserOnTwoNodes({
    peered: false,
    seed: async (_ours, theirs) => {
      counterpartKeys = await theirs.admin.request<OwnKeys>('GET', '/api/v1/federation/keys');
    },
  });

  it('creates a port officer cleared for personal data, who can then sign in and open the warnings desk', async () => {
    const { page } = app;
    await app.signInAs(ADMIN);
    await app.open('Administration', 'Administration');
    await page.getByRole('rowheader', { name: 'admin', exact: true }).waitFor();
    await page.getByLabel('Username').fill(NEW_OFFICER.username);
    await page.getByLabel('Full name').fill('Sun Li');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('en');
    await page.getByLabel('Initial password').fill(NEW_OFFICER.password);
    await page.getByLabel('Port officer').check();
    await page.getByLabel('Cleared for personal data').check();
    await page.getByRole('button', { name: 'Create the user' }).click();
    await page.getByText('User sun.port is created.').waitFor();
    const row = page.getByRole('row', { name: /^sun\.port/ });
    await expect.poll(() => row.textContent()).toContain('Port officer');
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('Yes');
    await app.browser.screenshot('admin-users');
    await app.accessible('admin users');

    await app.signInAs(NEW_OFFICER);
    await app.open('Warnings', 'Warnings');
    await page.getByText('No open alerts at this moment.').waitFor();
    expect(await page.getByRole('link', { name: 'Administration' }).count()).toBe(0);
  }, 60_000);

  it('changes the officer roles, disables the account and sets a new password', async () => {
    const { page } = app;
    await app.signInAs(ADMIN);
    await app.open('Administration', 'Administration');
    await page.getByRole('button', { name: 'Edit sun.port' }).click();
    const editor = page.getByRole('region', { name: 'User sun.port' });
    await editor.getByLabel('Analyst').check();
    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('User sun.port is updated.').waitFor();
    const row = page.getByRole('row', { name: /^sun\.port/ });
    await expect.poll(() => row.textContent()).toContain('Port officer, Analyst');
    await editor.getByRole('button', { name: 'Disable the account' }).click();
    await page.getByText('sun.port is disabled and signed out.').waitFor();
    await expect.poll(() => row.textContent()).toContain('Disabled');
    await editor.getByRole('button', { name: 'Enable the account' }).click();
    await page.getByText('sun.port can sign in again.').waitFor();
    await editor.getByLabel('New password', { exact: true }).fill('port-officer-password-8');
    await editor.getByRole('button', { name: 'Set the password' }).click();
    await page.getByText('The password of sun.port is set; the account is unlocked.').waitFor();
    await app.browser.screenshot('admin-user-editor');
    await app.accessible('admin user editor');
    const officer = await signInOverApi(app.node.baseUrl, NEW_OFFICER.username, 'port-officer-password-8');
    const session = await officer.request<{ user: { roles: string[] } }>('GET', '/api/v1/auth/session');
    expect(session.user.roles).toEqual(['port_officer', 'analyst']);
  }, 60_000);

  it('issues an API token scoped to one role, which works until it is revoked', async () => {
    const { page } = app;
    const tokens = page.getByRole('region', { name: 'API tokens of sun.port' });
    await tokens.getByText('No API tokens.').waitFor();
    await tokens.getByLabel('Token name').fill('Document reader, lane 3');
    await tokens.getByLabel('Valid for (days)').fill('30');
    await tokens.getByLabel('Port officer').check();
    await tokens.getByRole('button', { name: 'Issue the token' }).click();
    const secret = (await tokens.getByTestId('token-secret').textContent()) ?? '';
    expect(secret).toMatch(/^blt_/);
    const row = tokens.getByRole('row', { name: /^Document reader, lane 3/ });
    await expect.poll(() => row.textContent()).toContain('Valid');
    expect(await row.textContent()).toContain('Port officer');
    await app.browser.screenshot('admin-tokens');
    await app.accessible('admin tokens');

    const withToken = () =>
      fetch(`${app.node.baseUrl}/api/v1/warning/hits`, { headers: { authorization: `Bearer ${secret}` } });
    expect((await withToken()).status).toBe(200);
    page.once('dialog', (dialog) => void dialog.accept());
    await tokens.getByRole('button', { name: 'Revoke Document reader, lane 3' }).click();
    await tokens.getByText('Token Document reader, lane 3 is revoked.').waitFor();
    await expect.poll(() => row.textContent()).toContain('Revoked');
    expect((await withToken()).status).toBe(401);
  });

  it('shows a locked account, unlocks it and removes a lost second factor', async () => {
    const { page } = app;
    const password = 'port-officer-password-8';
    const officer = await signInOverApi(app.node.baseUrl, NEW_OFFICER.username, password);
    const { uri } = await officer.request<{ uri: string }>('POST', '/api/v1/auth/totp/enrol', { password });
    const authenticator = OTPAuth.URI.parse(uri);
    if (!(authenticator instanceof OTPAuth.TOTP)) throw new Error(`Enrolment gave no TOTP URI: ${uri}`);
    await officer.request('POST', '/api/v1/auth/totp/confirm', { code: authenticator.generate() });
    const login = (secret: string) =>
      fetch(`${app.node.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: NEW_OFFICER.username, password: secret }),
      });
    for (let attempt = 0; attempt < 5; attempt += 1) await login('not-the-password');
    expect((await login(password)).status).toBe(429);

    await app.signInAs(ADMIN);
    await app.open('Administration', 'Administration');
    const row = page.getByRole('row', { name: /^sun\.port/ });
    await expect.poll(() => row.textContent()).toContain('Locked until');
    expect(await row.textContent()).toContain('Second factor on');
    await page.getByRole('button', { name: 'Edit sun.port' }).click();
    const editor = page.getByRole('region', { name: 'User sun.port' });
    await editor.getByRole('button', { name: 'Unlock the account' }).click();
    await page.getByText('sun.port can sign in again; the password is unchanged.').waitFor();
    await expect.poll(() => row.textContent()).not.toContain('Locked until');
    expect(await (await login(password)).json()).toEqual({ totpRequired: true });

    page.once('dialog', (dialog) => void dialog.accept());
    await editor.getByRole('button', { name: 'Remove the second factor' }).click();
    await page.getByText('The second factor of sun.port is removed and they are signed out.').waitFor();
    await expect.poll(() => row.textContent()).not.toContain('Second factor on');
    const signedIn = (await (await login(password)).json()) as { user?: { totpEnabled: boolean } };
    expect(signedIn.user?.totpEnabled).toBe(false);
    await app.browser.screenshot('admin-unlock-totp-reset');
    await app.accessible('admin unlock and second factor');
  }, 60_000);

  it('shows this node fingerprint and adds the counterpart node by URL and fingerprint', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Peers and keys' }).click();
    const ownKeys = await (
      await signInOverApi(app.node.baseUrl, ADMIN.username, ADMIN.password)
    ).request<OwnKeys>('GET', '/api/v1/federation/keys');
    await expect.poll(() => page.getByTestId('own-fingerprint').textContent()).toBe(ownKeys.fingerprint);
    expect(await page.getByTestId('own-fingerprint-display').textContent()).toBe(ownKeys.fingerprintDisplay);
    await page.getByText('This node trusts no peer yet.').waitFor();

    await page.getByLabel('Agency code').fill('MN-GABP');
    await page.getByLabel('Node address').fill(app.counterpart.baseUrl);
    await page.getByLabel('Key fingerprint').fill(counterpartKeys.fingerprintDisplay);
    await page.getByRole('button', { name: 'Add the peer' }).click();
    await page.getByText('MN-GABP is now a trusted peer.').waitFor({ timeout: 15_000 });
    const row = page.getByRole('row', { name: /^MN-GABP/ });
    await expect.poll(() => row.textContent()).toContain('Trusted');
    expect(await row.textContent()).toContain(counterpartKeys.fingerprintDisplay);
    await app.browser.screenshot('admin-peers');
    await app.accessible('admin peers');
  }, 60_000);

  it('refuses a peer whose node presents another fingerprint and says why', async () => {
    const { page } = app;
    await page.getByLabel('Agency code').fill('MN-OTHER');
    await page.getByLabel('Node address').fill(app.counterpart.baseUrl);
    await page.getByLabel('Key fingerprint').fill('A'.repeat(43));
    await page.getByRole('button', { name: 'Add the peer' }).click();
    await page.getByRole('alert').waitFor();
    expect(app.browser.acceptRefusal('/api/v1/federation/peers', 400)).toBeGreaterThan(0);
    expect(await page.getByRole('row', { name: /^MN-OTHER/ }).count()).toBe(0);
  });

  it('verifies the audit chain and reports it intact', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Audit' }).click();
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    const result = page.getByTestId('audit-result');
    await result.waitFor();
    expect(await result.textContent()).toMatch(/^The chain is intact: \d+ entries verified\.$/);
    await page.getByRole('cell', { name: 'federation.peer_add' }).waitFor();
    await app.browser.screenshot('admin-audit');
    await app.accessible('admin audit');
  });

  it('sets the own agency time zone in the settings, refusing one the node does not know', async () => {
    const { page } = app;
    const admin = await signInOverApi(app.node.baseUrl, ADMIN.username, ADMIN.password);
    const session = await admin.request<{ user: { agencyCode: string } }>('GET', '/api/v1/auth/session');
    const path = `/api/v1/directory/agencies/${session.user.agencyCode}`;
    await page.getByRole('tab', { name: 'Settings' }).click();
    const timeZone = page.getByLabel('Time zone', { exact: true });
    await timeZone.fill('Mars/Base');
    await page.getByRole('button', { name: 'Save the agency' }).click();
    await expect.poll(() => timeZone.getAttribute('aria-invalid')).toBe('true');
    expect(app.browser.acceptRefusal(path, 400)).toBeGreaterThan(0);
    await timeZone.fill('Asia/Shanghai');
    await page.getByRole('button', { name: 'Save the agency' }).click();
    await page.getByText('The agency is saved.').waitFor();
    expect(await admin.request<{ timeZone: string }>('GET', path)).toMatchObject({
      timeZone: 'Asia/Shanghai',
    });
  });

  it('changes the situation reporting deadline', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByLabel('Daily reporting deadline').fill('17:30');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('The settings are saved.').waitFor();
    const admin = await signInOverApi(app.node.baseUrl, ADMIN.username, ADMIN.password);
    const settings = await admin.request<{ reportingCutoff: string }>('GET', '/api/v1/situation/settings');
    expect(settings.reportingCutoff).toBe('17:30');
    await app.browser.screenshot('admin-settings');
    await app.accessible('admin settings');
  });

  it('shows the page in Chinese and in Russian without accessibility violations', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(app.heading).toBe('系统管理');
    await page.getByRole('tab', { name: '用户' }).click();
    await page.getByRole('button', { name: '创建用户' }).waitFor();
    await app.browser.screenshot('admin-zh');
    await app.accessible('admin zh');
    await page.getByRole('button', { name: 'Русский' }).click();
    await expect.poll(app.heading).toBe('Администрирование');
    await page.getByRole('button', { name: 'Создать пользователя' }).waitFor();
    await app.browser.screenshot('admin-ru');
    await app.accessible('admin ru');
  });

  it('logged no console errors', () => {
    expect(app.browser.consoleErrors).toEqual([]);
  });
});
