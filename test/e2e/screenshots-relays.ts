// Building relays (楼组长转达) on a phone: r0013 (building 8's relay contact) on the home page and the
// cards, before and after "passed on"; staff1's overview; the secretary's escalation setting; English.
// Run: npm run build && npx tsx test/e2e/screenshots-relays.ts [out-dir]  (default ./screenshots/);
// LINLI_BASE_URL=http://… uses a demo server already running (freshly seeded) instead of starting one.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { animationsDone, openBrowser, seriousA11yViolations } from './browser.ts';
import { startServer } from './harness.ts';

const OUT = path.resolve(process.argv[2] ?? 'screenshots');

async function shoot(page: Page, name: string, fullPage = false) {
  await page.waitForLoadState('networkidle');
  await animationsDone(page);
  const file = path.join(OUT, `phone-${name}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log(file, 'axe:', await seriousA11yViolations(page));
}

async function signIn(page: Page, baseUrl: string, username: string) {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名或手机号').fill(username);
  await page.getByLabel('密码', { exact: true }).fill('linli-demo');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL(`${baseUrl}/`);
}

fs.mkdirSync(OUT, { recursive: true });
const server = process.env.LINLI_BASE_URL
  ? { baseUrl: process.env.LINLI_BASE_URL, stop: async () => {} }
  : await startServer();
const browser = await openBrowser({ width: 390, height: 844 });
try {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await signIn(page, server.baseUrl, 'r0013');
  await page.getByTestId('home-relays').waitFor();
  await shoot(page, 'relays-home-tile');
  await page.goto(`${server.baseUrl}/relays`);
  const card = page.getByTestId('relay-card').filter({ hasText: '8号楼居民下楼' });
  await card.waitFor();
  await shoot(page, 'relays-cards');
  await card.scrollIntoViewIfNeeded();
  await shoot(page, 'relays-card-testing');
  await card.getByRole('button', { name: '已转达' }).click();
  await card.getByTestId('relay-card-done').waitFor();
  await shoot(page, 'relays-cards-after', true);

  await signIn(page, server.baseUrl, 'staff1');
  await page.goto(`${server.baseUrl}/relays`);
  await page.getByTestId('relay-figure-open').waitFor();
  await shoot(page, 'relays-overview');
  await shoot(page, 'relays-overview-full', true);
  await page.getByTestId('relay-figure-escalated').click();
  await page.waitForURL(/status=escalated/);
  // the old list stays until the filtered one arrives
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-testid=relay-row-status]')].every(
      (tag) => tag.textContent === '已超时',
    ),
  );
  await page.getByTestId('relay-row').first().scrollIntoViewIfNeeded();
  await shoot(page, 'relays-overview-escalated');

  await signIn(page, server.baseUrl, 'secretary');
  await page.goto(`${server.baseUrl}/relays`);
  const setting = page.getByTestId('relay-setting');
  await setting.waitFor();
  await setting.getByText('超时时间', { exact: true }).click();
  await setting.scrollIntoViewIfNeeded();
  await shoot(page, 'relays-setting-open');

  await signIn(page, server.baseUrl, 'r0020');
  await page.goto(`${server.baseUrl}/relays`);
  await page.getByTestId('relay-card').first().waitFor();
  await page.getByRole('button', { name: '切换语言：English' }).click();
  await page.getByText('Tell building 12').first().waitFor();
  await shoot(page, 'relays-cards-en');
  await page.getByRole('button', { name: 'Switch language: 中文' }).click();
  await page.waitForLoadState('networkidle');
} finally {
  await browser.close();
  await server.stop();
}
