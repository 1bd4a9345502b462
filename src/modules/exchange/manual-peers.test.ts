import { createHash } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import type { ApiClient } from '../../../test/support/http-client.js';
import { freePort, startTestNode, type TestNode } from '../../../test/support/nodes.js';
import { eventually } from '../federation/test-support/federation-nodes.js';
import { buildPersonsMovement, buildPortPolicy } from './bodies/test-support/body-factories.js';
import { purgeExpired } from './exchange.service.js';
import {
  addCounterparts,
  addManualPeer,
  createOrThrow,
  newNotification,
} from './test-support/exchange-nodes.js';

interface Recipient {
  agency: string;
  status: string;
  channel: string;
  acknowledgedAt: string | null;
}

/** A local SMTP server that keeps every message it accepts. */
async function startMailbox() {
  const messages: Array<{ to: string[]; raw: string }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => {
        raw += chunk.toString('utf8');
      });
      stream.on('end', () => {
        messages.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw });
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { messages, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describeEachDatabase('manual peers, attachments, personal data and live events', (dialect) => {
  let node: TestNode;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let officer: ApiClient;
  let cleared: ApiClient;

  let officerToken: string;

  beforeAll(async () => {
    mailbox = await startMailbox();
    node = await startTestNode(dialect, {
      code: 'CN-NIA',
      env: {
        BORDERLINK_SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`,
        BORDERLINK_SMTP_FROM: 'liaison@cn-nia.example',
      },
    });
    await addCounterparts(node, ['KZ-KNB']);
    await addManualPeer(node, 'KZ-KNB', { language: 'ru', email: 'duty@kz-knb.example' });
    officer = await node.userWith(['liaison_officer'], { username: 'manual-officer' });
    cleared = await node.userWith(['liaison_officer'], { username: 'cleared-officer', personalData: true });
    const token = await (await node.admin()).post<{ token: string }>('/api/v1/tokens', {
      username: 'manual-officer',
      name: 'tests',
    });
    officerToken = token.body.token;
  });

  afterAll(async () => {
    await node?.stop();
    await mailbox?.close();
  });

  it('mails a manual peer its copy in its language with the PDF, and marks it sent', async () => {
    const id = await createOrThrow(
      officer,
      newNotification({ type: 'port.policy', to: ['KZ-KNB'], body: buildPortPolicy() }),
    );
    await eventually(() => {
      expect(mailbox.messages.some((message) => message.raw.includes(id))).toBe(true);
    });
    const mail = mailbox.messages.find((message) => message.raw.includes(id));
    expect(mail?.to).toEqual(['duty@kz-knb.example']);
    expect(mail?.raw).toContain('application/pdf');
    expect(mail?.raw).toContain(`notification-${id}-ru.pdf`);
    await eventually(async () => {
      const view = await officer.get<{ recipients: Recipient[] }>(`/api/v1/notifications/${id}`);
      expect(view.body.recipients).toEqual([
        expect.objectContaining({ agency: 'KZ-KNB', channel: 'manual', status: 'sent' }),
      ]);
    });
  });

  it('renders the copy for a manual peer as Russian text and as a PDF', async () => {
    const id = await createOrThrow(
      officer,
      newNotification({ type: 'port.policy', to: ['KZ-KNB'], body: buildPortPolicy() }),
    );
    const text = await officer.get(`/api/v1/notifications/${id}/document?format=txt&agency=KZ-KNB`);
    expect(text.status).toBe(200);
    expect(text.headers.get('content-language')).toBe('ru');
    expect(text.text).toMatch(/[а-яА-Я]{4}/);
    expect(text.text).toContain(id);
    const pdf = await officer.get(`/api/v1/notifications/${id}/document?format=pdf&agency=KZ-KNB`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.text.startsWith('%PDF-')).toBe(true);
    const chinese = await officer.get(
      `/api/v1/notifications/${id}/document?format=pdf&agency=KZ-KNB&lang=zh`,
    );
    expect(chinese.headers.get('content-language')).toBe('zh');
    expect(chinese.text).toContain('NotoSansHans');
    const stranger = await officer.get(`/api/v1/notifications/${id}/document?agency=MN-GABP`);
    expect(stranger.status).toBe(400);
  });

  it('lets officers record the manual peer acknowledgement and its reply by hand', async () => {
    const id = await createOrThrow(officer, newNotification({ to: ['KZ-KNB'], priority: 'urgent' }));
    const at = new Date().toISOString();
    const recorded = await officer.post(`/api/v1/notifications/${id}/recipients/KZ-KNB/status`, {
      status: 'acknowledged',
      at,
      note: 'confirmed by phone',
    });
    expect(recorded.status).toBe(204);
    const view = await officer.get<{ recipients: Recipient[] }>(`/api/v1/notifications/${id}`);
    expect(view.body.recipients[0]).toMatchObject({ status: 'acknowledged', acknowledgedAt: at });
    const backwards = await officer.post(`/api/v1/notifications/${id}/recipients/KZ-KNB/status`, {
      status: 'delivered',
      at,
    });
    expect(backwards.status).toBe(409);
    const viewer = await node.userWith(['viewer']);
    expect(
      (await viewer.post(`/api/v1/notifications/${id}/recipients/KZ-KNB/status`, { status: 'read', at }))
        .status,
    ).toBe(403);

    const reply = await officer.post<{ id: string }>('/api/v1/notifications/manual-incoming', {
      from: 'KZ-KNB',
      type: 'liaison.message',
      priority: 'routine',
      body: { subject: 'Ответ', text: 'Принято к сведению.' },
      inReplyTo: id,
      receivedAt: at,
      via: 'fax',
    });
    expect(reply.status).toBe(201);
    const inbox = await officer.get<{ items: Array<{ id: string; origin: string; inReplyTo: string }> }>(
      '/api/v1/notifications?box=inbox',
    );
    expect(inbox.body.items).toContainEqual(
      expect.objectContaining({ id: reply.body.id, origin: 'manual', inReplyTo: id }),
    );
  });

  it('stores an attachment under its SHA-256 with the sniffed type and refuses one over 20 MB', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    const uploaded = await officer.raw('POST', '/api/v1/attachments', pdf, 'application/octet-stream');
    expect(uploaded.status).toBe(400);
    const named = await upload(node.url, officerToken, 'notice.bin', pdf);
    expect(named.status).toBe(201);
    expect(named.body).toEqual({
      name: 'notice.bin',
      sha256: createHash('sha256').update(pdf).digest('hex'),
      size: pdf.length,
      mediaType: 'application/pdf',
    });
    const id = await createOrThrow(
      officer,
      newNotification({ to: ['KZ-KNB'], attachments: [{ sha256: named.body.sha256, name: 'Приказ.pdf' }] }),
    );
    const view = await officer.get<{ attachments: Array<{ name: string; mediaType: string }> }>(
      `/api/v1/notifications/${id}`,
    );
    expect(view.body.attachments).toEqual([
      expect.objectContaining({ name: 'Приказ.pdf', mediaType: 'application/pdf' }),
    ]);
    const download = await officer.get(`/api/v1/attachments/${String(named.body.sha256)}`);
    expect(download.status).toBe(200);
    expect(download.text).toBe(pdf.toString());

    const tooLarge = await upload(node.url, officerToken, 'big.bin', Buffer.alloc(20 * 1024 * 1024 + 1));
    expect(tooLarge.status).toBe(413);
    expect((await upload(node.url, null, 'x.pdf', pdf)).status).toBe(401);
  });

  it('shows personal-data notifications only to the cleared, audits each read and purges them after retention', async () => {
    const id = await createOrThrow(
      cleared,
      newNotification({ type: 'persons.movement', to: ['KZ-KNB'], body: buildPersonsMovement() }),
    );
    expect((await officer.get(`/api/v1/notifications/${id}`)).status).toBe(403);
    const outbox = await officer.get<{ items: Array<{ id: string }> }>(
      '/api/v1/notifications?box=outbox&limit=200',
    );
    expect(outbox.body.items.map((item) => item.id)).not.toContain(id);
    expect((await cleared.get(`/api/v1/notifications/${id}`)).status).toBe(200);
    const audited = await node.node.context.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('target_id', '=', id)
      .where('action', '=', 'notification.read_personal')
      .execute();
    expect(audited).toHaveLength(1);
    expect(audited[0]?.details).not.toContain('Zhang');

    const db = node.node.context.db;
    const row = await db
      .selectFrom('notifications')
      .select('purge_after')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.purge_after).not.toBeNull();
    const afterRetention = new Date(Date.parse(row.purge_after ?? '') + 1000);
    expect(
      await purgeExpired(
        { db, now: () => afterRetention },
        { userId: null, name: 'test', ip: null, requestId: null },
      ),
    ).toBeGreaterThanOrEqual(1);
    const purged = await cleared.get<{ purged: boolean; body: unknown; rendered: unknown }>(
      `/api/v1/notifications/${id}`,
    );
    expect(purged.body).toMatchObject({ purged: true, body: null, rendered: null });
  });

  it('streams a new notification to a logged-in user as a Server-Sent Event', async () => {
    const controller = new AbortController();
    const response = await fetch(new URL('/api/v1/events', node.url), {
      headers: { authorization: `Bearer ${officerToken}` },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const recorded = await officer.post<{ id: string }>('/api/v1/notifications/manual-incoming', {
      from: 'KZ-KNB',
      type: 'liaison.message',
      priority: 'flash',
      body: { subject: 'Срочно', text: 'Закрытие пункта пропуска.' },
      receivedAt: new Date().toISOString(),
    });
    let received = '';
    while (!received.includes(recorded.body.id)) {
      const chunk = await reader.read();
      if (chunk.done) break;
      received += new TextDecoder().decode(chunk.value);
    }
    controller.abort();
    expect(received).toContain('event: notification.received');
    expect(received).toContain(recorded.body.id);
    expect((await fetch(new URL('/api/v1/events', node.url))).status).toBe(401);
  });
});

/** Uploads raw bytes with an API token (the test client sends no custom headers). */
async function upload(baseUrl: string, token: string | null, name: string, bytes: Buffer) {
  const response = await fetch(new URL('/api/v1/attachments', baseUrl), {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(name),
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    },
    body: bytes,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
