// The medicine deadlines panel on the queue, as the medicine leader (v151) sees it on a phone:
// folded, opened, a wrong order refused, and in English.
// Run: npm run build && npx tsx test/e2e/screenshots-medicine-settings.ts [out-dir]  (default ./screenshots/)
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { animationsDone, openBrowser, seriousA11yViolations } from './browser.ts';
import { startServer } from './harness.ts';

const OUT = path.resolve(process.argv[2] ?? 'screenshots');

async function shoot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await animationsDone(page);
  const file = path.join(OUT, `phone-${name}.png`);
  await page.screenshot({ path: file });
  console.log(file);
}

fs.mkdirSync(OUT, { recursive: true });
const server = await startServer();
const browser = await openBrowser({ width: 390, height: 844 });
try {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(`${server.baseUrl}/login`);
  await page.getByLabel('用户名或手机号').fill('v151');
  await page.getByLabel('密码', { exact: true }).fill('linli-demo');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL(`${server.baseUrl}/`);
  await page.goto(`${server.baseUrl}/medicine`);
  const panel = page.getByTestId('medicine-deadlines');
  await panel.waitFor();
  await shoot(page, 'medicine-deadlines-folded');

  await panel.getByText('配药期限').click();
  await panel.getByLabel(/较急/).fill('6');
  await panel.scrollIntoViewIfNeeded();
  await shoot(page, 'medicine-deadlines-open');
  // axe-core on the opened panel (the e2e suite only sees it folded)
  console.log('axe, panel open:', await seriousA11yViolations(page));
  await panel.getByRole('button', { name: '保存期限' }).click();
  await panel.getByRole('alert').waitFor();
  await panel.getByRole('button', { name: '保存期限' }).scrollIntoViewIfNeeded();
  await shoot(page, 'medicine-deadlines-refused');
  console.log('axe, refused:', await seriousA11yViolations(page));

  await panel.getByLabel(/较急/).fill('18');
  await panel.getByRole('button', { name: '保存期限' }).click();
  await page.getByText(/已保存/).waitFor();
  await shoot(page, 'medicine-deadlines-saved');

  await page.getByRole('button', { name: '切换语言：English' }).click();
  await page.getByText('Medicine deadlines').waitFor();
  await page.getByText('Medicine deadlines').scrollIntoViewIfNeeded();
  await shoot(page, 'medicine-deadlines-en');
  await page.getByRole('button', { name: 'Switch language: 中文' }).click();
  await page.waitForLoadState('networkidle');
} finally {
  await browser.close();
  await server.stop();
}
