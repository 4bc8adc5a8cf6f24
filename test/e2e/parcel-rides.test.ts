import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { animationsDone, type Browser, openBrowser, seriousA11yViolations, visibleText } from './browser.ts';
import { type RideServer, startServerWithRun } from './parcel-rides-setup.ts';
import { chooseBuilding } from './parcel-steps.ts';

let server: RideServer;
let phone: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServerWithRun();
  phone = await openBrowser({ width: 390, height: 844 });
  page = await phone.context.newPage();
});

afterAll(async () => {
  await phone?.close();
  await server?.stop();
});

/** Round trips to a server on a busy machine: polled for longer than expect.poll's default second. */
const slow = { timeout: 20_000, interval: 250 };

const expectAccessible = async () => {
  await animationsDone(page);
  expect(await seriousA11yViolations(page)).toEqual([]);
};

async function signInAs(username: string) {
  await page.context().clearCookies();
  await page.goto(`${server.baseUrl}/login`);
  await page.getByLabel('用户名或手机号').fill(username);
  await page.getByLabel('密码', { exact: true }).fill('linli-demo');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL(`${server.baseUrl}/`);
}

async function openFromMenu(label: string, heading = label) {
  await page.getByRole('button', { name: '打开菜单' }).click();
  await page.getByRole('navigation').getByRole('link', { name: label, exact: true }).click();
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

describe('riding a run and the pickup code on a phone', () => {
  let code = '';

  it('lets the rider start the run and mark the next building delivered', async () => {
    await signInAs('v002');
    await openFromMenu('骑手派送');
    await page.getByRole('button', { name: '出发，开始派送' }).click();
    const next = page.getByTestId('ride-next');
    await expect.poll(() => visibleText(next), slow).toContain(`${server.buildingCode}号楼`);
    expect(await visibleText(next)).toContain(`${server.room}室`);
    expect(await next.getByRole('img', { name: '配送路线图' }).count()).toBe(1);
    await expectAccessible();

    await page.getByRole('button', { name: `已送到${server.buildingCode}号楼` }).click();
    await expect
      .poll(() => visibleText(page.getByTestId('ride-outcome')), slow)
      .toContain(`${server.buildingCode}号楼已送达`);
    await expect.poll(() => visibleText(page.locator('.ride-progress-text')), slow).toBe('已送 1 / 2 栋楼');
    // the next building is now stop 2
    expect(await visibleText(next.locator('.ride-next-building'))).not.toBe(`${server.buildingCode}号楼`);
    await expectAccessible();
  });

  it('tells the resident, who sees the code large and confirms the pickup', async () => {
    await signInAs('r0001');
    await page.goto(`${server.baseUrl}/notifications`);
    const notice = page.getByText(new RegExp(`快递到楼：${server.buildingCode}号楼，取件码 \\d{4}`)).first();
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
    code = (await visibleText(notice)).match(/取件码 (\d{4})/)![1]!;

    await openFromMenu('我的快递');
    expect(await visibleText(page.getByTestId('pickup-code'))).toBe(code);
    const waiting = page.locator('.my-waiting');
    expect(await visibleText(waiting)).toContain('0001 · 0002');
    await expectAccessible();

    await page.getByRole('button', { name: '我已取件' }).click();
    const collected = page.getByRole('region', { name: '已取走' });
    await expect
      .poll(async () => (await collected.count()) > 0 && visibleText(collected))
      .toContain('SF9000000001');
    expect(await page.getByTestId('pickup-code').count()).toBe(0);
    await expectAccessible();
  });

  it('shows the pickup desk that a code already handed over is collected', async () => {
    await signInAs('v002');
    await openFromMenu('取件登记', '凭取件码取件');
    await chooseBuilding(page, server.buildingCode);
    await page.getByLabel('取件码（4 位数字）').fill(code);
    await expect.poll(() => visibleText(page.getByTestId('pickup-found')), slow).toContain('已经在');
    expect(await visibleText(page.getByTestId('pickup-found'))).toContain(`${server.room}室`);
    await expectAccessible();
  });
});
