// Saves PNGs of the main pages at phone and desktop sizes into ./screenshots/ for a human look.
// Run: npm run build:web && npx tsx test/e2e/screenshots.ts
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openBrowser } from './browser.ts';
import { startServer } from './harness.ts';
import { captureRegistry } from './screenshots-registry.ts';
import { captureVolunteers } from './screenshots-volunteers.ts';

const OUT = path.resolve('screenshots');
const SIZES = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1366, height: 900 },
} as const;

/** Whole pages by default; a drawer or dialog is shot as the screen shows it. */
async function shoot(page: Page, name: string, fullPage = true) {
  await page.waitForLoadState('networkidle');
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log(file);
}

async function capture(baseUrl: string, size: keyof typeof SIZES) {
  const browser = await openBrowser(SIZES[size]);
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(`${baseUrl}/login`);
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await shoot(page, `${size}-login`);

    await page.getByLabel('用户名或手机号').fill('secretary');
    await page.getByLabel('密码', { exact: true }).fill('linli-demo');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByTestId('headline-volunteers').waitFor();
    await shoot(page, `${size}-home`);

    await page.goto(`${baseUrl}/audit`);
    await page.getByText('初始化演示小区').first().waitFor();
    await shoot(page, `${size}-audit`);
    await captureRegistry(page, baseUrl, size, shoot);
    await captureVolunteers(page, baseUrl, size, shoot);

    if (size === 'phone') {
      await page.getByRole('button', { name: '打开菜单' }).click();
      await page.getByRole('dialog').waitFor();
      await page.waitForTimeout(400); // let the drawer finish sliding in
      await shoot(page, `${size}-menu`);
      await page.keyboard.press('Escape');
    }

    await page.goto(`${baseUrl}/`);
    await page.getByRole('button', { name: '切换语言：English' }).click();
    await page.getByText('Committee cadres').waitFor();
    await shoot(page, `${size}-home-en`);
    // Back to Chinese: the choice is saved to the account and would carry into the next size's run.
    await page.getByRole('button', { name: 'Switch language: 中文' }).click();
    await page.getByText('居委干部').waitFor();
    await page.waitForLoadState('networkidle');

    // Only committee staff may create communities; the secretary may not.
    await page.goto(`${baseUrl}/login`);
    await page.context().clearCookies();
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('用户名或手机号').fill('staff1');
    await page.getByLabel('密码', { exact: true }).fill('linli-demo');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByTestId('headline-volunteers').waitFor();
    // Signing in applies staff1's own language (Chinese), not the one the secretary left behind.
    await page.goto(`${baseUrl}/communities/new`);
    await page.getByRole('heading', { name: '新建小区', level: 1 }).waitFor();
    await page.getByRole('button', { name: '创建小区' }).click();
    await page.getByText('请输入小区名称').waitFor();
    await page.waitForTimeout(400); // antd animates the error messages in
    await shoot(page, `${size}-new-community`);

    // A second membership brings the community switcher into the header.
    await page.getByLabel('小区名称').fill(`演示新小区（${size}）`);
    await page.getByLabel('小区标识').fill(`demo-${size}`);
    await page.getByRole('button', { name: '创建小区' }).click();
    await page.getByTestId('headline-volunteers').waitFor();
    await page.getByText('已创建小区').waitFor({ state: 'detached' }); // the toast covers the header
    await shoot(page, `${size}-home-switcher`);
    if (size === 'phone') {
      await page.getByRole('button', { name: '打开菜单' }).click();
      await page.getByRole('dialog').waitFor();
      await page.waitForTimeout(400);
      await shoot(page, `${size}-menu-switcher`);
    }
  } finally {
    await browser.close();
  }
}

fs.mkdirSync(OUT, { recursive: true });
const server = await startServer();
try {
  for (const size of Object.keys(SIZES) as (keyof typeof SIZES)[]) await capture(server.baseUrl, size);
} finally {
  await server.stop();
}
