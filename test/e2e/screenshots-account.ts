// The change-password page at phone and desktop sizes (empty, refused, changed, English), for a human look.
// Run: npm run build:web && npx tsx test/e2e/screenshots-account.ts
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { animationsDone, openBrowser, seriousA11yViolations } from './browser.ts';
import { startServer } from './harness.ts';

const OUT = path.resolve('screenshots');

async function signIn(page: Page, baseUrl: string, username: string, password: string) {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名或手机号').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL(`${baseUrl}/`);
}

// An open menu closes when a full-page screenshot resizes the window: those are taken as the screen shows.
async function shoot(page: Page, name: string, fullPage = true) {
  await page.waitForLoadState('networkidle');
  await animationsDone(page);
  const problems = await seriousA11yViolations(page);
  if (problems.length) console.error(name, problems);
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log(file);
}

const server = await startServer();
fs.mkdirSync(OUT, { recursive: true });
try {
  for (const [size, viewport, user] of [
    ['phone', { width: 390, height: 844 }, 'r0001'],
    ['desktop', { width: 1366, height: 900 }, 'r0002'],
  ] as const) {
    const browser = await openBrowser(viewport);
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await signIn(page, server.baseUrl, user, 'linli-demo');
    if (size === 'phone') {
      await page.getByRole('button', { name: '打开菜单' }).click();
      await shoot(page, `${size}-account-menu`, false);
      await page.getByRole('link', { name: '修改密码' }).click();
    } else {
      await page.getByRole('button', { name: /^我的账号/ }).click();
      await shoot(page, `${size}-account-menu`, false);
      await page.getByRole('menuitem', { name: '修改密码' }).click();
    }
    await page.getByRole('heading', { name: '修改密码', level: 1 }).waitFor();
    await shoot(page, `${size}-change-password`);
    const submit = page.getByRole('button', { name: '修改密码', exact: true });
    await page.getByLabel('当前密码').fill('not-my-password');
    await page.getByLabel('新密码', { exact: true }).fill('short');
    await page.getByLabel('再次输入新密码').fill('shorter');
    await submit.click();
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    await shoot(page, `${size}-change-password-invalid`);
    await page.getByLabel('新密码', { exact: true }).fill('a-new-long-password');
    await page.getByLabel('再次输入新密码').fill('a-new-long-password');
    await submit.click();
    await page.getByText('当前密码不正确。').waitFor();
    await shoot(page, `${size}-change-password-wrong`);
    await page.getByLabel('当前密码').fill('linli-demo');
    await submit.click();
    await page.getByTestId('changed').waitFor();
    await shoot(page, `${size}-change-password-done`);
    await page.getByRole('button', { name: '切换语言：English' }).click();
    await page.getByRole('heading', { name: 'Change password', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Change password', exact: true }).click();
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    await shoot(page, `${size}-change-password-en`);
    await browser.close();
  }
} finally {
  await server.stop();
}
