import { describe, expect, it } from 'vitest';
import type { Operation } from '../../api/operations.js';
import { openSteps } from './operation-steps.js';

/** A joint operation as the node lists it, ours unless said otherwise. */
function buildOperation(overrides: Partial<Operation> = {}): Operation {
  return {
    id: '0192f0c4-7d2a-7000-8000-000000000001',
    kind: 'patrol',
    title: 'Erenhot joint patrol',
    status: 'draft',
    counterpartAgency: 'MN-GABP',
    startsAt: '2026-12-01T08:00:00Z',
    endsAt: '2026-12-01T16:00:00Z',
    proposedByUs: true,
    originAgency: 'CN-NIA',
    sectionCode: null,
    note: null,
    counterProposal: null,
    report: null,
    counterpartReport: null,
    ...overrides,
  };
}

describe('openSteps', () => {
  it('lets us edit and propose our draft', () => {
    expect(openSteps(buildOperation({ status: 'draft' }))).toEqual({
      buttons: ['propose'],
      counterPropose: false,
      edit: true,
      waiting: false,
    });
  });

  it('leaves our own proposal waiting for the invitee', () => {
    expect(openSteps(buildOperation({ status: 'proposed', proposedByUs: true }))).toEqual({
      buttons: [],
      counterPropose: false,
      edit: false,
      waiting: true,
    });
  });

  it("lets the invitee agree to, decline or counter the other side's proposal, but not edit it", () => {
    expect(openSteps(buildOperation({ status: 'proposed', proposedByUs: false }))).toEqual({
      buttons: ['agree', 'decline'],
      counterPropose: true,
      edit: false,
      waiting: false,
    });
  });

  it('gives the proposer the answer to a counter-proposal: agree, decline, or edit and propose again', () => {
    expect(openSteps(buildOperation({ status: 'counter_proposed', proposedByUs: true }))).toEqual({
      buttons: ['agree', 'decline', 'propose'],
      counterPropose: false,
      edit: true,
      waiting: false,
    });
  });

  it('leaves the invitee waiting once it has counter-proposed', () => {
    expect(openSteps(buildOperation({ status: 'counter_proposed', proposedByUs: false })).waiting).toBe(true);
    expect(openSteps(buildOperation({ status: 'counter_proposed', proposedByUs: false })).buttons).toEqual(
      [],
    );
  });

  it('offers to start an agreed operation and to share the report of a completed one, on either side', () => {
    for (const proposedByUs of [true, false]) {
      expect(openSteps(buildOperation({ status: 'agreed', proposedByUs })).buttons).toEqual(['start']);
      expect(openSteps(buildOperation({ status: 'completed', proposedByUs })).buttons).toEqual([
        'share-report',
      ]);
    }
  });

  it('offers nothing for an operation under way, declined or with its report already shared', () => {
    for (const status of ['in_progress', 'declined', 'report_shared']) {
      expect(openSteps(buildOperation({ status }))).toEqual({
        buttons: [],
        counterPropose: false,
        edit: false,
        waiting: false,
      });
    }
  });
});
