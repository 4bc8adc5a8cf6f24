// PNGs of the announcement pages for a human look, on a phone and a desktop: the list and one notice as
// a resident, the list, the form (buildings by zone) and the receipts as staff, the public notice board,
// its print layout, and the notice-board poster.
// Run: npm run build:web && TZ=UTC npx tsx test/e2e/screenshots-announcements.ts
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openBrowser, signInAs } from './browser.ts';
import { startServer } from './harness.ts';

const OUT = path.resolve('screenshots');

async function shoot(page: Page, name: string, fullPage = true) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(400);
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log(file);
}

async function signIn(page: Page, baseUrl: string, username: string) {
  await page.context().clearCookies();
  await signInAs(page, baseUrl, username);
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const server = await startServer({ LINLI_DEMO_PARCELS: '0' });
  const phone = await openBrowser({ width: 390, height: 844 });
  const desktop = await openBrowser({ width: 1366, height: 900 });
  try {
    for (const [size, browser] of [
      ['phone', phone],
      ['desktop', desktop],
    ] as const) {
      const page = await browser.context.newPage();
      page.on('pageerror', (e) => console.log('pageerror:', e.message));
      await signIn(page, server.baseUrl, 'r0001');
      await page.getByTestId('home-announcements').waitFor();
      await shoot(page, `ann-home-resident-${size}`, false);
      await page.goto(`${server.baseUrl}/announcements`);
      await page.getByTestId('ann-card').first().waitFor();
      await shoot(page, `ann-list-resident-${size}`);
      await page.getByTestId('ann-card').first().getByRole('link').click();
      await page.locator('.ann-body').waitFor();
      await shoot(page, `ann-notice-resident-${size}`);

      await signIn(page, server.baseUrl, 'staff1');
      await page.goto(`${server.baseUrl}/announcements`);
      await page.getByTestId('ann-card').first().waitFor();
      await shoot(page, `ann-list-staff-${size}`);
      await page.getByTestId('ann-card').first().getByRole('link').click();
      await page.getByTestId('ann-receipts-summary').waitFor();
      await page.locator('.ann-unread-row summary').first().click();
      // a whole compound's table is long: the top of it, where the totals and the first buildings are
      await page.getByTestId('ann-receipts').scrollIntoViewIfNeeded();
      await shoot(page, `ann-receipts-${size}`, false);
      await page.goto(`${server.baseUrl}/announcements/new`);
      await page.getByLabel('标题', { exact: true }).fill('12号楼、13号楼今晚停水');
      await page.getByLabel('正文', { exact: true }).fill('今晚 22:00 至明早 6:00 检修水管，请提前储水。');
      await page.locator('.ann-audience-choice').getByText('楼栋', { exact: true }).click();
      await page.getByRole('button', { name: '12号楼', exact: true }).click();
      await page.getByRole('button', { name: '13号楼', exact: true }).click();
      await shoot(page, `ann-new-${size}`);
      await page.goto(`${server.baseUrl}/announcements/poster`);
      await page.locator('.poster-qr').waitFor();
      await shoot(page, `ann-poster-${size}`);

      await page.context().clearCookies();
      await page.goto(`${server.baseUrl}/c/gelin/notices`);
      await page.locator('.pub-notice').first().waitFor();
      await shoot(page, `ann-public-${size}`);
      if (size === 'desktop') {
        await page.emulateMedia({ media: 'print' });
        await shoot(page, 'ann-public-print');
        await page.emulateMedia({ media: 'screen' });
      }
      await page.close();
    }
  } finally {
    await phone.close();
    await desktop.close();
    await server.stop();
  }
}

void main();
