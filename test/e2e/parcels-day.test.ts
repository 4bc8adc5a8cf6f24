// A parcel's whole day, across four phones: recorded at the gate, planned onto a run, ridden to its
// building, told to the household with a pickup code, and the clearance board reaching zero.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { animationsDone, type Browser, openBrowser, seriousA11yViolations, visibleText } from './browser.ts';
import { type RunningServer, startServer } from './harness.ts';
import { chooseBuilding } from './parcel-steps.ts';

let server: RunningServer;
let phone: Browser;
let page: Page;
const home = { building: '', room: '' };
let riderName = '';
const slow = { timeout: 15_000 };

beforeAll(async () => {
  // The demo without its 600 parcels: every parcel on the board is one this test recorded.
  server = await startServer({ LINLI_DEMO_PARCELS: '0' });
  phone = await openBrowser({ width: 390, height: 844 });
  page = await phone.context.newPage();
});

afterAll(async () => {
  await phone?.close();
  await server?.stop();
});

const expectAccessible = async (page: Page) => {
  await animationsDone(page);
  expect(await seriousA11yViolations(page)).toEqual([]);
};

/** One phone passed from hand to hand: each person signs in afresh. */
async function signIn(username: string) {
  await phone.context.clearCookies();
  await page.goto(`${server.baseUrl}/login`);
  await page.getByLabel('用户名或手机号').fill(username);
  await page.getByLabel('密码', { exact: true }).fill('linli-demo');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL(`${server.baseUrl}/`);
  const me = await (await page.request.get(`${server.baseUrl}/api/session`)).json();
  return me.session as { account: { displayName: string }; memberships: { communityId: string }[] };
}

describe("a parcel's day", () => {
  it('is recorded at the gate for two buildings and planned onto the rider’s run', async () => {
    // r0001's household is where the first parcel goes; v002 rides today's shifts in the demo.
    const me = await signIn('r0001');
    const base = `${server.baseUrl}/api/communities/${me.memberships[0]!.communityId}`;
    const mine = await (await page.request.get(`${base}/my-parcels`)).json();
    Object.assign(home, { building: mine.households[0].buildingCode, room: mine.households[0].room });
    riderName = (await signIn('v002')).account.displayName;

    await signIn('v001');
    await page.goto(`${server.baseUrl}/parcels/intake`);
    await page.getByLabel('运单号').fill('SF8000000001');
    await chooseBuilding(page, home.building);
    await page.getByLabel('房号（可不填）').fill(home.room);
    await page.getByRole('button', { name: '入库', exact: true }).click();
    await expect
      .poll(() => visibleText(page.getByTestId('intake-outcome')))
      .toContain(`已入库 SF8000000001 → ${home.building}号楼`);
    const other = home.building === '12' ? '7' : '12';
    await page.getByText('批量登记').click();
    await chooseBuilding(page, other);
    await page.getByLabel('件数').fill('3');
    await page.getByRole('button', { name: '入库 3 件' }).click();
    await expect.poll(() => visibleText(page.getByTestId('intake-outcome'))).toContain(`→ ${other}号楼`);

    await page.goto(`${server.baseUrl}/parcels/runs`);
    await page.getByRole('heading', { name: '配送排线', level: 1 }).waitFor();
    expect(await visibleText(page.getByTestId('runs-waiting'))).toBe('等待配送：4 件，2 栋楼');
    // Only one tricycle goes out, ridden by v002, so the run is theirs.
    const riders = page.locator('.vehicle-rider select');
    while ((await riders.count()) > 1)
      await page.getByRole('button', { name: `删除第 ${await riders.count()} 辆车` }).click();
    await riders.first().selectOption({ label: riderName });
    expect(await riders.count()).toBe(1);
    await page.getByRole('button', { name: '开始排线' }).click();
    await page.getByTestId('draft-plan').waitFor();
    await page.getByRole('button', { name: '确认排线，4 件快递上车' }).click();
    await page.getByTestId('confirmed-runs').waitFor(slow);
    await expectAccessible(page);
  });

  it('is ridden to both buildings on the rider’s phone', async () => {
    await signIn('v002');
    await page.goto(`${server.baseUrl}/parcels/ride`);
    await page.getByRole('button', { name: '出发，开始派送' }).click();
    for (let stop = 1; stop <= 2; stop++) {
      const deliver = page.getByRole('button', { name: /^已送到\d+号楼$/ });
      await deliver.waitFor(slow);
      const code = (await visibleText(deliver)).match(/已送到(\d+)号楼/)![1]!;
      await expectAccessible(page);
      await deliver.click();
      await expect
        .poll(() => visibleText(page.getByTestId('ride-outcome')), slow)
        .toContain(`${code}号楼已送达`);
    }
    await page.getByText('这一趟全部送达，辛苦了！请回到出发门。').waitFor(slow);
  });

  it('tells the household its pickup code, and the board reaches zero', async () => {
    await signIn('r0001');
    await page.goto(`${server.baseUrl}/notifications`);
    const notice = page.getByText(new RegExp(`快递到楼：${home.building}号楼，取件码 (\\d{4})`)).first();
    await expect
      .poll(
        async () => {
          if (await notice.isVisible()) return true;
          await page.reload();
          return false;
        },
        { timeout: 20_000, interval: 1_000 },
      )
      .toBe(true);
    const code = (await visibleText(notice)).match(/取件码 (\d{4})/)![1]!;
    await expectAccessible(page);
    await page.goto(`${server.baseUrl}/my/parcels`);
    expect(await visibleText(page.getByTestId('pickup-code'))).toBe(code);
    await page.getByRole('button', { name: '我已取件' }).click();
    await expect.poll(() => page.getByTestId('pickup-code').count(), slow).toBe(0);

    await signIn('v001');
    await page.goto(`${server.baseUrl}/parcels/board`);
    await page.getByTestId('board-clear').waitFor(slow);
    expect(await visibleText(page.getByTestId('board-clear'))).toContain('全部清零');
    expect(await visibleText(page.getByTestId('board-received'))).toBe('4');
    expect(await visibleText(page.getByTestId('board-pickedUp'))).toBe('1');
    await expectAccessible(page);
  });
});
