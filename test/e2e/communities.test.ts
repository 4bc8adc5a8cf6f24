import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, openBrowser, seriousA11yViolations, visibleText } from './browser.ts';
import { type RunningServer, startServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;

// A phone, so the drawer menu and the card layouts are exercised too.
beforeAll(async () => {
  server = await startServer();
  browser = await openBrowser({ width: 390, height: 844 });
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const expectAccessible = async () => expect(await seriousA11yViolations(page)).toEqual([]);

async function openMenuAndGo(link: string) {
  await page.getByRole('button', { name: '打开菜单' }).click();
  await page.getByRole('dialog').getByRole('link', { name: link }).click();
}

describe('committee staff create a community on a phone', () => {
  it('signs in as staff1 and finds "New community" in the drawer menu', async () => {
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('用户名或手机号').fill('staff1');
    await page.getByLabel('密码', { exact: true }).fill('linli-demo');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByTestId('headline-volunteers').waitFor();
    await openMenuAndGo('新建小区');
    await page.getByRole('heading', { name: '新建小区', level: 1 }).waitFor();
    await expectAccessible();
  });

  it("shows the server's message under the field when the id is taken", async () => {
    await page.getByLabel('小区名称').fill('歌林春天二期');
    await page.getByLabel('小区标识').fill('gelin');
    await page.getByRole('button', { name: '创建小区' }).click();
    const fieldError = page.locator('.ant-form-item-explain-error', { hasText: '小区标识“gelin”已被使用' });
    await fieldError.waitFor();
    await expectAccessible();
  });

  it('creates the community, switches to it, and offers a community switcher', async () => {
    await page.getByLabel('小区标识').fill('gelin-2');
    await page.getByRole('button', { name: '创建小区' }).click();
    await page.waitForURL(`${server.baseUrl}/`);
    await page.getByTestId('headline-volunteers').waitFor();
    expect(await visibleText(page.getByTestId('headline-volunteers'))).toMatch(/^0\s+志愿者$/);
    expect(await visibleText(page.getByRole('banner'))).toContain('歌林春天二期');
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('dialog').getByRole('combobox', { name: '当前小区' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await expectAccessible();
  });

  it('shows the new community audit log as cards, with the creation entry', async () => {
    await openMenuAndGo('审计日志');
    await page.getByRole('heading', { name: '审计日志', level: 1 }).waitFor();
    const card = page.locator('.audit-card').filter({ hasText: '新建小区' });
    await card.waitFor();
    expect(await visibleText(card)).toContain('居委干部1');
    await expectAccessible();
  });

  it('goes back to the sign-in page when the session has lapsed (any 401)', async () => {
    await browser.context.clearCookies();
    await page.getByRole('button', { name: '切换语言：English' }).click();
    await page.waitForURL('**/login');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectAccessible();
  });
});
