import { describe, expect, it } from 'vitest';
import { type ApiSession, signInOverApi } from './support/api-session.js';
import { browserOnTwoNodes } from './support/fixture.js';
import { typeRoute } from './support/pages.js';
import {
  COMMANDER,
  LIAISON_OFFICER,
  seedCounterpartAgency,
  seedErenhotSection,
  seedOfficers,
  seedPort,
} from './support/seed.js';

/** The Mongolian patrol commander, on the counterpart's own node. */
const MN_COMMANDER = { username: 'bat.patrol', password: 'mn-commander-password-1' };
const TITLE = 'Non-contact patrol, Erenhot section';

interface OperationView {
  readonly id: string;
  readonly status: string;
  readonly originOperationId: string;
  readonly startsAt: string;
}
interface HandoverView {
  readonly id: string;
  readonly status: string;
  readonly role: string;
}
type Page<T> = { items: T[] };

/** A `datetime-local` value `hours` from now in the browser's zone (the test and Chromium share it). */
function localInput(hours: number): string {
  const at = new Date(Date.now() + hours * 3_600_000);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

describe('joint operations, handovers and crossing counts between two nodes in Chromium', () => {
  let commanderA: ApiSession;
  let commanderB: ApiSession;
  let planId = '';
  const app = browserOnTwoNodes({
    peered: true,
    seed: async (ours, theirs) => {
      await seedCounterpartAgency(ours.admin);
      await seedErenhotSection(ours.admin);
      await seedPort(ours.admin);
      await seedOfficers(ours.admin);
      await theirs.admin.request('POST', '/api/v1/directory/agencies', {
        code: 'CN-NIA',
        kind: 'counterpart',
        country: 'CN',
        names: { en: 'National Immigration Administration', zh: '国家移民管理局', ru: 'НИА КНР' },
        language: 'zh',
        timeZone: 'Asia/Shanghai',
      });
      await theirs.admin.request('POST', '/api/v1/users', {
        ...MN_COMMANDER,
        displayName: 'Bat-Erdene',
        language: 'en',
        roles: ['patrol_commander'],
        personalData: true,
      });
      commanderA = await signInOverApi(ours.node.baseUrl, COMMANDER.username, COMMANDER.password);
      commanderB = await signInOverApi(theirs.node.baseUrl, MN_COMMANDER.username, MN_COMMANDER.password);
    },
  });

  async function openPlanFromCalendar() {
    const { page } = app;
    await app.open('Operations', 'Operations');
    await page.getByRole('button', { name: TITLE }).first().click();
    await page.getByRole('heading', { name: new RegExp(TITLE) }).waitFor();
  }

  it('plans a patrol with meeting points and contacts and proposes it to the counterpart', async () => {
    const { page } = app;
    await app.signInAs(COMMANDER);
    await app.open('Operations', 'Operations');
    await page.getByRole('tab', { name: 'New plan' }).click();
    await page.getByLabel('Title').fill(TITLE);
    await page.getByLabel('Starts').fill(localInput(2));
    await page.getByLabel('Ends').fill(localInput(5));
    await page.getByLabel('Radio channels').fill('CH-7, CH-9');
    await typeRoute(page);
    await page.getByLabel('Meeting point', { exact: true }).fill('Marker 512');
    await page.getByLabel('Border marker').fill('512');
    await page.getByLabel('Position', { exact: true }).fill('not a place');
    await page.getByRole('button', { name: 'Add the meeting point' }).click();
    await page.getByText('The position must be a latitude and a longitude').waitFor();
    // The map places the meeting point being written when the click target says so.
    await page.getByRole('radio', { name: 'the position of the meeting point being written' }).check();
    const map = page.locator('section.operations-map[data-state="ready"] canvas.maplibregl-canvas');
    await map.waitFor({ timeout: 20_000 });
    await map.click({ position: { x: 300, y: 120 } });
    await expect
      .poll(() => page.getByLabel('Position', { exact: true }).inputValue())
      .toMatch(/^\d+\.\d{4}, \d+/);
    await page.getByLabel('Position', { exact: true }).fill('43.6500, 111.9800');
    await page.getByRole('button', { name: 'Add the meeting point' }).click();
    await page.getByRole('button', { name: 'Edit Marker 512 · 512 · 43.6500, 111.9800' }).click();
    await page.getByLabel('Meeting point', { exact: true }).fill('Marker 512 (east side)');
    await page.getByRole('button', { name: 'Update', exact: true }).click();
    await page.getByText('Marker 512 (east side) · 512 · 43.6500, 111.9800').waitFor();
    await page.getByLabel('Contact name').fill('Maj. Wang Lei');
    await page.getByLabel('Phone').fill('+86 479 752 0000');
    await page.getByLabel('Call sign').fill('Eagle-1');
    await page.getByLabel('Contact name').press('Enter');
    await page.getByText('Maj. Wang Lei · +86 479 752 0000 · Eagle-1').waitFor();
    await app.browser.screenshot('operations-plan-meeting-points');
    await app.accessible('plan with meeting points');
    await page.getByRole('button', { name: 'Save the plan' }).click();

    await page.getByRole('button', { name: TITLE }).first().click();
    await page.getByRole('heading', { name: new RegExp(TITLE) }).waitFor();
    expect(await page.getByText('Marker 512 (east side) · 512 · 43.6500, 111.9800').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Propose to the counterpart' }).click();
    await expect.poll(() => page.getByTestId('operation-status').textContent()).toMatch(/^Proposed/);
    await page.getByText('Waiting for the counterpart').waitFor();
    const listed = await commanderA.request<Page<OperationView>>('GET', '/api/v1/operations?status=proposed');
    planId = listed.items[0]?.id ?? '';
    expect(planId).not.toBe('');
  }, 90_000);

  it('lets the invited counterpart answer with a counter-proposal from its own node', async () => {
    const { page } = app;
    await expect
      .poll(
        async () =>
          (await commanderB.request<Page<OperationView>>('GET', '/api/v1/operations?status=proposed')).items
            .length,
        { timeout: 20_000 },
      )
      .toBe(1);
    await app.signInAs(MN_COMMANDER, app.counterpart);
    await openPlanFromCalendar();
    await page.getByText('Proposed by CN-NIA; we are invited').waitFor();
    expect(await page.getByText('Marker 512 (east side) · 512 · 43.6500, 111.9800').isVisible()).toBe(true);
    await page.getByLabel('Proposed start').fill(localInput(3));
    await page.getByLabel('Proposed end').fill(localInput(6));
    await page.getByLabel('Note to the proposer').fill('Our unit reaches marker 512 an hour later.');
    await app.browser.screenshot('operations-counter-propose');
    await app.accessible('counter-proposal form');
    await page.getByRole('button', { name: 'Send the counter-proposal' }).click();
    await expect.poll(() => page.getByTestId('operation-status').textContent()).toMatch(/^Counter-proposed/);
    await page.getByText('Waiting for the counterpart').waitFor();
  }, 60_000);

  it('agrees to the counter-proposal at the proposer, and both sides then stand agreed', async () => {
    const { page } = app;
    await expect
      .poll(
        async () => (await commanderA.request<OperationView>('GET', `/api/v1/operations/${planId}`)).status,
        {
          timeout: 20_000,
        },
      )
      .toBe('counter_proposed');
    await app.signInAs(COMMANDER);
    await openPlanFromCalendar();
    const proposal = page.getByTestId('counter-proposal');
    expect(await proposal.textContent()).toContain('Our unit reaches marker 512 an hour later.');
    await app.browser.screenshot('operations-counter-received');
    await app.accessible('counter-proposal received');
    await page.getByRole('button', { name: 'Accept the counter-proposal' }).click();
    await expect.poll(() => page.getByTestId('operation-status').textContent()).toMatch(/^Agreed/);
    await expect
      .poll(
        async () =>
          (await commanderB.request<Page<OperationView>>('GET', '/api/v1/operations?status=agreed')).items
            .length,
        { timeout: 20_000 },
      )
      .toBe(1);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByLabel('Unit').waitFor();
  }, 60_000);

  it('requests a handover, shows it waiting for the counterpart, accepts their new time and confirms it', async () => {
    const { page } = app;
    await commanderA.request('POST', '/api/v1/operations/interceptions', {
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      lon: 111.97,
      lat: 43.66,
      personsCount: 1,
      nationality: 'MNG',
      direction: 'attempted_exit',
      reason: 'illegal_crossing_attempt',
      outcome: 'handed_over',
    });
    await page.getByRole('tab', { name: 'Interceptions' }).click();
    await page.getByRole('button', { name: /^Hand over a person from the interception/ }).click();
    await page.getByRole('heading', { name: 'Request a handover' }).waitFor();
    await page.getByLabel('Surname').fill('Dorj');
    await page.getByLabel('Given names').fill('Enkhtuya');
    await page.getByLabel('Nationality').fill('chn');
    await page.getByLabel('Place', { exact: true }).selectOption('port:CN-ERL');
    await page.getByRole('checkbox', { name: /Fever/i }).check();
    await page.getByRole('button', { name: 'Request the handover' }).click();
    // Our own nationals are not handed over: the node says so.
    await page
      .getByRole('alert')
      .filter({ hasText: /own nationality/ })
      .waitFor();
    expect(app.browser.acceptRefusal('/api/v1/operations/handovers', 400)).toBe(1);
    await page.getByLabel('Nationality').fill('mng');
    await page.getByRole('button', { name: 'Request the handover' }).click();
    await page.getByText('The handover is requested; the counterpart is told.').waitFor();
    await page.getByRole('rowheader', { name: /DORJ, ENKHTUYA · MNG/ }).waitFor();
    // The counterpart answers a request: our side sees that it waits, and is offered no Accept.
    await page.getByText('Waiting for the counterpart to accept the proposed time').waitFor();
    expect(await page.getByRole('button', { name: 'Accept', exact: true }).count()).toBe(0);
    await app.browser.screenshot('operations-handover-requested');
    await app.accessible('handover requested');

    let received: HandoverView | undefined;
    await expect
      .poll(
        async () => {
          received = (await commanderB.request<Page<HandoverView>>('GET', '/api/v1/operations/handovers'))
            .items[0];
          return received?.status;
        },
        { timeout: 20_000 },
      )
      .toBe('requested');
    // The counterpart proposes another time: now the answer is ours, so Accept appears on our side.
    await commanderB.request('POST', `/api/v1/operations/handovers/${received?.id}/reschedule`, {
      proposedAt: new Date(Date.now() + 48 * 3_600_000).toISOString(),
    });
    const ourHandover = async () =>
      (await commanderA.request<Page<HandoverView>>('GET', '/api/v1/operations/handovers')).items[0]?.status;
    await expect.poll(ourHandover, { timeout: 20_000 }).toBe('rescheduled');
    await page.getByRole('tab', { name: 'Hotspots' }).click();
    await page.getByRole('tab', { name: 'Handovers' }).click();
    await page.getByText('Waiting for our answer to the proposed time').waitFor();
    await page.getByRole('button', { name: 'Accept', exact: true }).click();
    await page.getByText('Recorded: the handover stands agreed.').waitFor();
    await page.getByRole('button', { name: 'Mark as done' }).click();
    await page.getByText("Waiting for the counterpart's confirmation").waitFor();
    await commanderB.request('POST', `/api/v1/operations/handovers/${received?.id}/done`);
    await expect.poll(ourHandover, { timeout: 20_000 }).toBe('done');
  }, 90_000);

  it('records a crossing count on the port board, showing the node’s refusal of a bad figure', async () => {
    const { page } = app;
    await app.signInAs(LIAISON_OFFICER);
    await app.open('Port board', 'Port board');
    await page.getByRole('button', { name: 'History and update for Erenhot' }).click();
    await page.getByRole('heading', { name: 'Record crossings at Erenhot' }).waitFor();
    const day = await page.getByLabel('Day', { exact: true }).inputValue();
    // The figures remount once the stored count of the day is looked up: type them after that, not before.
    await page.getByText('No count is recorded for this day and source yet.').waitFor();
    await page.getByLabel('People crossing').fill('1234');
    await page.getByLabel('Vehicles').fill('20000000');
    await page.getByRole('button', { name: 'Record the count' }).click();
    await page.getByRole('alert').first().waitFor();
    expect(await page.getByLabel('Vehicles').getAttribute('aria-invalid')).toBe('true');
    expect(app.browser.acceptRefusal(`/api/v1/situation/ports/CN-ERL/crossings/${day}`, 400)).toBe(1);
    await page.getByLabel('Vehicles').fill('56');
    await page.getByRole('button', { name: 'Record the count' }).click();
    await page
      .getByText(/Recorded for Erenhot on .*: 1,234 people, 56 vehicles \(counted by CN-NIA\)/)
      .waitFor();
    // The stored figure is read back: shown for the day, filling the form for a correction, listed below.
    await page.getByText(/Recorded for this day: 1,234 people, 56 vehicles/).waitFor();
    expect(await page.getByLabel('People crossing').inputValue()).toBe('1234');
    await page.getByRole('button', { name: 'Correct the count' }).waitFor();
    await page
      .getByRole('table', { name: 'Counts of the last 14 days' })
      .getByRole('cell', { name: '1,234' })
      .waitFor();
    await app.browser.screenshot('ports-crossing-count');
    await app.accessible('crossing count');
  }, 60_000);

  it('plans a law-enforcement operation with several targets, then edits the list', async () => {
    const { page } = app;
    const title = 'Crackdown on the Zamyn-Uud smuggling route';
    await app.signInAs(COMMANDER);
    await app.open('Operations', 'Operations');
    await page.getByRole('tab', { name: 'New plan' }).click();
    await page.getByLabel('Kind').selectOption('law_enforcement');
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Starts').fill(localInput(8));
    await page.getByLabel('Ends').fill(localInput(10));
    const targets = page.getByRole('group', { name: 'Targets' });
    await targets.getByText('No targets yet: add at least one.').waitFor();
    await targets.getByRole('button', { name: 'Add the target' }).click();
    await targets.getByText('Describe the target.').waitFor();
    await targets.getByLabel('Target', { exact: true }).selectOption('smuggling');
    await targets.getByLabel('Target description').fill('Fuel smuggled in trucks');
    await targets.getByRole('button', { name: 'Add the target' }).click();
    await targets.getByLabel('Target', { exact: true }).selectOption('crossing_organiser');
    await targets.getByLabel('Target description').fill('The guide called Baatar');
    await targets.getByRole('button', { name: 'Add the target' }).click();
    await targets.getByLabel('Target', { exact: true }).selectOption('other');
    await targets.getByLabel('Target description').fill('Abandoned vehicles');
    await targets.getByRole('button', { name: 'Add the target' }).click();
    await targets.getByRole('button', { name: 'Edit Smuggling: Fuel smuggled in trucks' }).click();
    await targets.getByLabel('Target description').fill('Fuel and cigarettes smuggled in trucks');
    await targets.getByRole('button', { name: 'Update', exact: true }).click();
    await targets.getByRole('button', { name: 'Remove Other: Abandoned vehicles' }).click();
    // A target typed but not added yet is saved with the plan.
    await targets.getByLabel('Target', { exact: true }).selectOption('illegal_crossing_route');
    await targets.getByLabel('Target description').fill('Gully east of marker 498');
    await app.browser.screenshot('operations-plan-targets');
    await app.accessible('plan with targets');
    await page.getByRole('button', { name: 'Save the plan' }).click();
    // A new plan is saved as a draft and the calendar shows it.
    await page.getByRole('button', { name: title }).first().waitFor();

    const drafts = await commanderA.request<Page<OperationView & { title: string; lawEnforcement: unknown }>>(
      'GET',
      '/api/v1/operations?status=draft',
    );
    const saved = drafts.items.find((item) => item.title === title);
    expect(saved?.lawEnforcement).toEqual({
      targets: [
        { kind: 'smuggling', description: 'Fuel and cigarettes smuggled in trucks' },
        { kind: 'crossing_organiser', description: 'The guide called Baatar' },
        { kind: 'illegal_crossing_route', description: 'Gully east of marker 498' },
      ],
    });

    await page.getByRole('button', { name: title }).first().click();
    await page.getByRole('heading', { name: new RegExp(title) }).waitFor();
    await page.getByRole('button', { name: 'Edit the plan' }).click();
    const editTargets = page.getByRole('group', { name: 'Targets' });
    await editTargets
      .getByRole('button', { name: 'Remove Organiser of illegal crossings: The guide called Baatar' })
      .waitFor();
    await editTargets
      .getByRole('button', { name: 'Remove Organiser of illegal crossings: The guide called Baatar' })
      .click();
    await page.getByRole('button', { name: 'Save the plan' }).click();
    // The saved plan closes the form; the detail and the node then show two targets.
    await page.getByRole('button', { name: 'Edit the plan' }).waitFor();
    const kindsOfTargets = async () =>
      (
        await commanderA.request<{ lawEnforcement: { targets: { kind: string }[] } }>(
          'GET',
          `/api/v1/operations/${saved?.id ?? ''}`,
        )
      ).lawEnforcement.targets.map((target) => target.kind);
    await expect.poll(kindsOfTargets).toEqual(['smuggling', 'illegal_crossing_route']);
  }, 60_000);

  it('logged no console errors', () => {
    expect(app.browser.consoleErrors).toEqual([]);
  });
});
