import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import type { ApiClient } from '../../../test/support/http-client.js';
import { useTestNode } from '../../../test/support/nodes.js';
import { currentTotpCode, type UserView } from './auth.service.js';

const UNKNOWN_USER = '01890000-0000-7000-8000-000000000000';

async function idOf(client: ApiClient): Promise<string> {
  return (await client.get<{ user: UserView }>('/api/v1/auth/session')).body.user.id;
}

describeEachDatabase('an administrator unlocks accounts and resets second factors', (dialect) => {
  const t = useTestNode(dialect);

  it('shows the lockout in the users list and lifts it without changing the password', async () => {
    const id = await idOf(await t().userWith(['viewer'], { username: 'locked.out' }));
    const stranger = t().anonymous();
    for (let i = 0; i < 5; i += 1) await stranger.login('locked.out', 'wrong-password');
    expect((await stranger.login('locked.out', 'password-of-locked.out')).body.code).toBe('auth.locked');
    const admin = await t().admin();
    const listed = await admin.get<{ items: UserView[] }>('/api/v1/users');
    const lockedUntil = listed.body.items.find((user) => user.id === id)?.lockedUntil;
    expect(lockedUntil && Date.parse(lockedUntil)).toBeGreaterThan(Date.now());

    const unlocked = await admin.post<UserView>(`/api/v1/users/${id}/unlock`);
    expect(unlocked.status).toBe(200);
    expect(unlocked.body).toMatchObject({ username: 'locked.out', lockedUntil: null });
    expect((await t().anonymous().login('locked.out', 'password-of-locked.out')).status).toBe(200);
    const audit = await t()
      .node.context.db.selectFrom('audit_log')
      .select(['action', 'actor_name'])
      .where('target_id', '=', id)
      .where('action', '=', 'user.unlock')
      .execute();
    expect(audit).toEqual([{ action: 'user.unlock', actor_name: 'admin' }]);
  });

  it('removes a lost authenticator, ends the sessions and lets the user sign in with the password', async () => {
    const user = await t().userWith(['analyst'], { username: 'lost.phone' });
    const id = await idOf(user);
    const enrol = await user.post<{ secret: string }>('/api/v1/auth/totp/enrol', {
      password: 'password-of-lost.phone',
    });
    await user.post('/api/v1/auth/totp/confirm', { code: currentTotpCode(enrol.body.secret) });
    expect((await t().anonymous().login('lost.phone', 'password-of-lost.phone')).body).toEqual({
      totpRequired: true,
    });

    const admin = await t().admin();
    const reset = await admin.post<UserView>(`/api/v1/users/${id}/totp/reset`);
    expect(reset.status).toBe(200);
    expect(reset.body.totpEnabled).toBe(false);
    expect((await user.get('/api/v1/auth/session')).status).toBe(401);
    const again = await t().anonymous().login('lost.phone', 'password-of-lost.phone');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ user: { username: 'lost.phone', totpEnabled: false } });
    const audit = await t()
      .node.context.db.selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', id)
      .where('action', '=', 'user.totp_reset')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('is for administrators only, answers 404 for unknown users and 400 for malformed ids', async () => {
    const officer = await t().userWith(['liaison_officer']);
    const id = await idOf(officer);
    for (const action of ['unlock', 'totp/reset']) {
      expect((await t().anonymous().post(`/api/v1/users/${id}/${action}`)).status).toBe(401);
      expect((await officer.post(`/api/v1/users/${id}/${action}`)).status).toBe(403);
      const admin = await t().admin();
      const unknown = await admin.post(`/api/v1/users/${UNKNOWN_USER}/${action}`);
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('auth.user_not_found');
      expect((await admin.post(`/api/v1/users/not-an-id/${action}`)).status).toBe(400);
    }
  });
});
