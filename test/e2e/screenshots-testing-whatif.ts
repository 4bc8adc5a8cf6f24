// The "what if" simulator and a round's report at phone and desktop sizes.
// Run: npm run build && npx tsx test/e2e/screenshots-testing-whatif.ts  (PNGs in ./screenshots/)
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { animationsDone, openBrowser } from './browser.ts';
import { startServer } from './harness.ts';

const OUT = path.resolve('screenshots');
const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1366, height: 900 } } as const;

async function shoot(page: Page, name: string, fullPage = true) {
  await page.waitForLoadState('networkidle');
  await animationsDone(page);
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log(file);
}

async function capture(baseUrl: string, size: keyof typeof SIZES) {
  const browser = await openBrowser(SIZES[size]);
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('用户名或手机号').fill('v081');
    await page.getByLabel('密码', { exact: true }).fill('linli-demo');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(`${baseUrl}/`);

    await page.goto(`${baseUrl}/testing`);
    await page.getByRole('link', { name: /模拟推演/ }).click();
    await page.getByRole('heading', { name: '检测模拟推演', level: 1 }).waitFor();
    await shoot(page, `${size}-testing-whatif`, false);
    await page.getByRole('button', { name: /增加东门的通道/ }).click();
    await page.getByRole('button', { name: '比较三种做法' }).click();
    await page.getByTestId('whatif-planned').waitFor({ timeout: 30_000 });
    await shoot(page, `${size}-testing-whatif-results`);

    // a round to report on (empty: the figures themselves are checked by the integration tests)
    await page.goto(`${baseUrl}/testing`);
    await page.getByRole('button', { name: '新建一轮检测' }).click();
    await page.getByLabel('名称').fill(`报告示例（${size}）`);
    await page.getByRole('button', { name: '创建这一轮' }).click();
    await page.getByRole('link', { name: /轮次报告/ }).click();
    await page.getByRole('heading', { name: /轮次报告/, level: 1 }).waitFor();
    await shoot(page, `${size}-testing-report`);
  } finally {
    await browser.close();
  }
}

fs.mkdirSync(OUT, { recursive: true });
const server = await startServer({ LINLI_DEMO_PARCELS: '0' });
try {
  await capture(server.baseUrl, 'phone');
  await capture(server.baseUrl, 'desktop');
} finally {
  await server.stop();
}
