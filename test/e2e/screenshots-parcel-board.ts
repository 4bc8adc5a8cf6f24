// The daily clearance board (日清日结) at phone and desktop sizes, for a human look.
// Run: npm run build && npx tsx test/e2e/screenshots-parcel-board.ts  (PNGs in ./screenshots/)
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

async function signIn(page: Page, baseUrl: string, username: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名或手机号').fill(username);
  await page.getByLabel('密码', { exact: true }).fill('linli-demo');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL(`${baseUrl}/`);
}

async function capture(baseUrl: string, size: keyof typeof SIZES) {
  const browser = await openBrowser(SIZES[size]);
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    // v001 leads the demo's parcels group: the board, with 600 parcels waiting this morning.
    await signIn(page, baseUrl, 'v001');
    await page.goto(`${baseUrl}/parcels/board`);
    await page.getByTestId('board-waiting').waitFor();
    await shoot(page, `${size}-parcel-board`);
    await shoot(page, `${size}-parcel-board-top`, false);
    await page
      .locator('.board-buildings')
      .screenshot({ path: path.join(OUT, `${size}-parcel-board-buildings.png`) });

    await page.getByRole('button', { name: '日结这一天' }).click();
    await page.getByTestId('leftover-parcel').first().waitFor();
    await page.locator('.close-day-all').getByText('收件人不在').click();
    await page.getByTestId('leftover-parcel').nth(1).getByText('其他').click();
    await shoot(page, `${size}-parcel-board-close`, false);
    if (size === 'phone') {
      await page.getByTestId('leftover-parcel').nth(1).getByRole('textbox').fill('门卫代收，明早送');
      await page.getByRole('button', { name: '确认日结' }).click();
      await page.getByTestId('board-closed').waitFor();
      await shoot(page, `${size}-parcel-board-closed`);
      await page
        .locator('.board-history')
        .screenshot({ path: path.join(OUT, `${size}-parcel-board-history.png`) });
    } else {
      await page.keyboard.press('Escape');
    }
    await page.getByRole('button', { name: '切换语言：English' }).click();
    await page.getByRole('heading', { name: 'Daily clearance', level: 1 }).waitFor();
    await shoot(page, `${size}-parcel-board-en`);
    await page.getByRole('button', { name: 'Switch language: 中文' }).click();
    await page.waitForLoadState('networkidle');
  } catch (err) {
    const page = browser.context.pages()[0];
    await page?.screenshot({ path: path.join(OUT, `${size}-parcel-board-failure.png`) });
    throw err;
  } finally {
    await browser.close();
  }
}

fs.mkdirSync(OUT, { recursive: true });
const server = await startServer();
try {
  // The desktop first: the phone closes the day.
  await capture(server.baseUrl, 'desktop');
  await capture(server.baseUrl, 'phone');
} finally {
  await server.stop();
}
