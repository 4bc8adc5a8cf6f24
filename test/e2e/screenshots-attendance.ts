// PNGs of the on-the-day pages for a human look: the leader's roster before and after check-ins,
// a volunteer's badge page, and the record figures in the volunteer and group lists.
// Run: npm run build:web && TZ=UTC npx tsx test/e2e/screenshots-attendance.ts
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ON_THE_DAY_SHIFT, prepareShiftOnTheDay } from './attendance-setup.ts';
import { openBrowser } from './browser.ts';
import { startServer } from './harness.ts';

const OUT = path.resolve('screenshots');

async function shoot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
}

async function signIn(page: Page, baseUrl: string, username: string) {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名或手机号').fill(username);
  await page.getByLabel('密码', { exact: true }).fill('linli-demo');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByTestId('headline-volunteers').waitFor();
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const server = await startServer();
  const phone = await openBrowser({ width: 390, height: 844 });
  const desktop = await openBrowser({ width: 1366, height: 900 });
  try {
    const shiftId = await prepareShiftOnTheDay(server.baseUrl);
    const page = await phone.context.newPage();
    page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
    page.on('pageerror', (e) => console.log('pageerror:', e.message));
    await signIn(page, server.baseUrl, 'v001');
    await page.goto(`${server.baseUrl}/shifts/${shiftId}/roster`);
    await page.getByTestId('roster-row').first().waitFor();
    await shoot(page, 'phone-roster');
    const rows = page.getByTestId('roster-row');
    await rows.nth(0).getByRole('button', { name: /^签到/ }).click();
    await rows.nth(0).getByRole('button', { name: /^签退/ }).waitFor();
    await rows.nth(1).getByRole('button', { name: /^签到/ }).click();
    await rows.nth(1).getByRole('button', { name: /^签退/ }).waitFor();
    await rows.nth(1).getByRole('button', { name: /^签退/ }).click();
    await rows
      .nth(1)
      .getByRole('button', { name: /撤销签退/ })
      .waitFor();
    await page.getByLabel('胸卡二维码内容').fill('not-a-badge');
    await page.getByRole('button', { name: '签到', exact: true }).last().click();
    await page.getByTestId('roster-feedback').getByText('不是本小区').waitFor();
    await shoot(page, 'phone-roster-after');

    await page.goto(`${server.baseUrl}/shifts`);
    const card = page.getByTestId('shift-card').filter({ hasText: ON_THE_DAY_SHIFT });
    await card.waitFor();
    await card.screenshot({ path: path.join(OUT, 'phone-shift-card-leader.png') });

    await signIn(page, server.baseUrl, 'v002');
    await page.goto(`${server.baseUrl}/my-shifts`);
    await page.getByTestId('badge-qr').waitFor();
    await shoot(page, 'phone-my-shifts');
    await page.getByRole('button', { name: '切换语言：English' }).click();
    await page.getByText('My badge').waitFor();
    await shoot(page, 'phone-my-shifts-en');
    await page.getByRole('button', { name: 'Switch language: 中文' }).click();
    await page.getByText('我的胸卡').waitFor();

    const office = await desktop.context.newPage();
    await signIn(office, server.baseUrl, 'secretary');
    await office.goto(`${server.baseUrl}/volunteers?status=approved`);
    await office.getByTestId('record-line').first().waitFor();
    await office.screenshot({
      path: path.join(OUT, 'desktop-volunteers-record.png'),
      clip: { x: 0, y: 0, width: 1366, height: 700 },
    });
    await office.goto(`${server.baseUrl}/groups`);
    await office.getByTestId('group-parcels').waitFor();
    await shoot(office, 'desktop-groups-record');
    await signIn(page, server.baseUrl, 'secretary');
    await page.goto(`${server.baseUrl}/groups`);
    await page.getByTestId('group-parcels').waitFor();
    await shoot(page, 'phone-groups-record');
  } finally {
    await phone.close();
    await desktop.close();
    await server.stop();
  }
}

await main();
