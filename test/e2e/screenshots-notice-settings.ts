// Notification settings (r0001) and notice delivery (staff1), at phone and desktop sizes, for a human look.
// Run: npm run build:web && npx tsx test/e2e/screenshots-notice-settings.ts
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startGatewayReceiver } from '../../src/server/test-support/gateway-receiver.ts';
import { animationsDone, openBrowser, seriousA11yViolations } from './browser.ts';
import { startServer } from './harness.ts';

const OUT = path.resolve('screenshots');

async function signIn(page: Page, baseUrl: string, username: string) {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名或手机号').fill(username);
  await page.getByLabel('密码', { exact: true }).fill('linli-demo');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL(`${baseUrl}/`);
}

async function shoot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await animationsDone(page);
  const problems = await seriousA11yViolations(page);
  if (problems.length) console.error(name, problems);
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
}

const server = await startServer();
const gateway = await startGatewayReceiver();
fs.mkdirSync(OUT, { recursive: true });
try {
  for (const [size, viewport] of [
    ['phone', { width: 390, height: 844 }],
    ['desktop', { width: 1366, height: 900 }],
  ] as const) {
    const browser = await openBrowser(viewport);
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await signIn(page, server.baseUrl, 'r0001');
    await page.goto(`${server.baseUrl}/settings/notifications`);
    await page.getByRole('heading', { name: '通知设置', level: 1 }).waitFor();
    await shoot(page, `${size}-notice-settings`);

    await signIn(page, server.baseUrl, 'staff1');
    await shoot(page, `${size}-home-failed-notices`);
    await page.goto(`${server.baseUrl}/admin/notices`);
    await page.getByRole('heading', { name: '通知发送管理', level: 1 }).waitFor();
    await shoot(page, `${size}-notice-admin`);
    if (size === 'phone') {
      await page.getByLabel('网关地址').fill(gateway.url);
      await page.getByLabel('签名密钥').fill('a-secret-from-the-district-0001');
      await page.getByRole('button', { name: '保存网关设置' }).click();
      await page.getByRole('button', { name: '发送测试消息' }).click();
      await page.getByText('网关收到了测试消息').waitFor();
      await shoot(page, `${size}-notice-admin-tested`);
      await page.getByRole('button', { name: '切换语言：English' }).click();
      await page.getByRole('heading', { name: 'Notice delivery', level: 1 }).waitFor();
      await shoot(page, `${size}-notice-admin-en`);
      await page.goto(`${server.baseUrl}/settings/notifications`);
      await page.getByRole('heading', { name: 'Notification settings', level: 1 }).waitFor();
      await shoot(page, `${size}-notice-settings-en`);
      await page.getByRole('button', { name: 'Switch language: 中文' }).click();
    }
    await browser.close();
  }
} finally {
  await gateway.close();
  await server.stop();
}
