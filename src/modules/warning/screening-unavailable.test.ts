import { Session } from 'node:inspector/promises';
import { BroadcastChannel } from 'node:worker_threads';
import { afterEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { useTestNode } from '../../../test/support/nodes.js';
import { addTestPort, buildCrossing, buildEntry } from './test-support/factories.js';

// The screening thread says on this channel that it is waiting for the next screening.
const WAITING_CHANNEL = 'screening-unavailable-test';

/**
 * Run in the screening thread: takes the messages sent to it off its port before its own handler sees them,
 * until a screening comes, then ends the thread as a crash would (exit code 1) with that screening unanswered.
 * A running node passes its index no thread-start hook (only the index's own tests give one); the inspector
 * reaches the node's real thread from outside.
 */
const DIE_ON_NEXT_SCREENING = `{
  const threads = require('node:worker_threads');
  new threads.BroadcastChannel('${WAITING_CHANNEL}').postMessage('waiting');
  let received;
  do received = threads.receiveMessageOnPort(threads.parentPort);
  while (received?.message?.kind !== 'screen');
  process.exit(1);
}`;

/** An inspector session on this process, to reach its worker threads. */
function useThreadInspector() {
  let session: Session | undefined;
  let channel: BroadcastChannel | undefined;
  afterEach(() => {
    session?.disconnect();
    channel?.close();
    session = channel = undefined;
  });
  return {
    /** Makes the node's screening thread die as its next screening comes; resolves once it waits for it. */
    async killScreeningThreadOnNextScreening(): Promise<void> {
      const inspector = new Session();
      session = inspector;
      inspector.connect();
      const screeningThreads: { sessionId: string; threadId: number }[] = [];
      inspector.on('NodeWorker.attachedToWorker', ({ params }) => {
        // run from the sources, a screening thread starts through the TypeScript bootstrap (core/threads.ts);
        // the process's other thread is Node's own, for module loader hooks
        if (!params.workerInfo.url.endsWith('/typescript-thread.mjs')) return;
        const threadId = /^\[worker (\d+)\]$/.exec(params.workerInfo.title)?.[1];
        if (threadId === undefined) throw new Error(`unexpected thread title ${params.workerInfo.title}`);
        screeningThreads.push({ sessionId: params.sessionId, threadId: Number(threadId) });
      });
      await inspector.post('NodeWorker.enable', { waitForDebuggerOnStart: false });
      await expect.poll(() => screeningThreads.length).toBeGreaterThan(0);
      // The node's thread started with its first watchlist entry; a retrospective round's thread of its own,
      // which the maintenance worker starts after that, can be running beside it.
      const [sessionId] = screeningThreads
        .sort((a, b) => a.threadId - b.threadId)
        .map((thread) => thread.sessionId);
      if (!sessionId) throw new Error('no screening thread to attach to');
      const listening = new BroadcastChannel(WAITING_CHANNEL);
      channel = listening;
      // the evaluation answers only when it failed before waiting: a thread it ended cannot answer in time
      const waiting = new Promise<void>((resolve, reject) => {
        listening.onmessage = () => resolve();
        inspector.on('NodeWorker.receivedMessageFromWorker', ({ params }) =>
          reject(new Error(`the screening thread did not wait for a screening: ${params.message}`)),
        );
      });
      await inspector.post('NodeWorker.sendMessageToWorker', {
        sessionId,
        message: JSON.stringify({
          id: 1,
          method: 'Runtime.evaluate',
          // the command line API lends the thread's ES module scope a `require`
          params: { expression: DIE_ON_NEXT_SCREENING, includeCommandLineAPI: true },
        }),
      });
      await waiting;
    },
  };
}

describeEachDatabase('screening unavailable over HTTP', (dialect) => {
  const testNode = useTestNode(dialect, { code: 'CN-NIA' });
  const inspector = useThreadInspector();

  it('answers 503 warning.screening_unavailable for a crossing whose screening thread died, records nothing, and screens it when posted again', async () => {
    const node = testNode();
    await addTestPort(await node.admin());
    const desk = await node.userWith(['port_officer'], { personalData: true });
    const entry = buildEntry();
    expect((await desk.post('/api/v1/warning/watchlist', entry)).status).toBe(201);
    // a traveller nobody listed: the screening thread is up and answering before it is made to die
    const clear = await desk.post<{ verdict: string }>('/api/v1/warning/crossings', buildCrossing());
    expect(clear.status).toBe(201);
    expect(clear.body.verdict).toBe('clear');
    const crossing = buildCrossing({
      reference: 'GATE-3-0001',
      identity: {
        surname: entry.surname,
        givenNames: entry.givenNames,
        birthDate: entry.birthDate,
        nationality: entry.nationality,
        documentNumber: entry.documentNumber,
      },
    });

    await inspector.killScreeningThreadOnNextScreening();
    const refused = await desk.post('/api/v1/warning/crossings', crossing);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    // a new thread is filled on the next screening: the desk may post again at once
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body).toMatchObject({
      type: 'urn:borderlink:problem:warning.screening_unavailable',
      title: 'Service unavailable',
      status: 503,
      code: 'warning.screening_unavailable',
      detail: 'screening is unavailable: the screening thread stopped (exit code 1)',
      instance: '/api/v1/warning/crossings',
      details: { retryAfterSeconds: 1 },
    });

    // the same reference again: the refused crossing was not recorded, and a new thread is filled to screen it
    const screened = await desk.post<{ hitId: string | null; verdict: string }>(
      '/api/v1/warning/crossings',
      crossing,
    );
    expect(screened.status).toBe(201);
    expect(screened.body.verdict).toBe('hit');
    expect(screened.body.hitId).not.toBeNull();
  });
});
