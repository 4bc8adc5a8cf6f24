// Planning delivery runs at phone and desktop sizes, for a human look.
// Run: npm run build && npx tsx test/e2e/screenshots-delivery-runs.ts  (PNGs in ./screenshots/)
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { animationsDone, openBrowser } from './browser.ts';
import { startServer } from './harness.ts';

const OUT = path.resolve('screenshots');
const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } } as const;

async function shoot(page: Page, name: string, fullPage = true) {
  await page.waitForLoadState('networkidle');
  await animationsDone(page);
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log(file);
}

/** A few more parcels through the API, so the desktop has something left to plan after the phone. */
async function recordSome(page: Page, baseUrl: string) {
  const { session } = await (await page.request.get(`${baseUrl}/api/session`)).json();
  const base = `${baseUrl}/api/communities/${session.memberships[0].communityId}`;
  const headers = { 'x-csrf-token': session.csrfToken };
  const { items } = await (await page.request.get(`${base}/buildings`)).json();
  const id = (code: string) => items.find((b: { code: string }) => b.code === code).id;
  for (const [code, count] of [
    ['3', 12],
    ['12', 30],
    ['40', 9],
    ['77', 20],
    ['101', 27],
    ['120', 5],
  ] as const) {
    await page.request.post(`${base}/parcels`, { headers, data: { batch: { buildingId: id(code), count } } });
  }
}

async function capture(baseUrl: string, size: keyof typeof SIZES) {
  const browser = await openBrowser(SIZES[size]);
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('用户名或手机号').fill('v001');
    await page.getByLabel('密码', { exact: true }).fill('linli-demo');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(`${baseUrl}/`);
    if (size === 'desktop') await recordSome(page, baseUrl);

    await page.goto(`${baseUrl}/parcels/runs`);
    await page.getByTestId('runs-waiting').waitFor();
    await shoot(page, `${size}-runs-setup`);
    await page.getByRole('button', { name: /开始排线|重新排线/ }).click();
    await page.getByTestId('draft-plan').waitFor();
    await shoot(page, `${size}-runs-draft`);
    const move = page.getByRole('combobox', { name: /^把.+改到$/ }).first();
    const target = await move.locator('option:not([disabled])').nth(1).getAttribute('value');
    await move.selectOption(target!);
    await page.getByTestId('runs-notice').getByText('已把').waitFor();
    await shoot(page, `${size}-runs-moved`);
    await page.getByRole('button', { name: '切换语言：English' }).click();
    await page.getByRole('heading', { name: 'Delivery runs', level: 1 }).waitFor();
    await shoot(page, `${size}-runs-draft-en`);
    await page.getByRole('button', { name: 'Switch language: 中文' }).click();
    await page.getByRole('heading', { name: '配送排线', level: 1 }).waitFor();
    await page.getByRole('button', { name: /确认排线/ }).click();
    await page.getByTestId('confirmed-runs').waitFor();
    await shoot(page, `${size}-runs-confirmed`);
  } finally {
    await browser.close();
  }
}

fs.mkdirSync(OUT, { recursive: true });
const server = await startServer();
try {
  await capture(server.baseUrl, 'phone');
  await capture(server.baseUrl, 'desktop');
} finally {
  await server.stop();
}
