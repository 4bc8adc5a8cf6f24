// The medicine intake at phone size, for a human look: the resident picker, a written-conversation card,
// the confirmation, and the ordinary form. Run: npm run build && npx tsx test/e2e/screenshots-medicine-intake.ts
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { animationsDone, openBrowser } from './browser.ts';
import { startServer } from './harness.ts';

const OUT = path.resolve('screenshots');

async function shoot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await animationsDone(page);
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const server = await startServer({ LINLI_DEMO_PARCELS: '0' });
  try {
    const phone = await openBrowser({ width: 390, height: 844 });
    const page = await phone.context.newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('用户名或手机号').fill('v152');
    await page.getByLabel('密码', { exact: true }).fill('linli-demo');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('button', { name: '打开菜单' }).waitFor();
    await page.goto(`${server.baseUrl}/medicine/ask`);
    await page.getByLabel('楼号').fill('5');
    await page.getByRole('button', { name: '查找' }).click();
    await page.locator('.medicine-picker-choice').first().waitFor();
    await shoot(page, 'medicine-ask-picker');
    await page.locator('.medicine-picker-choice').first().click();
    await page.getByTestId('wc-drug').waitFor();
    await shoot(page, 'medicine-ask-drug-card');
    await page.getByLabel('药名（看药盒写）').fill('来得时 甘精胰岛素');
    await page.getByRole('button', { name: '好', exact: true }).click();
    await page.getByRole('button', { name: '是，长期吃' }).click();
    await page.getByRole('button', { name: '2盒', exact: true }).click();
    await shoot(page, 'medicine-ask-days-card');
    await page.getByRole('button', { name: '还能用 1 天' }).click();
    await page.getByRole('button', { name: '哪家都行' }).click();
    await page.getByRole('button', { name: '能付', exact: true }).click();
    await shoot(page, 'medicine-ask-confirm');
    await page.getByText('普通填写').click();
    await shoot(page, 'medicine-ask-form');
    await phone.close();
  } finally {
    await server.stop();
  }
}

await main();
