// Parcel intake and the building bins at phone and desktop sizes, for a human look.
// Run: npm run build && npx tsx test/e2e/screenshots-parcels.ts  (PNGs in ./screenshots/)
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

/** Parcels through the API as the signed-in page: some per building, one the gate could not place. */
async function recordSome(page: Page, baseUrl: string) {
  const { session } = await (await page.request.get(`${baseUrl}/api/session`)).json();
  const base = `${baseUrl}/api/communities/${session.memberships[0].communityId}`;
  const headers = { 'x-csrf-token': session.csrfToken };
  const { items } = await (await page.request.get(`${base}/buildings`)).json();
  const id = (code: string) => items.find((b: { code: string }) => b.code === code).id;
  for (const [code, count] of [
    ['3', 12],
    ['12', 4],
    ['101', 27],
  ] as const) {
    await page.request.post(`${base}/parcels`, { headers, data: { batch: { buildingId: id(code), count } } });
  }
  await page.request.post(`${base}/parcels`, {
    headers,
    data: {
      parcels: [
        { waybill: 'SF1400098765432', buildingCode: '12', room: '1203', source: 'scan' },
        { waybill: 'JDVA00112233445', buildingCode: '西区9', room: '2-301', source: 'typed' },
      ],
    },
  });
}

async function capture(baseUrl: string, size: keyof typeof SIZES) {
  const browser = await openBrowser(SIZES[size]);
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('用户名或手机号').fill('v002');
    await page.getByLabel('密码', { exact: true }).fill('linli-demo');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(`${baseUrl}/`);
    if (size === 'phone') await recordSome(page, baseUrl);

    await page.goto(`${baseUrl}/parcels/intake`);
    await page.getByTestId('recent-parcels').waitFor();
    await shoot(page, `${size}-parcels-intake`);
    await page.getByLabel('运单号').fill('SF1400098765432');
    await page.getByRole('button', { name: '入库', exact: true }).click();
    await page.getByTestId('intake-outcome').waitFor();
    await shoot(page, `${size}-parcels-intake-duplicate`);
    await page.getByText('批量登记').click();
    await shoot(page, `${size}-parcels-intake-batch`);

    await page.goto(`${baseUrl}/parcels/bins`);
    await page.getByTestId('bin-unassigned').waitFor();
    await shoot(page, `${size}-parcels-bins`);
    await page.getByRole('button', { name: '切换语言：English' }).click();
    await page.getByRole('heading', { name: 'Building bins' }).waitFor();
    await shoot(page, `${size}-parcels-bins-en`);
    await page.goto(`${baseUrl}/parcels/intake`);
    await page.getByTestId('recent-parcels').waitFor();
    await shoot(page, `${size}-parcels-intake-en`);
    await page.getByRole('button', { name: 'Switch language: 中文' }).click();
    await page.waitForLoadState('networkidle');
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
