import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  a11yProblemsOnceSettled,
  animationsDone,
  type Browser,
  openBrowser,
  signInAs,
  visibleText,
} from './browser.ts';
import { type RunningServer, startServer } from './harness.ts';

let server: RunningServer;
let phone: Browser;
let desktop: Browser;
let page: Page;
let laptop: Page;

beforeAll(async () => {
  server = await startServer();
  phone = await openBrowser({ width: 390, height: 844 });
  desktop = await openBrowser();
  page = await phone.context.newPage();
  laptop = await desktop.context.newPage();
  for (const [name, p] of [
    ['phone', page],
    ['laptop', laptop],
  ] as const)
    p.on(
      'response',
      (r) => r.status() >= 400 && console.log(name, r.status(), r.request().method(), r.url()),
    );
});

afterAll(async () => {
  await phone?.close();
  await desktop?.close();
  await server?.stop();
});

const USER = 'r0012';
const NEW_PASSWORD = 'a-much-longer-one-2026';
const expectAccessible = async (p: Page) => expect(await a11yProblemsOnceSettled(p)).toEqual([]);
const fieldError = (p: Page, text: string) => p.locator('.ant-form-item-explain-error', { hasText: text });

async function signedIn(p: Page, password?: string) {
  await signInAs(p, server.baseUrl, USER, password);
  await p.waitForURL(`${server.baseUrl}/`);
}

describe('changing one’s password', () => {
  it('is in the desktop header’s account menu', async () => {
    await signedIn(laptop);
    await laptop.getByRole('button', { name: /^我的账号/ }).click();
    // A click while the menu is still growing in can land before its item takes clicks.
    await laptop.getByRole('menuitem', { name: '修改密码' }).waitFor();
    await animationsDone(laptop);
    await laptop.getByRole('menuitem', { name: '修改密码' }).click();
    await laptop.getByRole('heading', { name: '修改密码', level: 1 }).waitFor();
    expect(laptop.url()).toBe(`${server.baseUrl}/account/password`);
    await expectAccessible(laptop);
  });

  it('on a phone: from the menu, with clear refusals, then the new password works', async () => {
    await signedIn(page);
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('link', { name: '修改密码' }).click();
    await page.getByRole('heading', { name: '修改密码', level: 1 }).waitFor();
    await expectAccessible(page);

    const submit = page.getByRole('button', { name: '修改密码', exact: true });
    const box = await submit.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await submit.click();
    await fieldError(page, '请输入当前密码').waitFor();

    await page.getByLabel('当前密码').fill('not-my-password');
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('再次输入新密码').fill(`${NEW_PASSWORD}x`);
    await submit.click();
    await fieldError(page, '两次输入的新密码不一致').waitFor();

    await page.getByLabel('再次输入新密码').fill(NEW_PASSWORD);
    await submit.click();
    // the server's refusal, under the field it is about
    await fieldError(page, '当前密码不正确。').waitFor();
    await expectAccessible(page);

    await page.getByLabel('当前密码').fill('linli-demo');
    await submit.click();
    await page.getByTestId('changed').waitFor();
    expect(await visibleText(page.getByTestId('changed'))).toContain('其他设备上的登录已退出');
    await expectAccessible(page);

    // this phone goes on under its new session, mutations included (the new CSRF token)
    await page.getByRole('button', { name: '切换语言：English' }).click();
    await page.getByRole('heading', { name: 'Change password', level: 1 }).waitFor();
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('button', { name: 'Open menu' }).waitFor();
  });

  it('has signed out the other device, where only the new password gets in', async () => {
    await laptop.reload();
    await laptop.waitForURL('**/login');
    await signInAs(laptop, server.baseUrl, USER);
    await laptop.getByRole('alert').filter({ hasText: '用户名或密码不正确' }).waitFor();
    await signInAs(laptop, server.baseUrl, USER, NEW_PASSWORD);
    // in, in the language the phone chose for the account
    await laptop.getByRole('button', { name: /^My account/ }).waitFor();
    expect(laptop.url()).not.toMatch(/\/login$/);
  });
});
