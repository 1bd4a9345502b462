import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { startTestNode, type TestNode } from '../../../test/support/nodes.js';
import { SYSTEM_ACTOR } from '../../core/auth/roles.js';
import type { Db } from '../../core/db/database.js';
import * as handovers from './handovers.service.js';
import * as interceptions from './interceptions.service.js';
import * as operations from './operations.service.js';
import type { OperationsNotification, OperationsNotifier } from './operations-notifier.js';
import { buildInterception, buildPatrol, seedGeography } from './test-support/fixtures.js';

/**
 * Stands in for exchange + federation: each notification is delivered to the other node's record* function
 * after the sending transaction commits, as the exchange incoming handler will call them.
 */
function relay(from: string, to: () => { db: Db }): OperationsNotifier & { flush(): Promise<void> } {
  const queue: OperationsNotification[] = [];
  return {
    async send(_trx, _actor, notification) {
      queue.push(notification);
    },
    async flush() {
      for (const n of queue.splice(0)) {
        const { db } = to();
        if (n.type === 'operation.invite') await operations.recordIncomingOperationInvite(db, from, n.body);
        if (n.type === 'operation.report') await operations.recordIncomingOperationReport(db, from, n.body);
        if (n.type === 'handover.request') await handovers.recordIncomingHandoverRequest(db, from, n.body);
      }
    },
  };
}

describeEachDatabase('operations between two nodes', (dialect) => {
  let a: TestNode;
  let b: TestNode;
  const toB = relay('CN-NIA', () => ({ db: b.node.context.db }));
  const toA = relay('MN-GABP', () => ({ db: a.node.context.db }));
  const depsA = { ownAgency: 'CN-NIA', notifier: toB };
  const depsB = { ownAgency: 'MN-GABP', notifier: toA };

  beforeAll(async () => {
    [a, b] = await Promise.all([
      startTestNode(dialect, { code: 'CN-NIA' }),
      startTestNode(dialect, { code: 'MN-GABP' }),
    ]);
    await seedGeography(await a.admin(), 'MN-GABP');
    await seedGeography(await b.admin(), 'CN-NIA');
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('a patrol proposed at A is agreed at B, both record check-ins and exchange after-action reports', async () => {
    const planned = await operations.createOperation(a.node.context.db, depsA, SYSTEM_ACTOR, buildPatrol());
    await operations.transition(a.node.context.db, depsA, SYSTEM_ACTOR, planned.id, 'propose');
    await toB.flush();

    const atB = (await operations.listOperations(b.node.context.db, { status: 'proposed' })).items[0];
    expect(atB).toMatchObject({ originAgency: 'CN-NIA', originOperationId: planned.id, proposedByUs: false });
    if (!atB) throw new Error('the invite did not reach B');
    await operations.transition(b.node.context.db, depsB, SYSTEM_ACTOR, atB.id, 'agree');
    await toA.flush();
    expect((await operations.getOperation(a.node.context.db, planned.id)).status).toBe('agreed');

    for (const [node, deps, id] of [
      [a, depsA, planned.id],
      [b, depsB, atB.id],
    ] as const) {
      await operations.transition(node.node.context.db, deps, SYSTEM_ACTOR, id, 'start');
      await operations.addCheckIn(node.node.context.db, SYSTEM_ACTOR, id, {
        unit: `${node.code} unit 1`,
        at: '2026-03-02T09:00:00Z',
        lon: 100.3,
        lat: 42.3,
      });
      await operations.complete(node.node.context.db, SYSTEM_ACTOR, id, {
        findings: `${node.code} findings`,
        lessons: 'none',
      });
      await operations.transition(node.node.context.db, deps, SYSTEM_ACTOR, id, 'share_report');
    }
    await toB.flush();
    await toA.flush();
    const finalA = await operations.getOperation(a.node.context.db, planned.id);
    const finalB = await operations.getOperation(b.node.context.db, atB.id);
    expect(finalA).toMatchObject({
      status: 'report_shared',
      counterpartReport: { findings: 'MN-GABP findings' },
    });
    expect(finalB).toMatchObject({
      status: 'report_shared',
      counterpartReport: { findings: 'CN-NIA findings' },
    });
    expect(await operations.listCheckIns(b.node.context.db, atB.id)).toHaveLength(1);
  });

  it('an interception at A becomes a handover accepted at B and done once both confirm', async () => {
    const reader = { actor: SYSTEM_ACTOR, personalData: true };
    const caught = await interceptions.createInterception(
      a.node.context.db,
      interceptions.DEFAULT_DUPLICATE_RULE,
      reader,
      buildInterception(),
    );
    const requested = await handovers.requestHandover(a.node.context.db, depsA, SYSTEM_ACTOR, {
      interceptionId: caught.id,
      counterpartAgency: 'MN-GABP',
      person: { surname: 'BAT', givenNames: 'ERDENE', nationality: 'MNG' },
      health: { testResult: 'negative', symptoms: [] },
      proposedAt: '2026-03-03T06:00:00Z',
      place: { passCode: 'P1' },
    });
    await toB.flush();
    const atB = (await handovers.listHandovers(b.node.context.db, reader, {})).items[0];
    expect(atB).toMatchObject({ role: 'receiving', status: 'requested', person: { surname: 'BAT' } });
    if (!atB) throw new Error('the request did not reach B');

    await handovers.handoverStep(b.node.context.db, depsB, SYSTEM_ACTOR, atB.id, 'accept');
    await toA.flush();
    expect((await handovers.getHandover(a.node.context.db, reader, requested.id)).status).toBe('accepted');

    await handovers.handoverStep(a.node.context.db, depsA, SYSTEM_ACTOR, requested.id, 'done');
    await handovers.handoverStep(b.node.context.db, depsB, SYSTEM_ACTOR, atB.id, 'done');
    await toB.flush();
    await toA.flush();
    expect((await handovers.getHandover(a.node.context.db, reader, requested.id)).status).toBe('done');
    expect((await handovers.getHandover(b.node.context.db, reader, atB.id)).status).toBe('done');
  });
});
