import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDashboard } from '../../src/shared/api/dashboard.ts';
import { tilesByUrgency } from '../../src/web/pages/dashboard/tile-order.ts';
import {
  a11yProblemsOnceSettled,
  animationsDone,
  type Browser,
  openBrowser,
  signInAs,
  visibleText,
} from './browser.ts';
import { type RunningServer, startServer } from './harness.ts';

// The screenshots a person looks at after a run (CI keeps test-results/; E2E_ARTIFACT_DIR moves them).
const ARTIFACTS = process.env.E2E_ARTIFACT_DIR ?? path.resolve('test-results/e2e-artifacts');

let server: RunningServer;
let phone: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  phone = await openBrowser({ width: 390, height: 844 });
  page = await phone.context.newPage();
});

afterAll(async () => {
  await phone?.close();
  await server?.stop();
});

const count = (n: number) => new Intl.NumberFormat('zh-CN', { useGrouping: 'min2' }).format(n);

async function screenshot(on: Page, name: string, fullPage: boolean) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  // from the top, or the app's sticky header is drawn across the middle of a full-page picture
  if (fullPage) await on.evaluate(() => window.scrollTo(0, 0));
  await animationsDone(on);
  await on.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
}

/** The API as the signed-in page sees it. */
async function api(on: Page) {
  const { session } = await (await on.request.get(`${server.baseUrl}/api/session`)).json();
  const base = `${server.baseUrl}/api/communities/${session.memberships[0].communityId}`;
  return { base, headers: { 'x-csrf-token': session.csrfToken } };
}

/** Three parcels for building 3 recorded at the gate, through the API as the intake page would. */
async function receiveParcels(on: Page) {
  const { base, headers } = await api(on);
  const { items } = await (await on.request.get(`${base}/buildings`)).json();
  const building3 = items.find((b: { code: string }) => b.code === '3').id;
  const res = await on.request.post(`${base}/parcels`, {
    headers,
    data: { batch: { buildingId: building3, count: 3 } },
  });
  expect(res.status()).toBe(201);
}

/** Minutes between a "HH:MM:SS" shown and the time now in Shanghai, around the clock. */
function minutesFromShanghaiNow(shown: string) {
  const [h, m] = shown.split(':').map(Number);
  const now = new Date(Date.now() + 8 * 3_600_000);
  const diff = Math.abs(h! * 60 + m! - (now.getUTCHours() * 60 + now.getUTCMinutes()));
  return Math.min(diff, 24 * 60 - diff);
}

describe('the live dashboard', () => {
  it('the secretary opens it on a phone: the figures, the most urgent first, each tile leading to its page', async () => {
    await signInAs(page, server.baseUrl, 'secretary');
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('navigation').getByRole('link', { name: '数据看板', exact: true }).click();
    await page.getByRole('heading', { name: '数据看板', level: 1 }).waitFor();
    await page.getByTestId('dash-parcels-waiting').waitFor();
    const { base } = await api(page);
    const d: TDashboard = await (await page.request.get(`${base}/dashboard`)).json();

    // the figures are the dashboard's, "2+6+280" first among the people
    expect(d.parcels.waiting).toBeGreaterThan(0);
    expect(await visibleText(page.getByTestId('dash-parcels-waiting'))).toBe(count(d.parcels.waiting));
    expect(await visibleText(page.getByTestId('dash-people-staff'))).toBe(count(d.people.staff));
    expect(await visibleText(page.getByTestId('dash-people-groups'))).toBe('6');
    expect(await visibleText(page.getByTestId('dash-people-volunteers'))).toBe(
      count(d.people.volunteers.approved),
    );
    expect(await visibleText(page.getByTestId('dash-medicine-overdue'))).toBe(count(d.medicine.overdue));
    // the demo's overdue medicine request is at the top of the medicine tile
    if (d.medicine.overdue > 0) {
      expect(await visibleText(page.getByTestId('dash-medicine-request').first())).toContain('已超时');
    }

    // one column, the most urgent area first
    const shown = await page
      .locator('.dash-tile')
      .evaluateAll((tiles) => tiles.map((t) => t.getAttribute('data-testid')));
    expect(shown).toEqual(tilesByUrgency(d, Date.now()).map((k) => `dash-tile-${k}`));
    const lefts = await page
      .locator('.dash-tile')
      .evaluateAll((tiles) => tiles.map((t) => t.getBoundingClientRect().left));
    expect(new Set(lefts).size).toBe(1);

    // taken just now, said on the compound's clock (the browser runs on New York time), and live
    const updated = await visibleText(page.getByTestId('dash-updated-at'));
    const time = /(\d{2}:\d{2}:\d{2})/.exec(updated)?.[1];
    expect(time, updated).toBeDefined();
    expect(minutesFromShanghaiNow(time!)).toBeLessThanOrEqual(2);
    await page.getByText('实时更新').waitFor();
    expect(await a11yProblemsOnceSettled(page)).toEqual([]);
    await screenshot(page, 'dashboard-phone-390x844', true);

    // every tile leads to its feature's page
    const links: Record<string, string> = {
      people: '/groups',
      parcels: '/parcels/board',
      medicine: '/medicine',
      groupBuys: '/group-buys',
      disinfection: '/disinfection',
      relays: '/relays',
    };
    for (const [tile, href] of Object.entries(links)) {
      expect(
        await page.getByTestId(`dash-tile-${tile}`).locator('.dash-tile-link').getAttribute('href'),
      ).toBe(href);
    }
    await page.getByTestId('dash-tile-parcels').getByRole('link', { name: '打开日清日结' }).click();
    await page.getByRole('heading', { name: '日清日结', level: 1 }).waitFor();
    await page.goBack();
    await page.getByTestId('dash-parcels-waiting').waitFor();
  });

  it('a parcel recorded at the gate shows on the open dashboard within seconds, without a reload', async () => {
    const received = page.getByTestId('dash-parcels-received-today');
    const before = Number((await visibleText(received)).replace(/\D/g, ''));
    await page.evaluate(() => {
      (window as unknown as { stillThisPage: boolean }).stillThisPage = true;
    });
    const sent = Date.now();
    await receiveParcels(page);
    await page.waitForFunction(
      ([testId, expected]) => document.querySelector(`[data-testid="${testId}"]`)?.textContent === expected,
      ['dash-parcels-received-today', count(before + 3)] as const,
      { timeout: 10_000 },
    );
    expect(Date.now() - sent).toBeLessThan(10_000);
    expect(await page.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage)).toBe(
      true,
    );
  });

  it('the big screen: dark, large type, full screen at a touch, no menu, kept live', async () => {
    const wall = await openBrowser({ width: 1920, height: 1080 });
    try {
      const screen = await wall.context.newPage();
      await signInAs(screen, server.baseUrl, 'secretary');
      await screen.waitForURL(`${server.baseUrl}/`);
      await screen.getByTestId('home-dashboard').getByRole('link', { name: '大屏模式' }).click();
      await screen.getByTestId('dash-big').waitFor();
      await screen.getByTestId('dash-parcels-waiting').waitFor();
      await screen.getByRole('heading', { name: /实时看板$/, level: 1 }).waitFor();
      // no app header or menu on the wall
      expect(await screen.getByRole('navigation').count()).toBe(0);
      expect(await screen.locator('.shell-header').count()).toBe(0);
      const looks = await screen.evaluate(() => {
        const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
        return {
          background: style('.dash-big').backgroundColor,
          figure: Number.parseFloat(style('[data-testid="dash-parcels-waiting"]').fontSize),
          heading: Number.parseFloat(style('.dash-big-head h1').fontSize),
        };
      });
      expect(looks.background).toBe('rgb(11, 18, 32)');
      expect(looks.figure).toBeGreaterThanOrEqual(60);
      expect(looks.heading).toBeGreaterThanOrEqual(36);
      // everything fits on the one screen: nothing below the fold
      expect(await screen.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(1080);
      expect(await a11yProblemsOnceSettled(screen)).toEqual([]);
      await screenshot(screen, 'dashboard-big-screen-1920x1080', false);

      const before = Number(
        (await visibleText(screen.getByTestId('dash-parcels-received-today'))).replace(/\D/g, ''),
      );
      await receiveParcels(screen);
      await screen.waitForFunction(
        ([testId, expected]) => document.querySelector(`[data-testid="${testId}"]`)?.textContent === expected,
        ['dash-parcels-received-today', count(before + 3)] as const,
        { timeout: 10_000 },
      );

      await screen.getByRole('button', { name: '全屏显示' }).click();
      await screen.getByRole('button', { name: '退出全屏' }).waitFor();
      expect(await screen.evaluate(() => document.fullscreenElement?.className)).toBe('dash-big');
      await screen.getByRole('button', { name: '退出全屏' }).click();
      await screen.getByRole('button', { name: '全屏显示' }).waitFor();
    } finally {
      await wall.close();
    }
  });

  it('the trends: charts of the last 30 days and a heat map of the buildings by a chosen figure', async () => {
    await page.goto(`${server.baseUrl}/dashboard`);
    await page.getByRole('link', { name: '趋势和热力图' }).click();
    await page.getByRole('heading', { name: '趋势', level: 1 }).waitFor();
    for (const chart of ['trend-parcels', 'trend-hours', 'trend-medicine']) {
      await page.getByTestId(chart).locator('svg').first().waitFor();
      expect(await page.getByTestId(chart).getAttribute('aria-label')).toMatch(/合计/);
    }
    const { base } = await api(page);
    const trends = await (await page.request.get(`${base}/dashboard/trends?days=30`)).json();
    const heat = page.getByTestId('dash-heat');
    await heat.locator('.plan-building').first().waitFor();
    const most = [...trends.buildings].sort((a, b) => b.waitingParcels - a.waitingParcels)[0];
    expect(await visibleText(heat.getByTestId('dash-heat-top').locator('li').first())).toContain(
      `${most.waitingParcels} 件`,
    );
    const label = await heat.locator(`[data-building-id="${most.buildingId}"]`).getAttribute('aria-label');
    expect(label).toBe(`${most.code}号楼：待送快递 ${most.waitingParcels} 件`);
    expect(await a11yProblemsOnceSettled(page)).toEqual([]);

    await heat.getByText('待办配药').click();
    const mostOpen = [...trends.buildings].sort((a, b) => b.openMedicine - a.openMedicine)[0];
    if (mostOpen.openMedicine > 0) {
      const first = await visibleText(heat.getByTestId('dash-heat-top').locator('li').first());
      expect(first).toContain(`${mostOpen.code}号楼`);
      expect(first).toContain(`${mostOpen.openMedicine} 件`);
    }
    await screenshot(page, 'dashboard-trends-phone-390x844', true);
  });
});
