import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, signInOverApi } from './support/api-session.js';
import { type BrowserSession, openBrowser } from './support/browser.js';
import { type RunningNode, requireBuild, startNode } from './support/node-process.js';
import { expectAccessible, openFromNavigation, signInThroughForm } from './support/pages.js';
import {
  COMMANDER,
  crossingOfWatchlisted,
  DESK_OFFICER,
  LIAISON_OFFICER,
  seedCounterpartAgency,
  seedOfficers,
  WATCHLISTED,
} from './support/seed.js';

const ADMIN = { username: 'admin', password: 'e2e-admin-password-2' };

/** Erenhot county and the two ports facing each other across the border there. */
async function seedErenhot(admin: ApiSession): Promise<void> {
  await admin.request('PUT', '/api/v1/directory/counties/CN-150981', {
    code: 'CN-150981',
    country: 'CN',
    names: { zh: '二连浩特市', en: 'Erenhot', ru: 'Эрэн-Хото' },
    population: 74_000,
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [111.6, 43.4],
          [112.3, 43.4],
          [112.3, 43.9],
          [111.6, 43.9],
          [111.6, 43.4],
        ],
      ],
    },
  });
  await admin.request('PUT', '/api/v1/directory/border-sections/CN-MN-ERL', {
    code: 'CN-MN-ERL',
    country: 'CN',
    neighbourCountry: 'MN',
    names: { zh: '二连浩特段', en: 'Erenhot section', ru: 'Участок Эрэн-Хото' },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [111.5, 43.3],
          [112.4, 43.3],
          [112.4, 44.0],
          [111.5, 44.0],
          [111.5, 43.3],
        ],
      ],
    },
  });
  await admin.request('PUT', '/api/v1/directory/ports/CN-ERL', {
    code: 'CN-ERL',
    country: 'CN',
    names: { zh: '二连浩特', en: 'Erenhot', ru: 'Эрэн-Хото' },
    kind: 'road_rail',
    lon: 111.98,
    lat: 43.65,
  });
  await admin.request('PUT', '/api/v1/directory/ports/MN-ZUU', {
    code: 'MN-ZUU',
    country: 'MN',
    names: { en: 'Zamyn-Uud', ru: 'Замын-Ууд', zh: '扎门乌德' },
    kind: 'road_rail',
    lon: 111.9,
    lat: 43.72,
  });
}

requireBuild();

describe('the module pages in Chromium', () => {
  let node: RunningNode;
  let browser: BrowserSession;
  let desk: ApiSession;

  beforeAll(async () => {
    node = await startNode({ adminPassword: ADMIN.password });
    const admin = await signInOverApi(node.baseUrl, ADMIN.username, ADMIN.password);
    await seedCounterpartAgency(admin);
    await seedErenhot(admin);
    await seedOfficers(admin);
    desk = await signInOverApi(node.baseUrl, DESK_OFFICER.username, DESK_OFFICER.password);
    await desk.request('POST', '/api/v1/warning/watchlist', WATCHLISTED);
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await node?.stop();
  });

  const heading = () => browser.page.getByRole('heading', { level: 1 }).textContent();

  const signInAs = (who: { username: string; password: string }) =>
    signInThroughForm(browser.page, node.baseUrl, who);

  const open = (link: string, title: string) => openFromNavigation(browser.page, link, title);

  const accessible = (name: string) => expectAccessible(browser.page, name);

  it('saves a county day from the entry grid and shows it in the completeness and trend views', async () => {
    const { page } = browser;
    await signInAs(LIAISON_OFFICER);
    await open('Situation', 'Situation');
    const figures = { confirmed: '12', newLocal: '3', newImported: '1', asymptomatic: '2', deaths: '0' };
    for (const [label, value] of Object.entries({
      'Erenhot: Confirmed (cumulative)': figures.confirmed,
      'Erenhot: New local': figures.newLocal,
      'Erenhot: New imported': figures.newImported,
      'Erenhot: Asymptomatic': figures.asymptomatic,
      'Erenhot: Deaths': figures.deaths,
      'Erenhot: Under medical observation': '40',
      'Erenhot: Tests': '900',
    })) {
      await page.getByLabel(label, { exact: true }).fill(value);
    }
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved as version 1').waitFor();
    await browser.screenshot('situation-entry');
    await accessible('situation entry');

    await page.getByRole('tab', { name: 'Completeness' }).click();
    await page.getByRole('heading', { name: /Reports received for/ }).waitFor();
    const ownRow = page.getByRole('row', { name: /CN-NIA/ });
    expect(await ownRow.getByRole('cell').nth(3).textContent()).toBe('1');
    await browser.screenshot('situation-completeness');
    await accessible('situation completeness');

    await page.getByRole('tab', { name: 'Both sides' }).click();
    await page.getByRole('heading', { name: /Both sides of the border on/ }).waitFor();
    await browser.screenshot('situation-both-sides');
    await accessible('situation both sides');

    await page.getByRole('tab', { name: 'Trends' }).click();
    await page.locator('.chart canvas').waitFor({ timeout: 15_000 });
    expect(await page.getByText('Risk level now:').isVisible()).toBe(true);
    await browser.screenshot('situation-trends');
    await accessible('situation trends');
  });

  it('imports a CSV of county days with progress and reports the rows taken', async () => {
    const { page } = browser;
    await page.getByRole('tab', { name: 'Import' }).click();
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const csv = `county_code,date,confirmed,new_local,new_imported,asymptomatic,deaths,under_observation,tests\nCN-150981,${yesterday},9,2,0,1,0,35,800\n`;
    await page.getByLabel('File (CSV or XLSX)').setInputFiles({
      name: 'erenhot.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/Imported 1, unchanged 0/).waitFor();
    await browser.screenshot('situation-import');
    await accessible('situation import');
  });

  it('records a port status on the board and colours the port on the home page', async () => {
    const { page } = browser;
    await open('Port board', 'Port board');
    await page.getByRole('button', { name: 'History and update for Erenhot' }).click();
    await page.getByLabel('Status', { exact: true }).selectOption('passengers_restricted');
    await page.getByLabel('Quarantine (days)').fill('7');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('caption').filter({ hasText: 'Status history of CN-ERL' }).waitFor();
    const row = page.getByRole('row', { name: /^Erenhot CN-ERL/ });
    await expect.poll(() => row.textContent()).toContain('Passenger traffic restricted');
    await browser.screenshot('ports');
    await accessible('port board');

    await open('Three clears', 'The three clears');
    await page.getByText('Ports (2)').click();
    const portRow = page.getByRole('row', { name: /Erenhot CN-ERL/ });
    await expect.poll(() => portRow.textContent()).toContain('Passengers restricted');
  });

  it('keeps the liaison log', async () => {
    const { page } = browser;
    await open('Liaison log', 'Liaison log');
    await page.getByLabel('Subject').fill('Weekly call on the Erenhot crossing');
    await page.getByLabel('Other party').fill('Col. Batsaikhan');
    await page.getByLabel('Agency', { exact: true }).selectOption('MN-GABP');
    await page.getByLabel('Channel', { exact: true }).nth(1).selectOption('phone');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('rowheader', { name: /Weekly call on the Erenhot crossing/ }).waitFor();
    expect(await page.getByTestId('liaison-counts').textContent()).toContain('1 contact in');
    await browser.screenshot('liaison');
    await accessible('liaison log');
  });

  it('counts the period in the report, with a summary, charts and exports', async () => {
    const { page } = browser;
    await open('Reports', 'Reports');
    await page.getByRole('heading', { name: 'Work summary' }).waitFor();
    expect(await page.getByRole('row', { name: 'Calls' }).getByRole('cell').textContent()).toBe('1');
    expect((await page.getByTestId('summary-text').textContent())?.length).toBeGreaterThan(20);
    const pdf = await page.getByRole('link', { name: 'Report as PDF' }).getAttribute('href');
    const download = await page.request.get(`${node.baseUrl}${pdf}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    await browser.screenshot('reports');
    await accessible('reports');
  });

  it('shows a hit at the desk as soon as a crossing is posted through the API, and lets the officer confirm it', async () => {
    const { page } = browser;
    await signInAs(DESK_OFFICER);
    await open('Warnings', 'Warnings');
    await page.getByText('No open alerts at this moment.').waitFor();
    await desk.request('POST', '/api/v1/warning/crossings', crossingOfWatchlisted());
    const alert = page.getByTestId('hit');
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.textContent()).toContain('New');
    await browser.screenshot('warnings-live-alert');
    await alert.click();
    await page.getByRole('heading', { name: 'Why the matcher flagged it' }).waitFor();
    expect(await page.getByRole('row', { name: /Document number exact/ }).isVisible()).toBe(true);
    expect(await page.getByText('BATBAYAR', { exact: true }).isVisible()).toBe(true);
    await accessible('hit review');
    await browser.screenshot('warnings-review');
    await page.getByLabel('Reason for the decision').fill('Passport and date of birth agree');
    await page.getByRole('button', { name: 'Confirm the hit' }).click();
    await page.getByLabel('Action taken').waitFor();
    await page.getByLabel('Action taken').selectOption('secondary_health_check');
    await page.getByRole('button', { name: 'Record the action' }).click();
    await page.getByText('The action is recorded.').waitFor();
  }, 60_000);

  it('manages the watchlist and checks a traveller at the desk', async () => {
    const { page } = browser;
    await page.getByRole('tab', { name: 'Watchlist' }).click();
    await page.getByRole('rowheader', { name: /BATBAYAR, GANBOLD/ }).waitFor();
    await page.getByLabel('Surname').fill('DORJ');
    await page.getByLabel('Given names').fill('ENKHTUYA');
    await page.getByLabel('Reason', { exact: true }).fill('Absconded from quarantine in Zamyn-Uud');
    await page.getByLabel('Valid until').fill('2099-01-31');
    await page.getByRole('button', { name: 'Add to the watchlist' }).click();
    await page.getByRole('rowheader', { name: /DORJ, ENKHTUYA/ }).waitFor();
    await browser.screenshot('warnings-watchlist');
    await accessible('watchlist');
    await page.getByRole('tab', { name: 'Check a traveller' }).click();
    await page.getByLabel('Port code').fill('CN-ERL');
    await page.getByLabel('Surname').fill('SMITH');
    await page.getByLabel('Given names').fill('JOHN');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByText('No match.').waitFor();
    await browser.screenshot('warnings-screen');
    await accessible('traveller check');
  });

  it('plans a joint patrol with a route typed and drawn on the map, and finds it in the calendar', async () => {
    const { page } = browser;
    await signInAs(COMMANDER);
    await open('Operations', 'Operations');
    await accessible('operations calendar');
    await page.getByRole('tab', { name: 'New plan' }).click();
    await page.getByLabel('Title').fill('Joint patrol, Erenhot section');
    for (const [lon, lat] of [
      ['111.95', '43.60'],
      ['112.05', '43.70'],
    ]) {
      await page.getByLabel('Longitude').fill(lon ?? '');
      await page.getByLabel('Latitude').fill(lat ?? '');
      await page.getByRole('button', { name: 'Add point' }).click();
    }
    expect(await page.locator('fieldset.route li').count()).toBe(2);
    const routeMap = page.locator('section.operations-map[data-state="ready"] canvas.maplibregl-canvas');
    await routeMap.waitFor({ timeout: 20_000 });
    await routeMap.click({ position: { x: 300, y: 120 } });
    await expect.poll(() => page.locator('fieldset.route li').count()).toBe(3);
    await browser.screenshot('operations-plan');
    await accessible('operations plan');
    await page.getByRole('button', { name: 'Save the plan' }).click();
    const entry = page.getByRole('button', { name: 'Joint patrol, Erenhot section' }).first();
    await entry.waitFor();
    await entry.click();
    await page.getByRole('heading', { name: /Joint patrol, Erenhot section/ }).waitFor();
    expect(
      await page.getByText(/Patrol route on our side: 43\.600, 111\.950 → 43\.700, 112\.050/).isVisible(),
    ).toBe(true);
    await browser.screenshot('operations-calendar');
  }, 60_000);

  it('records an interception and lists handovers and hotspots', async () => {
    const { page } = browser;
    await page.getByRole('tab', { name: 'Interceptions' }).click();
    await page.getByLabel('Longitude').fill('111.97');
    await page.getByLabel('Latitude').fill('43.66');
    await page.getByLabel('Persons').fill('2');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('The interception is recorded.').waitFor();
    await page.getByRole('cell', { name: /CN-MN-ERL/ }).waitFor();
    await page.locator('section.operations-map[data-state="ready"]').waitFor({ timeout: 20_000 });
    await browser.screenshot('operations-interceptions');
    await accessible('interceptions');
    await page.getByRole('tab', { name: 'Handovers' }).click();
    await page.getByRole('heading', { name: 'Handovers' }).waitFor();
    await accessible('handovers');
    await page.getByRole('tab', { name: 'Hotspots' }).click();
    await page.getByRole('heading', { name: /Hotspots/ }).waitFor();
    await browser.screenshot('operations-hotspots');
    await accessible('hotspots');
  });

  it('shows every module page in Chinese and in Russian without accessibility violations', async () => {
    const { page } = browser;
    const pages: [string, string, string, string][] = [
      [DESK_OFFICER.username, '/warnings', '预警', 'Оповещения'],
      [COMMANDER.username, '/operations', '联合行动', 'Совместные операции'],
    ];
    for (const [user, path, zh, ru] of pages) {
      if (user === DESK_OFFICER.username) await signInAs(DESK_OFFICER);
      else await signInAs(COMMANDER);
      await page.goto(`${node.baseUrl}${path}`);
      await page.getByRole('button', { name: '中文' }).click();
      await expect.poll(heading).toBe(zh);
      await browser.screenshot(`${path.slice(1)}-zh`);
      await accessible(`${path} zh`);
      await page.getByRole('button', { name: 'Русский' }).click();
      await expect.poll(heading).toBe(ru);
      await browser.screenshot(`${path.slice(1)}-ru`);
      await accessible(`${path} ru`);
    }
    await signInAs(LIAISON_OFFICER);
    for (const [path, zh, ru, marker] of [
      ['/situation', '疫情态势', 'Эпидобстановка', 'Подтверждено (всего)'],
      ['/ports', '口岸看板', 'Пункты пропуска', 'Режим'],
      ['/liaison', '会晤联络记录', 'Журнал контактов', 'Тема'],
      ['/reports', '统计报告', 'Отчёты', 'Звонков'],
      ['/inbox', '收件箱与发件箱', 'Входящие и исходящие', 'Новое уведомление'],
    ] as const) {
      await page.goto(`${node.baseUrl}${path}`);
      await page.getByRole('button', { name: '中文' }).click();
      await expect.poll(heading).toBe(zh);
      await page.getByRole('button', { name: '中文', pressed: true }).waitFor();
      await browser.screenshot(`${path.slice(1)}-zh`);
      await accessible(`${path} zh`);
      await page.getByRole('button', { name: 'Русский' }).click();
      await expect.poll(heading).toBe(ru);
      await page.getByText(marker, { exact: true }).first().waitFor();
      await browser.screenshot(`${path.slice(1)}-ru`);
      await accessible(`${path} ru`);
    }
  }, 90_000);

  it('logged no console errors on any page', () => {
    expect(browser.consoleErrors).toEqual([]);
  });
});
