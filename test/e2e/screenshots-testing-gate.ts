// The gate counter and the leader's live view at phone size, for a human look.
// Run: npm run build && npx tsx test/e2e/screenshots-testing-gate.ts  (PNGs in ./screenshots/)
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { animationsDone, openBrowser } from './browser.ts';
import { startServerWithPublishedRound } from './testing-gate-setup.ts';

const OUT = path.resolve('screenshots');
const PHONE = { width: 390, height: 844 };

async function shoot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await animationsDone(page);
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
}

async function signIn(page: Page, baseUrl: string, username: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名或手机号').fill(username);
  await page.getByLabel('密码', { exact: true }).fill('linli-demo');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByRole('button', { name: '打开菜单' }).waitFor();
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const server = await startServerWithPublishedRound();
  const phone = await openBrowser(PHONE);
  try {
    const page = await phone.context.newPage();
    await signIn(page, server.baseUrl, 'v081');
    await page.goto(`${server.baseUrl}/testing/rounds/${server.roundId}/gate`);
    await page.getByRole('button', { name: '加 1 人' }).waitFor();
    await page.getByLabel('直接输入人数').fill('86');
    await page.getByRole('button', { name: '更新', exact: true }).click();
    await page.locator('.gate-counter-number', { hasText: '86' }).waitFor();
    await shoot(page, 'testing-gate-counter');
    await page.goto(`${server.baseUrl}/testing/rounds/${server.roundId}/live`);
    await page.locator('.live-gate').first().waitFor();
    await shoot(page, 'testing-live-view');
    await page.goto(`${server.baseUrl}/testing/rounds/${server.roundId}`);
    await page.locator('.round-live-links').waitFor();
    await shoot(page, 'testing-round-live-links');
  } finally {
    await phone.close();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
