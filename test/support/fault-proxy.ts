import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the proxy does to one request:
 * - `pass`: forwards it;
 * - `drop`: closes the connection without forwarding (a lost request);
 * - `duplicate`: forwards it twice, answers with the first response (a retransmission);
 * - `delay`: forwards it after `delayMs`;
 * - `hold`: keeps it until the next request has been forwarded, then forwards it (reordering);
 * - `cut`: forwards it, then closes the connection instead of answering (the receiver died mid-request);
 * - `down`: closes the connection at once, as a node that is not there.
 */
export type Fault = 'pass' | 'drop' | 'duplicate' | 'delay' | 'hold' | 'cut' | 'down';

export interface FaultProxy {
  readonly url: string;
  /** Chooses the fault for each request; `index` counts requests from 0. */
  plan(choose: (request: { index: number; path: string }) => Fault): void;
  /** Requests seen so far, by fault applied. */
  readonly seen: Record<Fault, number>;
  close(): Promise<void>;
}

interface Captured {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

const HOLD_LIMIT_MS = 500;

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Starts a loopback HTTP proxy to `target` that injects faults chosen per request. */
export async function startFaultProxy(
  target: string,
  options: { delayMs?: number } = {},
): Promise<FaultProxy> {
  let choose: (request: { index: number; path: string }) => Fault = () => 'pass';
  let index = 0;
  const seen: Record<Fault, number> = { pass: 0, drop: 0, duplicate: 0, delay: 0, hold: 0, cut: 0, down: 0 };
  let held: Array<() => void> = [];

  const forward = async (captured: Captured) => {
    const response = await fetch(`${target}${captured.path}`, {
      method: captured.method,
      headers: captured.headers,
      ...(captured.body.length > 0 && { body: captured.body }),
    });
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? 'application/octet-stream',
      body: Buffer.from(await response.arrayBuffer()),
    };
  };

  const answer = (res: ServerResponse, result: Awaited<ReturnType<typeof forward>>) => {
    res.writeHead(result.status, { 'content-type': result.contentType });
    res.end(result.body);
  };

  const releaseHeld = () => {
    const waiting = held;
    held = [];
    for (const release of waiting) release();
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    const fault = choose({ index, path });
    index += 1;
    seen[fault] += 1;
    if (fault === 'down' || fault === 'drop') {
      req.socket.destroy();
      return;
    }
    const captured: Captured = {
      method: req.method ?? 'GET',
      path,
      headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
      body: await readBody(req),
    };
    if (fault === 'hold') {
      await new Promise<void>((resolve) => {
        held.push(resolve);
        setTimeout(resolve, HOLD_LIMIT_MS);
      });
    }
    if (fault === 'delay') await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 200));
    const result = await forward(captured);
    if (fault !== 'hold') releaseHeld();
    if (fault === 'duplicate') await forward(captured);
    if (fault === 'cut') {
      req.socket.destroy();
      return;
    }
    answer(res, result);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    plan(next) {
      choose = next;
    },
    seen,
    async close() {
      releaseHeld();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
