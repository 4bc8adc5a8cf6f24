import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { animationsDone, type Browser, openBrowser, seriousA11yViolations, visibleText } from './browser.ts';
import { type RunningServer, startServer } from './harness.ts';

let server: RunningServer;
let phone: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer({ LINLI_DEMO_PARCELS: '0' });
  phone = await openBrowser({ width: 390, height: 844 });
  page = await phone.context.newPage();
});

afterAll(async () => {
  await phone?.close();
  await server?.stop();
});

const expectAccessible = async () => {
  await animationsDone(page);
  expect(await seriousA11yViolations(page)).toEqual([]);
};

describe('testing rounds on a phone', () => {
  it('lets the testing leader set up a round and see who is still to be tested, the vulnerable first', async () => {
    // v081 leads the demo's testing group.
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('用户名或手机号').fill('v081');
    await page.getByLabel('密码', { exact: true }).fill('linli-demo');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('navigation').getByRole('link', { name: '核酸检测', exact: true }).click();
    await page.getByRole('heading', { name: '核酸检测', level: 1 }).waitFor();
    await page.getByText('还没有检测轮次。').waitFor();

    await page.getByRole('button', { name: '新建一轮检测' }).click();
    await page.getByLabel('名称').fill('第一轮全员核酸');
    await page.getByLabel('开始时间').fill('06:30');
    // 6 lanes split 3 + 3; the east gate takes one more, the west one less (4 + 2)
    await page.getByRole('button', { name: '增加东门的通道' }).click();
    await page.getByRole('button', { name: '减少西门的通道' }).click();
    await expect.poll(() => visibleText(page.getByTestId('gate-lanes-east'))).toContain('4');
    await page.getByText('5 混 1', { exact: true }).click();
    expect(await page.getByRole('radio', { name: '5 混 1' }).isChecked()).toBe(true);
    await expectAccessible();
    await page.getByRole('button', { name: '创建这一轮' }).click();

    await page.getByRole('heading', { name: '第一轮全员核酸', level: 1 }).waitFor();
    await expect.poll(() => visibleText(page.getByTestId('coverage-overall'))).toMatch(/^0 \/ \d{4}/);
    const settings = await visibleText(page.getByRole('region', { name: '设置' }));
    expect(settings).toContain('东门：4 条通道');
    expect(settings).toContain('西门：2 条通道');
    expect(settings).toContain('5 混 1');
    // the not-yet-tested list starts with residents flagged as vulnerable
    const first = page.getByTestId('missing-list').locator('li').first();
    expect(await first.getAttribute('class')).toContain('is-vulnerable');
    // residents who cannot come down are on the door-to-door list from the start
    expect(await page.getByTestId('home-visits').locator('li').count()).toBeGreaterThan(0);
    await expectAccessible();

    // send the first two not yet on the list to the door-to-door list
    const boxes = page.getByTestId('missing-list').getByRole('checkbox', { disabled: false });
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByRole('button', { name: '列入上门采样（2）' }).click();
    await expect.poll(() => visibleText(page.getByRole('status').first())).toContain('新列入 2 人');
    await expectAccessible();
  });
});
