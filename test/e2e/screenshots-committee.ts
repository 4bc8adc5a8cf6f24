// The committee (支委会) at phone and desktop sizes, for a human look.
// Run: npm run build && npx tsx test/e2e/screenshots-committee.ts  (PNGs in ./screenshots/)
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
    await signInAs(page, baseUrl, 'secretary');
    await page.waitForURL(`${baseUrl}/`);
    await page.goto(`${baseUrl}/committee`);
    await page.locator('.cm-meeting-link').first().waitFor();
    await shoot(page, `${size}-committee`);
    await page.getByRole('button', { name: '新建会议' }).click();
    await shoot(page, `${size}-committee-new`, false);

    // the demo's meeting of last week, with its minutes and items
    await page.goto(`${baseUrl}/committee`);
    await page.locator('.cm-meeting-link').first().click();
    await page.getByTestId('figure-parcels-received').waitFor();
    await shoot(page, `${size}-committee-meeting`);
    await shoot(page, `${size}-committee-meeting-top`, false);
    for (const part of ['figures', 'editor', 'items'] as const) {
      await page
        .locator(`.cm-${part}`)
        .screenshot({ path: path.join(OUT, `${size}-committee-meeting-${part}.png`) });
    }
    await page.getByRole('button', { name: '添加事项' }).click();
    await page.locator('form.cm-add-item').scrollIntoViewIfNeeded();
    await page.getByLabel('负责人', { exact: true }).click();
    await shoot(page, `${size}-committee-add-item`, false);
    await page.keyboard.press('Escape');

    await page.getByRole('link', { name: '打印会议纪要' }).click();
    await page.locator('.cm-doc').waitFor();
    await shoot(page, `${size}-committee-minutes`);
    await page.emulateMedia({ media: 'print' });
    await shoot(page, `${size}-committee-minutes-print`);
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('button', { name: '切换语言：English' }).click();
    await page.goto(`${baseUrl}/committee`);
    await page.getByRole('heading', { name: 'Committee', level: 1 }).waitFor();
    await page.locator('.cm-meeting-link').first().click();
    await page.getByTestId('figure-parcels-received').waitFor();
    await shoot(page, `${size}-committee-meeting-en`);
    await page.getByRole('button', { name: 'Switch language: 中文' }).click();
    await page.waitForLoadState('networkidle');

    await page.context().clearCookies();
    await signInAs(page, baseUrl, 'staff1');
    await page.getByTestId('home-action-items').waitFor();
    await shoot(page, `${size}-committee-home-items`, false);
  } catch (err) {
    const page = browser.context.pages()[0];
    await page?.screenshot({ path: path.join(OUT, `${size}-committee-failure.png`) });
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
