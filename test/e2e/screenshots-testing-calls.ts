// The call-down plan on a round's page at phone size: proposed, then published.
// Run: npm run build && npx tsx test/e2e/screenshots-testing-calls.ts  (PNGs in ./screenshots/)
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { animationsDone, openBrowser } from './browser.ts';
import { startServer } from './harness.ts';

const OUT = path.resolve('screenshots');

async function shoot(page: Page, name: string, fullPage = true) {
  await page.waitForLoadState('networkidle');
  await animationsDone(page);
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log(file);
}

async function capture(baseUrl: string) {
  const browser = await openBrowser({ width: 390, height: 844 });
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('用户名或手机号').fill('v081');
    await page.getByLabel('密码', { exact: true }).fill('linli-demo');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(`${baseUrl}/`);
    await page.goto(`${baseUrl}/testing`);
    await page.getByRole('button', { name: '新建一轮检测' }).click();
    await page.getByLabel('名称').fill('叫号演示');
    await page.getByRole('button', { name: '创建这一轮' }).click();
    await page.getByTestId('coverage-overall').waitFor();
    await shoot(page, 'phone-testing-calls-empty', false);
    await page.getByRole('button', { name: '生成叫号计划' }).click();
    await page.getByRole('button', { name: '发布叫号' }).waitFor();
    await shoot(page, 'phone-testing-calls-plan', false);
    await page.getByRole('heading', { name: '东门' }).scrollIntoViewIfNeeded();
    await shoot(page, 'phone-testing-calls-east', false);
    await page.getByRole('button', { name: '发布叫号' }).click();
    await page.getByRole('dialog').waitFor();
    await page.waitForTimeout(400);
    await shoot(page, 'phone-testing-calls-confirm', false);
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await page.getByText(/各楼会在叫号时间收到通知/).waitFor();
    await page.getByRole('heading', { name: '叫号计划' }).scrollIntoViewIfNeeded();
    await shoot(page, 'phone-testing-calls-published', false);
    await page.getByRole('button', { name: '切换语言：English' }).click();
    await page.getByRole('heading', { name: 'Call-down plan' }).scrollIntoViewIfNeeded();
    await shoot(page, 'phone-testing-calls-en', false);
    await page.getByRole('button', { name: 'Switch language: 中文' }).click();
    await page.waitForLoadState('networkidle');
  } finally {
    await browser.close();
  }
}

fs.mkdirSync(OUT, { recursive: true });
const server = await startServer({ LINLI_DEMO_PARCELS: '0' });
try {
  await capture(server.baseUrl);
} finally {
  await server.stop();
}
