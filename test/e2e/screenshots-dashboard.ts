// The dashboard, its big screen and trends at phone, desktop and wall sizes, for a human look.
// Run: npm run build && npx tsx test/e2e/screenshots-dashboard.ts  (PNGs in ./screenshots/)
// LINLI_URL=http://127.0.0.1:3000 points it at a server already running the demo instead of starting one.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { animationsDone, openBrowser, signInAs } from './browser.ts';
import { startServer } from './harness.ts';

const OUT = path.resolve('screenshots');
const SIZES = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1366, height: 900 },
  wall: { width: 1920, height: 1080 },
} as const;

async function shoot(page: Page, name: string, fullPage = true) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await animationsDone(page);
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log(file);
}

async function capture(baseUrl: string, size: keyof typeof SIZES) {
  const browser = await openBrowser(SIZES[size]);
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await signInAs(page, baseUrl, 'secretary');
    await page.waitForURL(`${baseUrl}/`);
    if (size !== 'wall') {
      await page.getByTestId('home-dashboard').waitFor();
      await shoot(page, `${size}-dashboard-home-tile`, false);
      await page.goto(`${baseUrl}/dashboard`);
      await page.getByTestId('dash-parcels-waiting').waitFor();
      await shoot(page, `${size}-dashboard`);
      await shoot(page, `${size}-dashboard-top`, false);
      await page.goto(`${baseUrl}/dashboard/trends`);
      await page.getByTestId('trend-parcels').locator('svg').first().waitFor();
      await page.getByTestId('dash-heat').locator('.plan-building').first().waitFor();
      await shoot(page, `${size}-dashboard-trends`);
      await page.getByTestId('dash-heat').getByText('待办配药').click();
      await page
        .getByTestId('dash-heat')
        .screenshot({ path: path.join(OUT, `${size}-dashboard-heat-medicine.png`) });
      await page.getByRole('button', { name: '切换语言：English' }).click();
      await page.goto(`${baseUrl}/dashboard`);
      await page.getByTestId('dash-parcels-waiting').waitFor();
      await shoot(page, `${size}-dashboard-en`);
      await page.getByRole('button', { name: 'Switch language: 中文' }).click();
    } else {
      await page.goto(`${baseUrl}/dashboard/big`);
      await page.getByTestId('dash-parcels-waiting').waitFor();
      await shoot(page, `${size}-dashboard-big`, false);
    }
  } catch (err) {
    const page = browser.context.pages()[0];
    await page?.screenshot({ path: path.join(OUT, `${size}-dashboard-failure.png`) });
    throw err;
  } finally {
    await browser.close();
  }
}

fs.mkdirSync(OUT, { recursive: true });
const running = process.env.LINLI_URL;
const server = running ? { baseUrl: running, stop: async () => {} } : await startServer();
try {
  for (const size of Object.keys(SIZES) as (keyof typeof SIZES)[]) await capture(server.baseUrl, size);
} finally {
  await server.stop();
}
