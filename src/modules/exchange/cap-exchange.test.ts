import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import type { ApiClient } from '../../../test/support/http-client.js';
import { startTestNode, type TestNode } from '../../../test/support/nodes.js';
import { buildMeasuresUpdate, buildPersonsMovement } from './bodies/test-support/body-factories.js';
import { validateCapXml } from './cap/index.js';
import { fixture, fixtureFiles } from './cap/test-support/cap-fixtures.js';
import { addCounterparts, createOrThrow, newNotification } from './test-support/exchange-nodes.js';

describeEachDatabase('CAP import and export', (dialect) => {
  let node: TestNode;
  let officer: ApiClient;

  beforeAll(async () => {
    node = await startTestNode(dialect, { code: 'CN-NIA' });
    await addCounterparts(node, ['MN-GABP']);
    officer = await node.userWith(['liaison_officer'], { username: 'cap-officer' });
  });

  afterAll(async () => {
    await node?.stop();
  });

  const importCap = (
    client: ApiClient,
    bytes: Buffer,
    query = '?from=MN-GABP',
    type = 'application/cap+xml',
  ) => client.raw('POST', `/api/v1/cap${query}`, bytes, type);

  it('imports every spec and real-world example as an inbox item from the named agency', async () => {
    const files = [...fixtureFiles('examples/spec'), ...fixtureFiles('examples/real')];
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const response = await importCap(officer, file.bytes, '?from=MN-GABP', 'application/xml');
      expect([200, 201], `${file.name}: ${response.text}`).toContain(response.status);
    }
    const inbox = await officer.get<{ items: Array<{ origin: string; senderAgency: string }> }>(
      '/api/v1/notifications?box=inbox&limit=200',
    );
    expect(inbox.body.items.filter((item) => item.origin === 'cap').length).toBeGreaterThanOrEqual(20);
    expect(inbox.body.items.every((item) => item.senderAgency === 'MN-GABP')).toBe(true);
  });

  it('records an alert imported twice once', async () => {
    const bytes = fixture('examples/spec', 'oasis-cap12-appendixA2-thunderstorm.xml');
    const first = await importCap(officer, bytes);
    const second = await importCap(officer, bytes);
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
  });

  it('refuses every negative example with a 4xx that names the problem', async () => {
    for (const file of fixtureFiles('negative')) {
      const response = await importCap(officer, file.bytes);
      expect(response.status, file.name).toBe(400);
      expect(response.body.code, file.name).toBe('exchange.cap_invalid');
      expect(String(response.body.detail), file.name).toMatch(/^CAP alert refused: .{10,}/);
      expect(response.body.errors, file.name).toEqual(
        expect.arrayContaining([expect.objectContaining({ message: expect.any(String) })]),
      );
    }
  });

  it('answers 401, 403, 415 and 400 before importing anything', async () => {
    const bytes = fixture('examples/spec', 'oasis-cap12-appendixA1-homeland-security.xml');
    expect((await importCap(node.anonymous(), bytes)).status).toBe(401);
    const viewer = await node.userWith(['viewer']);
    expect((await importCap(viewer, bytes)).status).toBe(403);
    expect((await importCap(officer, bytes, '?from=MN-GABP', 'text/plain')).status).toBe(415);
    const noSender = await importCap(officer, bytes, '');
    expect(noSender.status).toBe(400);
    expect(noSender.body.code).toBe('exchange.cap_needs_from');
  });

  it('turns an alert into a draft to forward when asked', async () => {
    const bytes = fixture('examples/spec', 'oasis-cap12-appendixA3-earthquake.xml');
    const response = await importCap(officer, bytes, '?mode=draft&to=MN-GABP');
    expect(response.status).toBe(201);
    const draft = await officer.get(`/api/v1/notifications/${String(response.body.id)}`);
    expect(draft.body).toMatchObject({ box: 'drafts', type: 'liaison.message' });
  });

  it('exports alert-kind notifications as CAP that the OASIS schema accepts', async () => {
    for (const request of [
      newNotification({ draft: true }),
      newNotification({
        type: 'measures.update',
        body: buildMeasuresUpdate(),
        priority: 'flash',
        draft: true,
      }),
    ]) {
      const id = await createOrThrow(officer, request);
      const response = await officer.get(`/api/v1/notifications/${id}/cap`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/cap+xml');
      expect(await validateCapXml(response.text)).toEqual({ ok: true });
      expect(response.text).toContain(`<identifier>${id}</identifier>`);
    }
  });

  it('refuses to export a type that is not an alert', async () => {
    const cleared = await node.userWith(['liaison_officer'], { personalData: true });
    const id = await createOrThrow(
      cleared,
      newNotification({ type: 'persons.movement', body: buildPersonsMovement(), draft: true }),
    );
    const response = await cleared.get(`/api/v1/notifications/${id}/cap`);
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('exchange.cap_not_exportable');
  });
});
