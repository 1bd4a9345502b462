import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { ApiClient } from '../../../test/support/http-client.js';
import { useTestNode } from '../../../test/support/nodes.js';
import {
  forgetCachedSessions,
  SESSION_CACHE_TTL_MS,
  SessionCache,
  sessionGeneration,
} from './session-cache.js';

const clock = (start = 1_000_000) => {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
};

describe('session cache', () => {
  it('answers from memory within its TTL and reads again after it', () => {
    const time = clock();
    const cache = new SessionCache<string>(2000, time.now);
    cache.set('s1', 'alice', sessionGeneration());
    time.advance(1999);
    expect(cache.get('s1')).toBe('alice');
    time.advance(1);
    expect(cache.get('s1')).toBeUndefined();
  });

  it('forgets every entry when a session or user is written', () => {
    const cache = new SessionCache<string>();
    cache.set('s1', 'alice', sessionGeneration());
    forgetCachedSessions();
    expect(cache.get('s1')).toBeUndefined();
  });

  it('does not keep rows read while a revocation was being written', () => {
    const cache = new SessionCache<string>();
    const readAt = sessionGeneration();
    forgetCachedSessions();
    cache.set('s1', 'alice', readAt);
    expect(cache.get('s1')).toBeUndefined();
  });
});

describeEachDatabase('cached sessions', (dialect) => {
  const testNode = useTestNode(dialect);

  it('refuses a logged-out session on the next request even though it was just used', async () => {
    const officer = await testNode().userWith(['viewer']);
    // the same cookie kept elsewhere (another tab, or stolen): logging out must end it too
    const stolen = Object.assign(new ApiClient(officer.baseUrl), officer);
    expect((await officer.get('/api/v1/auth/session')).body).toMatchObject({ user: expect.anything() });
    expect((await officer.post('/api/v1/auth/logout')).status).toBe(204);
    const after = await stolen.get('/api/v1/directory/agencies');
    expect(after.status).toBe(401);
  });

  it('applies a role change and a disabling to a live session on its next request', async () => {
    const admin = await testNode().admin();
    const officer = await testNode().userWith(['viewer'], { username: 'cache-officer' });
    expect((await officer.get('/api/v1/audit')).status).toBe(403);
    const me = await officer.get<{ user: { id: string } }>('/api/v1/auth/session');
    const id = me.body.user.id;
    expect((await admin.patch(`/api/v1/users/${id}`, { roles: ['admin'] })).status).toBe(200);
    expect((await officer.get('/api/v1/audit')).status).toBe(200);
    expect((await admin.patch(`/api/v1/users/${id}`, { disabled: true })).status).toBe(200);
    expect((await officer.get('/api/v1/audit')).status).toBe(401);
  });

  it('sees a session deleted by another process within the cache TTL', async () => {
    const officer = await testNode().userWith(['viewer']);
    expect((await officer.get('/api/v1/directory/agencies')).status).toBe(200);
    // Another process sharing the database: the row goes, this process is not told.
    await testNode().node.context.db.deleteFrom('sessions').execute();
    await new Promise((resolve) => setTimeout(resolve, SESSION_CACHE_TTL_MS + 50));
    expect((await officer.get('/api/v1/directory/agencies')).status).toBe(401);
  });
});
