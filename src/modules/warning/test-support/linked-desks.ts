import { afterAll, beforeAll } from 'vitest';
import type { ApiClient } from '../../../../test/support/http-client.js';
import { startTestNode, type TestNode } from '../../../../test/support/nodes.js';
import type { DialectName } from '../../../core/db/database.js';
import { linkNodes } from '../../exchange/test-support/exchange-nodes.js';
import { addTestPort, COUNTERPART_TEST_PORT, COUNTERPART_TEST_PORT_FEATURE } from './factories.js';

/**
 * Two federated nodes, each with a port of its own country (A the test port, B the counterpart test port) and a
 * desk officer (port and liaison, with the grant).
 */
export interface LinkedDesks {
  /** CN-NIA, the agency that shares its entries. */
  a: TestNode;
  /** MN-GABP, where the counterpart's travellers cross. */
  b: TestNode;
  deskA: ApiClient;
  deskB: ApiClient;
}

/**
 * Starts the linked desks before the suite's tests and stops them after; the fields are set once it runs.
 * `envOfB` configures B beyond the test defaults.
 */
export function useLinkedDesks(dialect: DialectName, envOfB: Record<string, string> = {}): LinkedDesks {
  const linked = {} as LinkedDesks;
  beforeAll(async () => {
    [linked.a, linked.b] = await Promise.all([
      startTestNode(dialect, { code: 'CN-NIA' }),
      startTestNode(dialect, { code: 'MN-GABP', env: envOfB }),
    ]);
    await linkNodes(linked.a, linked.b);
    await Promise.all([
      addTestPort(await linked.a.admin()),
      addTestPort(await linked.b.admin(), COUNTERPART_TEST_PORT, COUNTERPART_TEST_PORT_FEATURE),
    ]);
    const desk = { personalData: true };
    linked.deskA = await linked.a.userWith(['port_officer', 'liaison_officer'], desk);
    linked.deskB = await linked.b.userWith(['port_officer', 'liaison_officer'], desk);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([linked.a?.stop(), linked.b?.stop()]);
  });
  return linked;
}
