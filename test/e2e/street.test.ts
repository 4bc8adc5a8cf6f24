import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { a11yProblemsOnceSettled, type Browser, openBrowser, signInAs, visibleText } from './browser.ts';
import { type RunningServer, startServer } from './harness.ts';

let server: RunningServer;
let desk: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  desk = await openBrowser();
  page = await desk.context.newPage();
});

afterAll(async () => {
  await desk?.close();
  await server?.stop();
});

const expectAccessible = async () => expect(await a11yProblemsOnceSettled(page)).toEqual([]);
const firstCompound = () =>
  visibleText(page.locator('.street-table tbody tr.ant-table-row').first().locator('.street-name'));

describe('the street office’s view of its compounds', () => {
  it('a viewer with two compounds sees both, sorts them, opens one read-only and reads its day report', async () => {
    await signInAs(page, server.baseUrl, 'street1');
    const tile = page.getByTestId('home-reports');
    await tile.getByRole('link', { name: '街道总览' }).click();
    await page.getByRole('heading', { name: '街道总览', level: 1 }).waitFor();
    const rows = page.locator('.street-table tbody tr.ant-table-row');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    expect(await visibleText(page.locator('.street-table tbody'))).toMatch(
      /歌林春天[\s\S]*运城新苑|运城新苑[\s\S]*歌林春天/,
    );
    // both placed on the map, each dot a button named with its figure
    expect(await page.locator('.street-map-point').count()).toBe(2);
    expect(await page.locator('.street-map-point').first().getAttribute('aria-label')).toMatch(
      /^(歌林春天|运城新苑) \d+（待送快递）/,
    );
    await expectAccessible();

    // The demo's gate holds 600 parcels, the neighbour's 40: ascending, then descending.
    const header = page.locator('.street-table thead th').filter({ hasText: '待送快递' });
    await header.click();
    await expect.poll(firstCompound, { timeout: 10_000 }).toBe('运城新苑');
    await header.click();
    await expect.poll(firstCompound, { timeout: 10_000 }).toBe('歌林春天');

    await page.locator('.street-table').getByRole('button', { name: '歌林春天', exact: true }).click();
    await page.getByRole('heading', { name: '数据看板', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    expect(await visibleText(page.locator('.shell-header'))).toContain('歌林春天');
    // read-only: a viewer is offered nothing to change
    const main = page.locator('main');
    await main.locator('.dash-grid').waitFor();
    expect(await main.getByRole('button', { name: /新建|编辑|保存|删除|添加|生成|发布|关闭/ }).count()).toBe(
      0,
    );
    await expectAccessible();
    // nor a resident's own pages: the street office does not live here
    const nav = await visibleText(page.getByRole('navigation'));
    for (const residentOnly of ['我的核酸码', '我的快递', '配药']) expect(nav).not.toContain(residentOnly);

    await page.getByRole('navigation').getByRole('link', { name: '日报', exact: true }).click();
    await page.getByRole('heading', { name: '日报', level: 1 }).waitFor();
    // the viewer reads the history; making one is the committee's
    expect(await page.getByRole('button', { name: '立即生成今天的日报' }).count()).toBe(0);
    const past = page.locator('.dr-link');
    await past.nth(2).waitFor();
    await expectAccessible();
    const day = await visibleText(past.first().locator('.dr-day'));
    await past.first().click();
    await page.getByRole('heading', { name: '歌林春天 日报', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/reports/${day}`);
    for (const part of ['待解决问题', '数据', '当日事件']) {
      await page.getByRole('heading', { name: part, level: 2 }).waitFor();
    }
    expect(await visibleText(page.locator('.dr-figures'))).toContain('未送达');
    await page.getByRole('button', { name: '打印' }).waitFor();
    await expectAccessible();
    const { session } = await (await page.request.get(`${server.baseUrl}/api/session`)).json();
    const gelin = session.memberships.find((m: { communityName: string }) => m.communityName === '歌林春天');
    const xlsx = await page.request.get(
      `${server.baseUrl}/api/communities/${gelin.communityId}/daily-reports/${day}.xlsx`,
    );
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
  });
});
