// PNGs of the group-buying pages for a human look: the list, the open vegetable box as a resident and
// as the leader, the story's rice after arrival, and its distribution list, on a phone and a desktop.
// Run: npm run build:web && TZ=UTC npx tsx test/e2e/screenshots-group-buys.ts
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

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const server = await startServer();
  const phone = await openBrowser({ width: 390, height: 844 });
  const desktop = await openBrowser({ width: 1366, height: 900 });
  try {
    for (const [size, browser] of [
      ['phone', phone],
      ['desktop', desktop],
    ] as const) {
      const page = await browser.context.newPage();
      page.on('pageerror', (e) => console.log('pageerror:', e.message));
      await signInAs(page, server.baseUrl, 'r0001');
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      await page.goto(`${server.baseUrl}/group-buys`);
      await page.getByRole('heading', { name: '团购', level: 1 }).waitFor();
      await shoot(page, `gb-list-resident-${size}`);
      await page
        .getByRole('link', { name: /蔬菜包和牛奶/ })
        .first()
        .click();
      await page.getByRole('heading', { name: /蔬菜包和牛奶/, level: 1 }).waitFor();
      await shoot(page, `gb-veg-resident-${size}`);
      await page.goto(`${server.baseUrl}/group-buys`);
      await page
        .getByRole('link', { name: /五常大米/ })
        .first()
        .click();
      await page.getByRole('heading', { name: /五常大米/, level: 1 }).waitFor();
      await shoot(page, `gb-rice-resident-${size}`);
      await page.context().clearCookies();
      await signInAs(page, server.baseUrl, 'v181');
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      await page.goto(`${server.baseUrl}/group-buys`);
      await page
        .getByRole('link', { name: /蔬菜包和牛奶/ })
        .first()
        .click();
      await page.getByRole('heading', { name: /蔬菜包和牛奶/, level: 1 }).waitFor();
      await shoot(page, `gb-veg-leader-${size}`);
      await page.goto(`${server.baseUrl}/group-buys/new`);
      await shoot(page, `gb-new-${size}`);
      await page.goto(`${server.baseUrl}/group-buys`);
      await page
        .getByRole('link', { name: /五常大米/ })
        .first()
        .click();
      await page.getByRole('heading', { name: /五常大米/, level: 1 }).waitFor();
      await page
        .getByRole('link', { name: /分发清单/ })
        .first()
        .click();
      await page.waitForLoadState('networkidle');
      await shoot(page, `gb-distribution-${size}`, false);
      // plan the runs for the buildings still waiting, with the parcels' planner
      await page.getByRole('button', { name: '规划路线' }).click();
      await page.getByTestId('gb-runs').locator('svg').first().waitFor();
      await page.getByTestId('gb-runs').scrollIntoViewIfNeeded();
      await shoot(page, `gb-runs-${size}`, false);
      await page.close();
    }
  } finally {
    await phone.close();
    await desktop.close();
    await server.stop();
  }
}

void main();
