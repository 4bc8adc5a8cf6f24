// The street view and the day reports at phone and desktop sizes, for a human look.
// Run: npm run build && npx tsx test/e2e/screenshots-street.ts  (PNGs in ./screenshots/)
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { animationsDone, openBrowser, signInAs } from './browser.ts';
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
    await signInAs(page, baseUrl, 'street1');
    await page.getByTestId('home-reports').waitFor();
    await page.getByTestId('home-reports').scrollIntoViewIfNeeded();
    await shoot(page, `${size}-street-home`, false);

    await page.goto(`${baseUrl}/street`);
    await page.locator('.street-map-point').first().waitFor();
    await shoot(page, `${size}-street`);
    await page.locator('.street-map').screenshot({ path: path.join(OUT, `${size}-street-map.png`) });

    await page.goto(`${baseUrl}/reports`);
    await page.locator('.dr-link').first().waitFor();
    await shoot(page, `${size}-street-reports-viewer`);
    await page.locator('.dr-link').first().click();
    await page.locator('.dr-doc').waitFor();
    await shoot(page, `${size}-street-report`);
    await page.emulateMedia({ media: 'print' });
    await shoot(page, `${size}-street-report-print`);
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('button', { name: '切换语言：English' }).click();
    await page.goto(`${baseUrl}/street`);
    await page.getByRole('heading', { name: 'Street view', level: 1 }).waitFor();
    await page.locator('.street-map-point').first().waitFor();
    await shoot(page, `${size}-street-en`);
    await page.getByRole('button', { name: 'Switch language: 中文' }).click();
    await page.waitForLoadState('networkidle');

    // The secretary makes today's report now and sets where the compound is.
    await page.context().clearCookies();
    await signInAs(page, baseUrl, 'secretary');
    await page.waitForURL(`${baseUrl}/`);
    await page.goto(`${baseUrl}/reports`);
    await page.getByRole('heading', { name: '小区位置与日报时间' }).waitFor();
    await shoot(page, `${size}-street-reports-secretary`);
    await page.getByRole('button', { name: '立即生成今天的日报' }).click();
    await page.locator('.dr-doc').waitFor();
    await shoot(page, `${size}-street-report-today`);
  } catch (err) {
    const page = browser.context.pages()[0];
    await page?.screenshot({ path: path.join(OUT, `${size}-street-failure.png`) });
    throw err;
  } finally {
    await browser.close();
  }
}

fs.mkdirSync(OUT, { recursive: true });
const server = await startServer();
try {
  for (const size of (process.env.SIZES?.split(',') ?? ['phone', 'desktop']) as (keyof typeof SIZES)[]) {
    await capture(server.baseUrl, size);
  }
} finally {
  await server.stop();
}
