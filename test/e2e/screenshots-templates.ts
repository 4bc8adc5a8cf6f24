// Shift templates, generating shifts and calling one off, for a human look at phone and desktop sizes.
// Run: npx vite build --outDir /tmp/templates-web && LINLI_WEB_DIR=/tmp/templates-web npx tsx test/e2e/screenshots-templates.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startLinli, stopLinli } from '../../src/cli/process-helpers.ts';
import { animationsDone, openBrowser, seriousA11yViolations } from './browser.ts';

const OUT = path.resolve(process.env.SHOTS_DIR || 'screenshots');
const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1366, height: 900 } } as const;

async function shoot(page: Page, name: string, fullPage = true) {
  await page.waitForLoadState('networkidle');
  await animationsDone(page);
  const problems = await seriousA11yViolations(page);
  if (problems.length) console.log(`axe on ${name}:\n  ${problems.join('\n  ')}`);
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log(file);
}

async function signIn(page: Page, baseUrl: string, username: string) {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名或手机号').fill(username);
  await page.getByLabel('密码', { exact: true }).fill('linli-demo');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByTestId('headline-volunteers').waitFor();
}

async function capture(baseUrl: string, size: keyof typeof SIZES) {
  const browser = await openBrowser(SIZES[size]);
  try {
    const page = await browser.context.newPage();
    // v001 leads the parcels group: the leader plans its shifts.
    await signIn(page, baseUrl, 'v001');
    await page.goto(`${baseUrl}/shifts`);
    await page.getByTestId('shift-card').first().waitFor();
    await shoot(page, `${size}-templates-shifts`, false);

    await page.getByRole('link', { name: '班次模板' }).click();
    await page.getByTestId('template-card').first().waitFor();
    await shoot(page, `${size}-templates-list`);

    await page.getByRole('button', { name: '新建模板' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.waitFor();
    await drawer.getByLabel('名称（选填）').fill(`夜班（${size}）`);
    await drawer.getByLabel('开始时间').fill('21:00');
    await drawer.getByLabel('结束时间').fill('06:00');
    await drawer.getByRole('textbox', { name: '岗位 1' }).fill('值守');
    await drawer.getByRole('button', { name: '添加岗位' }).click();
    await drawer.getByRole('textbox', { name: '岗位 2' }).fill('巡逻');
    await shoot(page, `${size}-templates-form`, false);
    await drawer.getByRole('button', { name: '保存模板' }).scrollIntoViewIfNeeded();
    await shoot(page, `${size}-templates-form-window`, false);
    await drawer.getByRole('button', { name: '保存模板' }).click();
    await page.getByText(`已新建模板：夜班（${size}）`).waitFor();

    await page.getByRole('button', { name: '生成班次', exact: true }).first().click();
    const generate = page.getByRole('dialog');
    await generate.getByText('按模板生成班次').waitFor();
    await generate.locator('.toggle-chip', { hasText: '周六' }).click();
    await generate.locator('.toggle-chip', { hasText: '周日' }).click();
    await shoot(page, `${size}-templates-generate`, false);
    await generate.getByRole('button', { name: '生成', exact: true }).click();
    await page.getByTestId('generate-result').waitFor();
    await shoot(page, `${size}-templates-generated`, false);
    await generate.locator('.form-buttons').getByRole('button', { name: '关闭' }).click();

    await page.goto(`${baseUrl}/shifts`);
    const card = page
      .getByTestId('shift-card')
      .filter({ has: page.getByRole('button', { name: /取消班次/ }) });
    await card
      .first()
      .getByRole('button', { name: /取消班次/ })
      .click();
    await page.getByTestId('cancel-told').waitFor();
    await shoot(page, `${size}-templates-cancel`, false);
    await page.getByRole('button', { name: '确认取消班次' }).click();
    await page.getByText(/已取消班次，通知了/).waitFor();
    await page.locator('.shift-cancelled').first().scrollIntoViewIfNeeded();
    await shoot(page, `${size}-templates-cancelled`, false);

    await page.goto(`${baseUrl}/shift-templates`);
    await page.getByRole('button', { name: '切换语言：English' }).click();
    await page.getByRole('heading', { name: 'Shift templates' }).waitFor();
    await shoot(page, `${size}-templates-list-en`);
    await page.getByRole('button', { name: 'Switch language: 中文' }).click();
    await page.getByRole('heading', { name: '班次模板' }).waitFor();
  } finally {
    await browser.close();
  }
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-shots-'));
fs.mkdirSync(OUT, { recursive: true });
const server = await startLinli({ LINLI_DATA_DIR: dataDir, DATABASE_URL: '' });
try {
  for (const size of Object.keys(SIZES) as (keyof typeof SIZES)[]) await capture(server.url, size);
} finally {
  await stopLinli(server.child);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
