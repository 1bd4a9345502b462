import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { startTestNode, type TestNode } from '../../../test/support/nodes.js';
import {
  type Envelope,
  generateNodeKeys,
  newEnvelope,
  signDelivery,
  signEnvelope,
  verifyReceipt,
} from './crypto/index.js';
import { tamperPayload } from './crypto/test-factories.js';
import {
  adminOf,
  buildOutgoing,
  eventually,
  expectEachOnce,
  FAST_OUTBOX,
  outboxOf,
  recordingHandlers,
  send,
  trustPeer,
} from './test-support/federation-nodes.js';
import { trustedKeysLookup } from './trust.js';

const MESSAGES = '/federation/v1/messages';

describeEachDatabase('federation between three nodes', (dialect) => {
  let a: TestNode;
  let b: TestNode;
  let c: TestNode;
  const atA = recordingHandlers();
  const atB = recordingHandlers();
  const atC = recordingHandlers();

  beforeAll(async () => {
    [a, b, c] = await Promise.all([
      startTestNode(dialect, { code: 'CN-NIA', env: FAST_OUTBOX }),
      startTestNode(dialect, { code: 'MN-GABP', env: FAST_OUTBOX }),
      startTestNode(dialect, { code: 'RU-FSB', env: FAST_OUTBOX }),
    ]);
    a.node.federation.useHandlers(atA.handlers);
    b.node.federation.useHandlers(atB.handlers);
    c.node.federation.useHandlers(atC.handlers);
    await trustPeer(a, b);
    await trustPeer(a, c, { language: 'ru' });
    await trustPeer(b, a);
    await trustPeer(c, a);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop(), c?.stop()]);
  });

  /** A delivery as A's worker would send it, for tests that post by hand. */
  async function deliveryFromA(fields: Partial<Envelope> = {}, sentAt?: string) {
    const { signing } = await a.node.federation.deps.identity.keys();
    const envelope = newEnvelope({
      from: 'CN-NIA',
      to: ['MN-GABP'],
      type: 'liaison.message',
      body: { subject: 'Hand-made', text: 'posted by the test' },
    });
    const envelopeJws = await signEnvelope({ ...envelope, ...fields }, signing);
    return signDelivery({ envelopeJws, attempt: 1, ...(sentAt && { sentAt }) }, signing);
  }

  describe('keys and trust list', () => {
    it('publishes public keys only, without a session', async () => {
      const jwks = await b
        .anonymous()
        .get<{ keys: Array<Record<string, unknown>> }>('/.well-known/borderlink/jwks.json');
      expect(jwks.status).toBe(200);
      expect(jwks.body.keys.map((key) => key.use).sort()).toEqual(['enc', 'sig']);
      expect(jwks.body.keys.every((key) => key.d === undefined)).toBe(true);
    });

    it('shows its own code, URL and fingerprint to signed-in users only', async () => {
      expect((await a.anonymous().get('/api/v1/federation/keys')).status).toBe(401);
      const viewer = await a.userWith(['viewer']);
      const keys = await viewer.get<{ code: string; url: string; fingerprint: string }>(
        '/api/v1/federation/keys',
      );
      expect(keys.status).toBe(200);
      expect(keys.body.code).toBe('CN-NIA');
      expect(keys.body.url).toBe(a.url);
      expect(keys.body.fingerprint).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });

    it('lets only administrators add or remove peers', async () => {
      const officer = await a.userWith(['liaison_officer']);
      const body = { code: 'KZ-KNB', mode: 'manual', email: 'duty@knb.example', language: 'ru' };
      expect((await a.anonymous().post('/api/v1/federation/peers', body)).status).toBe(401);
      expect((await officer.post('/api/v1/federation/peers', body)).status).toBe(403);
      expect((await officer.delete('/api/v1/federation/peers/MN-GABP')).status).toBe(403);
    });

    it('refuses a peer with bad input before doing anything', async () => {
      const admin = await adminOf(a);
      const unknownField = await admin.post('/api/v1/federation/peers', { code: 'KZ-KNB', colour: 'red' });
      expect(unknownField.status).toBe(400);
      const badCode = await admin.post('/api/v1/federation/peers', { code: 'not a code', mode: 'manual' });
      expect(badCode.status).toBe(400);
      const noFingerprint = await admin.post('/api/v1/federation/peers', { code: 'KZ-KNB', url: b.url });
      expect(noFingerprint.body.code).toBe('federation.fingerprint_required');
    });

    it('refuses a node whose keys do not match the pinned fingerprint', async () => {
      const cKeys = await (await adminOf(c)).get<{ fingerprint: string }>('/api/v1/federation/keys');
      const added = await (await adminOf(b)).post('/api/v1/federation/peers', {
        code: 'CN-NIA',
        url: c.url,
        fingerprint: cKeys.body.fingerprint,
      });
      expect(added.status).toBe(409);
      const impostor = await (await adminOf(b)).post('/api/v1/federation/peers', {
        code: 'KZ-KNB',
        url: c.url,
        fingerprint: cKeys.body.fingerprint,
      });
      expect(impostor.status).toBe(400);
      expect(impostor.body.code).toBe('federation.announcement_refused');
      const wrongNode = await (await adminOf(c)).post('/api/v1/federation/peers', {
        code: 'MN-GABP',
        url: b.url,
        fingerprint: cKeys.body.fingerprint,
      });
      expect(wrongNode.status).toBe(400);
      expect(wrongNode.body.code).toBe('federation.fingerprint_mismatch');
    });

    it('adds a manual peer, makes it a counterpart agency, and removes it', async () => {
      const admin = await adminOf(a);
      const added = await admin.post('/api/v1/federation/peers', {
        code: 'KZ-KNB',
        mode: 'manual',
        email: 'duty@knb.example',
        language: 'ru',
      });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({ code: 'KZ-KNB', mode: 'manual', url: null, status: 'active' });
      const agency = await admin.get('/api/v1/directory/agencies/KZ-KNB');
      expect(agency.body).toMatchObject({ kind: 'counterpart', language: 'ru' });
      const listed = await admin.get<{ items: Array<{ code: string }> }>('/api/v1/federation/peers');
      expect(listed.body.items.map((peer) => peer.code)).toEqual(['KZ-KNB', 'MN-GABP', 'RU-FSB']);
      expect((await admin.delete('/api/v1/federation/peers/KZ-KNB')).status).toBe(204);
      expect((await admin.delete('/api/v1/federation/peers/KZ-KNB')).status).toBe(404);
    });

    it('made each node peer a counterpart agency in the directory', async () => {
      const agency = await (await adminOf(a)).get('/api/v1/directory/agencies/RU-FSB');
      expect(agency.body).toMatchObject({ code: 'RU-FSB', kind: 'counterpart', language: 'ru' });
    });
  });

  describe('delivery', () => {
    it('delivers a message once to each recipient and stores their signed receipts', async () => {
      const message = buildOutgoing({ to: ['MN-GABP', 'RU-FSB'] });
      await send(a, message);
      await eventually(async () => {
        const rows = (await outboxOf(a)).filter((row) => row.message_id === message.id);
        expect(rows.map((row) => row.status)).toEqual(['delivered', 'delivered']);
      });
      expect(atB.incoming.get(message.id)).toHaveLength(1);
      expect(atC.incoming.get(message.id)).toHaveLength(1);
      expect(atB.incoming.get(message.id)?.[0]).toMatchObject({
        from: 'CN-NIA',
        to: ['MN-GABP', 'RU-FSB'],
        body: message.body,
      });
      const trusted = { trustedKeys: trustedKeysLookup(a.node.context.db), self: 'CN-NIA' };
      for (const row of (await outboxOf(a)).filter((r) => r.message_id === message.id)) {
        const receipt = await verifyReceipt(row.receipt ?? '', trusted);
        expect(receipt.ok && receipt.receipt).toMatchObject({
          messageId: message.id,
          from: row.peer,
          status: 'delivered',
        });
      }
      const delivered = atA.changes.filter((change) => change.messageId === message.id);
      expect(delivered.map((change) => [change.peer, change.status]).sort()).toEqual([
        ['MN-GABP', 'delivered'],
        ['RU-FSB', 'delivered'],
      ]);
    });

    it('encrypts bodies with personal data to each recipient, who reads them decrypted', async () => {
      const body = { persons: [{ name: 'BATBAYAR Dorj', document: 'E1234567' }] };
      const message = buildOutgoing({
        type: 'persons.movement',
        to: ['MN-GABP', 'RU-FSB'],
        body,
        personalData: true,
      });
      await send(a, message);
      await eventually(() => {
        expect(atB.incoming.get(message.id)?.[0]?.body).toEqual(body);
        expect(atC.incoming.get(message.id)?.[0]?.body).toEqual(body);
      });
      const stored = await a.node.context.db
        .selectFrom('federation_messages')
        .select('envelope')
        .where('id', '=', message.id)
        .executeTakeFirstOrThrow();
      expect(stored.envelope).not.toContain('BATBAYAR');
      expect(Buffer.from(stored.envelope.split('.')[1] ?? '', 'base64url').toString()).not.toContain(
        'BATBAYAR',
      );
    });

    it('carries attachment bytes, checked against the signed sha256', async () => {
      const bytes = Buffer.from('%PDF-1.4 situation report of the day');
      const ref = await a.node.federation.storeAttachment(bytes, {
        name: 'report.pdf',
        mediaType: 'application/pdf',
      });
      const message = buildOutgoing({ attachments: [ref] });
      await send(a, message);
      await eventually(() => expect(atB.incoming.get(message.id)?.[0]?.attachments).toEqual([ref]));
      expect(await b.node.federation.readAttachment(ref.sha256)).toEqual(bytes);
    });

    it('keeps messages for a manual peer out of HTTP delivery, marked manual', async () => {
      await (await adminOf(a)).post('/api/v1/federation/peers', {
        code: 'KG-GKNB',
        mode: 'manual',
        language: 'ru',
      });
      const message = buildOutgoing({ to: ['KG-GKNB', 'MN-GABP'] });
      await send(a, message);
      await eventually(async () => {
        const rows = (await outboxOf(a)).filter((row) => row.message_id === message.id);
        expect(rows.map((row) => [row.peer, row.status]).sort()).toEqual([
          ['KG-GKNB', 'manual'],
          ['MN-GABP', 'delivered'],
        ]);
      });
    });

    it('refuses to queue a message for an agency that is not a peer', async () => {
      await expect(send(a, buildOutgoing({ to: ['XX-NOBODY'] }))).rejects.toMatchObject({
        code: 'federation.unknown_recipient',
      });
    });
  });

  describe('refusals', () => {
    it('answers a duplicate delivery with the receipt it gave the first time', async () => {
      const delivery = await deliveryFromA();
      const first = await b.anonymous().post<{ receipt: string; duplicate: boolean }>(MESSAGES, { delivery });
      expect(first.status).toBe(200);
      expect(first.body.duplicate).toBe(false);
      const envelopeJws = JSON.parse(
        Buffer.from(delivery.split('.')[1] ?? '', 'base64url').toString(),
      ).envelope;
      const { signing } = await a.node.federation.deps.identity.keys();
      const again = await signDelivery({ envelopeJws, attempt: 2 }, signing);
      const second = await b
        .anonymous()
        .post<{ receipt: string; duplicate: boolean }>(MESSAGES, { delivery: again });
      expect(second.status).toBe(200);
      expect(second.body).toEqual({ ...first.body, duplicate: true });
    });

    it('refuses the very same signed request presented twice as a replay', async () => {
      const delivery = await deliveryFromA();
      const first = await b.anonymous().post<{ receipt: string }>(MESSAGES, { delivery });
      const replay = await b.anonymous().post(MESSAGES, { delivery });
      expect(replay.status).toBe(409);
      expect(replay.headers.get('content-type')).toContain('application/problem+json');
      expect(replay.body).toMatchObject({ code: 'federation.replay', receipt: first.body.receipt });
    });

    it('refuses a sender that is not on the trust list', async () => {
      const stranger = await generateNodeKeys('KZ-KNB');
      const envelopeJws = await signEnvelope(
        newEnvelope({ from: 'KZ-KNB', to: ['MN-GABP'], type: 'liaison.message', body: {} }),
        stranger.signing,
      );
      const delivery = await signDelivery({ envelopeJws, attempt: 1 }, stranger.signing);
      const refused = await b.anonymous().post(MESSAGES, { delivery });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('federation.unknown_sender');
    });

    it('refuses a delivery whose signed content was changed on the way', async () => {
      const delivery = tamperPayload(await deliveryFromA(), (payload) => {
        payload.attempt = 7;
      });
      const refused = await b.anonymous().post(MESSAGES, { delivery });
      expect(refused.status).toBe(401);
      expect(refused.body.code).toBe('federation.bad_signature');
    });

    it('refuses a stale delivery and one from the future', async () => {
      const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000).toISOString();
      const stale = await b.anonymous().post(MESSAGES, { delivery: await deliveryFromA({}, eightDaysAgo) });
      expect(stale.status).toBe(400);
      expect(stale.body.code).toBe('federation.stale');
      const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
      const future = await b.anonymous().post(MESSAGES, { delivery: await deliveryFromA({}, inAnHour) });
      expect(future.body.code).toBe('federation.from_future');
    });

    it('refuses a message addressed to another node', async () => {
      const refused = await b
        .anonymous()
        .post(MESSAGES, { delivery: await deliveryFromA({ to: ['RU-FSB'] }) });
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('federation.not_addressed_to_us');
    });

    it('answers each delivery of a batch request on its own', async () => {
      const good = await deliveryFromA();
      const tampered = tamperPayload(await deliveryFromA(), (payload) => {
        payload.attempt = 9;
      });
      const answer = await b
        .anonymous()
        .post<{ results: Array<Record<string, unknown>> }>(`${MESSAGES}/batch`, {
          items: [{ delivery: tampered }, { delivery: good }, { delivery: good }],
        });
      expect(answer.status).toBe(200);
      const [refused, accepted, replayed] = answer.body.results;
      expect(refused).toMatchObject({ httpStatus: 401, code: 'federation.bad_signature' });
      expect(accepted).toMatchObject({ httpStatus: 200, status: 'delivered', duplicate: false });
      expect(replayed).toMatchObject({
        httpStatus: 409,
        code: 'federation.replay',
        receipt: accepted?.receipt,
      });
    });

    it('refuses a malformed request body', async () => {
      const refused = await b.anonymous().post(MESSAGES, { delivery: 'x', extra: true });
      expect(refused.status).toBe(400);
    });

    it('gives a signed rejected receipt when the handlers refuse the content', async () => {
      b.node.federation.useHandlers({
        ...atB.handlers,
        async incoming(trx, message) {
          if (message.type === 'unknown.kind') {
            const { AppError } = await import('../../core/errors.js');
            throw new AppError('invalid', 'exchange.unknown_type', 'no such notification type');
          }
          await atB.handlers.incoming(trx, message);
        },
      });
      const message = buildOutgoing({ type: 'unknown.kind' });
      await send(a, message);
      await eventually(async () => {
        const row = (await outboxOf(a)).find((r) => r.message_id === message.id);
        expect(row?.status).toBe('rejected');
      });
      expect(atA.changes.find((change) => change.messageId === message.id)).toMatchObject({
        status: 'rejected',
        reason: 'no such notification type',
      });
      b.node.federation.useHandlers(atB.handlers);
    });
  });

  it('stored every message sent in this suite exactly once', async () => {
    const sentToB = (await outboxOf(a)).filter((row) => row.peer === 'MN-GABP' && row.status === 'delivered');
    const deliveredIds = sentToB.map((row) => row.message_id);
    const viaApi = [...atB.incoming.keys()].filter((id) => deliveredIds.includes(id));
    expectEachOnce(new Map(viaApi.map((id) => [id, atB.incoming.get(id) ?? []])), deliveredIds);
  });
  it('refuses deliveries from a peer once it is removed from the trust list', async () => {
    expect((await (await adminOf(c)).delete('/api/v1/federation/peers/CN-NIA')).status).toBe(204);
    const { signing } = await a.node.federation.deps.identity.keys();
    const envelopeJws = await signEnvelope(
      newEnvelope({ from: 'CN-NIA', to: ['RU-FSB'], type: 'liaison.message', body: {} }),
      signing,
    );
    const delivery = await signDelivery({ envelopeJws, attempt: 1 }, signing);
    const refused = await c.anonymous().post(MESSAGES, { delivery });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('federation.unknown_sender');
  });
});
