// The lane opening a tube without signal, and a refused offline open, at phone size, for a human look.
// Run: npm run build && npx tsx test/e2e/screenshots-testing-lane-offline.ts  (PNGs in ./screenshots/)
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { animationsDone, openBrowser } from './browser.ts';
import { startServerWithRound } from './testing-lane-setup.ts';

const OUT = path.resolve('screenshots');

async function shoot(page: Page, name: string) {
  await animationsDone(page);
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const server = await startServerWithRound();
  const lane = await openBrowser({ width: 390, height: 844 });
  try {
    const page = await lane.context.newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('用户名或手机号').fill('v081');
    await page.getByLabel('密码', { exact: true }).fill('linli-demo');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('button', { name: '打开菜单' }).waitFor();
    await page.goto(`${server.baseUrl}/testing/lane`);
    const barcode = page.getByRole('textbox', { name: '试管条码' });
    // a tube used once already, online, then closed by hand
    await barcode.fill('SHOT-USED-01');
    await page.getByRole('button', { name: '开管', exact: true }).click();
    await page.locator('.tube-panel').getByRole('button', { name: '手动封管', exact: true }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '手动封管' }).click();
    await barcode.waitFor();

    await lane.context.setOffline(true);
    await barcode.fill('SHOT-USED-01');
    await page.getByRole('button', { name: '开管', exact: true }).click();
    const code = page.getByRole('textbox', { name: '居民个人码' });
    for (const person of server.people.slice(0, 2)) {
      await code.fill(person.code);
      await code.press('Enter');
    }
    await page.getByText('2 条扫码等待发送').waitFor();
    await shoot(page, 'testing-lane-offline-tube');
    await lane.context.setOffline(false);
    await page.getByTestId('rescan-notice').waitFor({ timeout: 15_000 });
    await shoot(page, 'testing-lane-offline-refused');
  } finally {
    await lane.close();
    await server.stop();
  }
}

await main();
