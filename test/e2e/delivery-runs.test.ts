import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { animationsDone, type Browser, openBrowser, seriousA11yViolations, visibleText } from './browser.ts';
import { type RunningServer, startServer } from './harness.ts';

let server: RunningServer;
let phone: Browser;
let leader: Page;

beforeAll(async () => {
  server = await startServer();
  phone = await openBrowser({ width: 390, height: 844 });
  leader = await phone.context.newPage();
});

afterAll(async () => {
  await phone?.close();
  await server?.stop();
});

const expectAccessible = async (page: Page) => {
  await animationsDone(page);
  expect(await seriousA11yViolations(page)).toEqual([]);
};

/** Parcels for buildings 3 and 12 through the API as the signed-in page, beside the demo's own. */
async function recordParcels(page: Page) {
  const { session } = await (await page.request.get(`${server.baseUrl}/api/session`)).json();
  const base = `${server.baseUrl}/api/communities/${session.memberships[0].communityId}`;
  const headers = { 'x-csrf-token': session.csrfToken };
  const { items } = await (await page.request.get(`${base}/buildings`)).json();
  for (const [code, count] of [
    ['3', 9],
    ['12', 14],
  ] as const) {
    const buildingId = items.find((b: { code: string }) => b.code === code).id;
    const res = await page.request.post(`${base}/parcels`, {
      headers,
      data: { batch: { buildingId, count } },
    });
    expect(res.status()).toBe(201);
  }
}

const notice = () => leader.getByTestId('runs-notice');

describe('planning delivery runs on a phone', () => {
  it('plans the runs, moves a building to another run and confirms: the bins are empty', async () => {
    // v001 leads the demo's parcels group.
    await leader.goto(`${server.baseUrl}/login`);
    await leader.getByLabel('用户名或手机号').fill('v001');
    await leader.getByLabel('密码', { exact: true }).fill('linli-demo');
    await leader.getByRole('button', { name: '登录', exact: true }).click();
    await leader.waitForURL(`${server.baseUrl}/`);
    await recordParcels(leader);

    await leader.getByRole('button', { name: '打开菜单' }).click();
    await leader.getByRole('navigation').getByRole('link', { name: '配送排线', exact: true }).click();
    await leader.getByRole('heading', { name: '配送排线', level: 1 }).waitFor();
    expect(await visibleText(leader.getByTestId('runs-waiting'))).toMatch(/^等待配送：\d+ 件，\d+ 栋楼$/);
    await expectAccessible(leader);

    await leader.getByRole('button', { name: '开始排线' }).click();
    const draft = leader.getByTestId('draft-plan');
    await draft.waitFor();
    expect(await visibleText(draft)).toContain('12号楼');
    expect(await leader.getByRole('img', { name: /配送路线图/ }).count()).toBe(1);
    await expectAccessible(leader);

    // Building 12 to another run (or a new run) with room for its parcels.
    const move = leader.getByRole('combobox', { name: '把12号楼改到' });
    const choices = await move
      .locator('option:not([disabled])')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    await move.selectOption(choices.find((v) => v.startsWith('run:')) ?? choices[0]!);
    // A move and a confirmation each take a round trip: wait for the page to say so (not a 1 s poll).
    await notice()
      .getByText(/已把12号楼改到第 \d+ 趟。/)
      .waitFor();
    const run = (await visibleText(notice())).match(/第 (\d+) 趟/)![1];
    expect(await visibleText(leader.getByTestId(`run-${run}`))).toContain('12号楼');

    await leader.getByRole('button', { name: /^确认排线，\d+ 件快递上车$/ }).click();
    await notice()
      .getByText(/已确认 \d+ 趟配送，\d+ 件快递已上车。/)
      .waitFor();
    await leader.getByTestId('confirmed-runs').waitFor();
    expect(await draft.count()).toBe(0);
    expect(await visibleText(leader.getByTestId('runs-waiting'))).toBe('现在没有等待配送的快递。');
    await expectAccessible(leader);

    await leader.goto(`${server.baseUrl}/parcels/bins`);
    await leader.getByRole('heading', { name: '楼栋快递', level: 1 }).waitFor();
    expect(await visibleText(leader.getByTestId('waiting-total'))).toBe('0 件');
  });
});
