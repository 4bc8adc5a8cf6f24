import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, openBrowser, seriousA11yViolations, visibleText } from './browser.ts';
import { type RunningServer, startServer } from './harness.ts';

let server: RunningServer;
let phone: Browser;
let office: Browser;
let relay: Page;
let staff: Page;

beforeAll(async () => {
  server = await startServer();
  phone = await openBrowser({ width: 390, height: 844 });
  office = await openBrowser({ width: 390, height: 844 });
  relay = await phone.context.newPage();
  staff = await office.context.newPage();
});

afterAll(async () => {
  await phone?.close();
  await office?.close();
  await server?.stop();
});

async function signIn(page: Page, username: string) {
  await page.goto(`${server.baseUrl}/login`);
  await page.getByLabel('用户名或手机号').fill(username);
  await page.getByLabel('密码', { exact: true }).fill('linli-demo');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL(`${server.baseUrl}/`);
}

const accessible = async (page: Page) => expect(await seriousA11yViolations(page)).toEqual([]);

describe('building relays (楼组长转达) on phones', () => {
  it('a relay contact passes the testing call on, and the staff overview shows it confirmed, live', async () => {
    // staff1 watches building 8's testing-call relays; the demo called building 8 this morning
    await signIn(staff, 'staff1');
    const { session } = await (await staff.request.get(`${server.baseUrl}/api/session`)).json();
    const base = `${server.baseUrl}/api/communities/${session.memberships[0].communityId}`;
    const { items } = await (await staff.request.get(`${base}/buildings`)).json();
    const building8 = items.find((b: { code: string }) => b.code === '8').id;
    await staff.goto(`${server.baseUrl}/relays?buildingId=${building8}&source=testing_call`);
    const row = staff.getByTestId('relay-row').filter({ hasText: '核酸叫号' });
    await row.waitFor();
    expect(await visibleText(row.getByTestId('relay-row-status'))).toBe('待转达');
    const confirmedBefore = Number(
      await visibleText(staff.getByTestId('relay-figure-confirmed').locator('strong')),
    );
    await accessible(staff);

    // r0013 is building 8's relay contact: the home page says there is something to pass on
    await signIn(relay, 'r0013');
    const tile = relay.getByTestId('home-relays');
    await tile.waitFor();
    expect(await visibleText(tile)).toMatch(/\d+ 件事待转达/);
    await accessible(relay);
    await relay.getByRole('button', { name: '打开菜单' }).click();
    await relay.getByRole('navigation').getByRole('link', { name: '楼组长转达', exact: true }).click();
    await relay.getByRole('heading', { name: '楼组长转达', level: 1 }).waitFor();
    const card = relay.getByTestId('relay-card').filter({ hasText: '核酸叫号：请通知8号楼居民下楼' });
    await card.waitFor();
    expect(await visibleText(card)).toContain('请转告8号楼');
    const button = card.getByRole('button', { name: '已转达' });
    const box = await button.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await accessible(relay);

    await button.click();
    const done = card.getByTestId('relay-card-done');
    await done.waitFor();
    expect(await visibleText(done)).toMatch(/由郝强辉确认已转达/);
    await accessible(relay);

    // the overview hears of it without a reload
    await expect
      .poll(async () => visibleText(row.getByTestId('relay-row-status')), { timeout: 15_000 })
      .toBe('已转达');
    expect(await visibleText(row)).toContain('郝强辉');
    expect(Number(await visibleText(staff.getByTestId('relay-figure-confirmed').locator('strong')))).toBe(
      confirmedBefore + 1,
    );
    await accessible(staff);
  });
});
