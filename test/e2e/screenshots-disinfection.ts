// PNGs of the disinfection pages for a human look: today's rounds, coverage on the site plan, the areas
// and their form, and the home tile, on a phone (390×844) and a desktop, as v221 (the group's leader).
// Run: npm run build && TZ=UTC npx tsx test/e2e/screenshots-disinfection.ts
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openBrowser, signInAs } from './browser.ts';
import { startServer } from './harness.ts';

const OUT = path.resolve('screenshots');

async function shoot(page: Page, name: string, fullPage = false) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log(file);
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
      await signInAs(page, server.baseUrl, 'v221');
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      await page.getByTestId('home-disinfection').waitFor();
      await page.getByTestId('home-disinfection').scrollIntoViewIfNeeded();
      await shoot(page, `dis-home-${size}`);
      await page.goto(`${server.baseUrl}/disinfection`);
      await page.getByTestId('dis-task').first().waitFor();
      await shoot(page, `dis-tasks-${size}`);
      await page
        .getByTestId('dis-task')
        .first()
        .getByRole('button', { name: /加备注/ })
        .click();
      await shoot(page, `dis-task-note-${size}`);
      await page.locator('.ant-segmented-item', { hasText: '已完成' }).click();
      await page.getByTestId('dis-task').first().waitFor();
      await shoot(page, `dis-done-${size}`);
      await page.goto(`${server.baseUrl}/disinfection?view=coverage`);
      await page.getByTestId('dis-coverage').locator('svg').first().waitFor();
      await shoot(page, `dis-coverage-${size}`, true);
      await page.locator('a.plan-building').nth(36).click();
      await page.getByTestId('dis-selected').waitFor();
      await page.getByTestId('dis-selected').scrollIntoViewIfNeeded();
      await shoot(page, `dis-coverage-selected-${size}`);
      await page.goto(`${server.baseUrl}/disinfection/areas`);
      await page.getByRole('heading', { name: '消杀点位', level: 1 }).waitFor();
      await shoot(page, `dis-areas-${size}`);
      await page.getByRole('button', { name: '新建点位' }).click();
      await page.getByRole('dialog').waitFor();
      await shoot(page, `dis-area-form-${size}`);
      await page.close();
    }
  } finally {
    await phone.close();
    await desktop.close();
    await server.stop();
  }
}

await main();
