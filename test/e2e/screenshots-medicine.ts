// The medicine group's pages: the urgent queue, a request, the trips and the care list, phone and desktop.
// Run: npm run build && npx tsx test/e2e/screenshots-medicine.ts  (PNGs in ./screenshots/)
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { animationsDone, openBrowser } from './browser.ts';
import { startServer } from './harness.ts';

const OUT = path.resolve('screenshots');
// The smallest valid PNG: one transparent pixel.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } } as const;

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
    await signIn(page, baseUrl, 'v151');
    await page.goto(`${baseUrl}/medicine`);
    await page.getByTestId('medicine-row').first().waitFor();
    await shoot(page, `${size}-medicine-queue`, size === 'desktop');
    await page.getByTestId('medicine-row').getByRole('checkbox').first().check();
    await page.getByRole('button', { name: /分配给志愿者/ }).click();
    await page.getByRole('dialog').getByRole('radio').first().waitFor();
    await shoot(page, `${size}-medicine-assign`, false);
    await page.getByRole('button', { name: '取消' }).click();

    await page.getByTestId('medicine-row').first().getByRole('link').click();
    await page.getByTestId('medicine-history').waitFor();
    await page.getByRole('button', { name: '调整紧急程度' }).click();
    await shoot(page, `${size}-medicine-request`);
    if (size === 'phone') {
      // a photo of the box (a 1×1 PNG), then the delivery dialog of the assigned warfarin request
      await page.getByText('药盒', { exact: true }).click();
      await page
        .locator('input[type=file]')
        .setInputFiles({ name: 'box.png', mimeType: 'image/png', buffer: PNG });
      await page.getByText('照片已上传。').waitFor();
      await page.locator('.medicine-photos img').first().waitFor();
      await shoot(page, `${size}-medicine-photo`, false);
      await page.goto(`${baseUrl}/medicine`);
      await page.getByRole('link', { name: /华法林钠片/ }).click();
      await page.getByRole('button', { name: '开始采购' }).click();
      await page.getByText('已更新为“采购中”。').waitFor();
      await page.getByRole('button', { name: '已送到' }).click();
      await page.getByLabel('花费（元）').fill('36.5');
      await page.getByLabel('替代情况').fill('换成了国产华法林，同剂量');
      await page.getByLabel('这次买的够用几天').fill('28');
      await shoot(page, `${size}-medicine-deliver`, false);
      await page.getByRole('button', { name: '确定' }).click();
      await page.getByText('已更新为“已送达”。').waitFor();
      await shoot(page, `${size}-medicine-delivered`);
    }

    await page.goto(`${baseUrl}/medicine/trips`);
    await page.getByRole('heading', { name: '配药行程', level: 1 }).waitFor();
    await page.getByRole('button', { name: '生成行程' }).click();
    await page.getByTestId('medicine-trip').first().waitFor();
    await shoot(page, `${size}-medicine-trips`, size === 'desktop');

    await page.goto(`${baseUrl}/medicine/care`);
    await page.getByTestId('care-card').first().waitFor();
    await shoot(page, `${size}-medicine-care`, false);

    await page.getByRole('button', { name: '切换语言：English' }).click();
    await page.goto(`${baseUrl}/medicine`);
    await page.getByTestId('medicine-row').first().waitFor();
    await shoot(page, `${size}-medicine-queue-en`, false);
    await page.getByRole('button', { name: 'Switch language: 中文' }).click();
    await page.waitForLoadState('networkidle');

    // A resident sees their household's requests on the same route.
    await page.context().clearCookies();
    await signIn(page, baseUrl, 'r0001');
    await page.goto(`${baseUrl}/medicine`);
    await page.getByRole('heading', { name: '我家的配药申请' }).waitFor();
    await shoot(page, `${size}-medicine-household`, false);
  } finally {
    await browser.close();
  }
}

fs.mkdirSync(OUT, { recursive: true });
const server = await startServer();
try {
  for (const size of ['phone', 'desktop'] as const) await capture(server.baseUrl, size);
} finally {
  await server.stop();
}
