import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { ApiClient } from '../../../test/support/http-client.js';
import { ADMIN_PASSWORD, useTestNode } from '../../../test/support/nodes.js';
import { currentTotpCode } from './auth.service.js';

describeEachDatabase('authentication', (dialect) => {
  const testNode = useTestNode(dialect);

  it('logs the first admin in with the configured password and sets a strict HttpOnly cookie', async () => {
    const client = testNode().anonymous();
    const response = await client.login('admin', ADMIN_PASSWORD);
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({ username: 'admin', roles: ['admin'] });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/bl_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect((await client.get('/api/v1/auth/session')).status).toBe(200);
  });

  it('answers a wrong password with 401 problem+json and no cookie', async () => {
    const response = await testNode().anonymous().login('admin', 'not-the-password');
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 401, code: 'auth.login_failed' });
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('locks an account after five failed logins, even for the right password', async () => {
    await testNode().userWith(['viewer'], { username: 'lockme' });
    const client = testNode().anonymous();
    for (let i = 0; i < 5; i += 1) expect((await client.login('lockme', 'wrong-password')).status).toBe(401);
    const locked = await client.login('lockme', 'password-of-lockme');
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('auth.locked');
  });

  it('refuses a state-changing request that lacks the CSRF token', async () => {
    const client = await testNode().admin();
    client.setCsrf(null);
    const response = await client.post('/api/v1/auth/logout');
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('auth.csrf');
  });

  it('ends the session on logout', async () => {
    const client = await testNode().admin();
    expect((await client.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await client.get('/api/v1/auth/session')).status).toBe(401);
  });

  it('asks for a TOTP code once enrolled and accepts only the right one', async () => {
    const client = await testNode().userWith(['analyst'], { username: 'totpuser' });
    const borrowed = await client.post('/api/v1/auth/totp/enrol', { password: 'not-the-password' });
    expect(borrowed.status).toBe(400);
    expect(borrowed.body.code).toBe('auth.wrong_password');
    const enrol = await client.post<{ secret: string; uri: string }>('/api/v1/auth/totp/enrol', {
      password: 'password-of-totpuser',
    });
    expect(enrol.status).toBe(200);
    expect(enrol.body.uri).toMatch(/^otpauth:\/\/totp\//);
    expect((await client.post('/api/v1/auth/totp/confirm', { code: '000000' })).status).toBe(400);
    expect(
      (await client.post('/api/v1/auth/totp/confirm', { code: currentTotpCode(enrol.body.secret) })).status,
    ).toBe(204);

    const next = testNode().anonymous();
    const first = await next.login('totpuser', 'password-of-totpuser');
    expect(first.body).toEqual({ totpRequired: true });
    expect((await next.get('/api/v1/auth/session')).status).toBe(401);
    expect((await next.post('/api/v1/auth/totp', { code: '123456' })).status).toBe(401);
    const second = await next.post('/api/v1/auth/totp', { code: currentTotpCode(enrol.body.secret) });
    expect(second.status).toBe(200);
    expect((await next.get('/api/v1/auth/session')).status).toBe(200);
  });

  it('lets a user change their own password and ends their other sessions', async () => {
    const first = await testNode().userWith(['viewer'], { username: 'changer' });
    const second = await new ApiClient(testNode().url).loginOrThrow('changer', 'password-of-changer');
    const short = await first.post('/api/v1/auth/password', {
      currentPassword: 'password-of-changer',
      newPassword: 'x',
    });
    expect(short.status).toBe(400);
    expect(short.body.code).toBe('auth.password_too_short');
    const changed = await first.post('/api/v1/auth/password', {
      currentPassword: 'password-of-changer',
      newPassword: 'a-brand-new-password',
    });
    expect(changed.status).toBe(204);
    expect((await first.get('/api/v1/auth/session')).status).toBe(200);
    expect((await second.get('/api/v1/auth/session')).status).toBe(401);
    expect((await testNode().anonymous().login('changer', 'a-brand-new-password')).status).toBe(200);
  });

  describe('API tokens', () => {
    it('authenticate machine clients without CSRF, limited to their scopes, until revoked', async () => {
      const admin = await testNode().admin();
      await testNode().userWith(['port_officer', 'analyst'], { username: 'portsystem' });
      const created = await admin.post<{ token: string; view: { id: string; scopes: string[] } }>(
        '/api/v1/tokens',
        {
          username: 'portsystem',
          name: 'desk scanner',
          scopes: ['port_officer'],
        },
      );
      expect(created.status).toBe(201);
      expect(created.body.token).toMatch(/^blt_/);
      const machine = ApiClient.withToken(testNode().url, created.body.token);
      const session = await machine.get<{ user: { username: string } }>('/api/v1/auth/session');
      expect(session.status).toBe(200);
      expect(session.body.user.username).toBe('portsystem');

      const beyond = await admin.post('/api/v1/tokens', {
        username: 'portsystem',
        name: 'x',
        scopes: ['admin'],
      });
      expect(beyond.status).toBe(400);

      expect((await admin.delete(`/api/v1/tokens/${created.body.view.id}`)).status).toBe(204);
      const refused = await machine.get('/api/v1/auth/session');
      expect(refused.status).toBe(401);
      expect(refused.body.code).toBe('auth.bad_token');
    });
  });
});
