import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLinli, stopLinli } from '../../src/cli/process-helpers.ts';
import { openDatabase } from '../../src/server/db/client.ts';
import { accounts, communities, outbox } from '../../src/server/db/schema/index.ts';
import { a11yProblemsOnceSettled, type Browser, openBrowser, signInAs, visibleText } from './browser.ts';
import { demoDataDir } from './demo-templates.ts';

let baseUrl: string;
let stopServer: () => Promise<void>;
let phone: Browser;
let page: Page;

/**
 * The demo, plus one notice the gateway gave up on, written into a copy of the demo's database before
 * the server opens it (the embedded database takes one process at a time).
 */
async function startWithDeadLetter() {
  const dataDir = await demoDataDir({}, 'linli-e2e-notices-');
  const database = await openDatabase({ dataDir });
  try {
    const [community] = await database.db.select().from(communities);
    const [r0007] = await database.db.select().from(accounts).where(eq(accounts.username, 'r0007'));
    const yesterday = new Date(Date.now() - 20 * 3600_000);
    await database.db.insert(outbox).values({
      communityId: community!.id,
      accountId: r0007!.id,
      kind: 'shift.cancelled',
      params: { title: '浏览器测试班次', startsAt: yesterday.toISOString(), timeZone: 'Asia/Shanghai' },
      link: '/my-shifts',
      channel: 'webhook',
      status: 'dead',
      attempts: 8,
      nextAttemptAt: yesterday,
      lastError: 'the gateway answered 503 Service Unavailable',
      createdAt: yesterday,
    });
  } finally {
    await database.close();
  }
  const server = await startLinli({ LINLI_DATA_DIR: dataDir, DATABASE_URL: '' });
  baseUrl = server.url;
  stopServer = async () => {
    await stopLinli(server.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

beforeAll(async () => {
  await startWithDeadLetter();
  phone = await openBrowser({ width: 390, height: 844 });
  page = await phone.context.newPage();
});

afterAll(async () => {
  await phone?.close();
  await stopServer?.();
});

const expectAccessible = async () => expect(await a11yProblemsOnceSettled(page)).toEqual([]);
const webhookSwitch = () => page.getByRole('switch', { name: /通过街道短信\/微信平台接收/ });
const quietSwitch = () => page.getByRole('switch', { name: '这段时间不发短信/微信' });

describe('notification settings on a phone', () => {
  it('keeps a resident’s channel and quiet hours across a reload', async () => {
    await signInAs(page, baseUrl, 'r0010');
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('navigation').getByRole('link', { name: '通知设置', exact: true }).click();
    await page.getByRole('heading', { name: '通知设置', level: 1 }).waitFor();
    // Nothing chosen yet: SMS / WeChat on, no quiet hours; the demo's gateway is off for now.
    await page.getByText('您还没有设置过').waitFor();
    expect(await webhookSwitch().getAttribute('aria-checked')).toBe('true');
    expect(await quietSwitch().getAttribute('aria-checked')).toBe('false');
    expect(await visibleText(page.getByTestId('gateway-off'))).toContain('还没有开通');
    await expectAccessible();

    await webhookSwitch().click();
    await quietSwitch().click();
    // The same time twice is no span at all.
    await page.getByLabel('从', { exact: true }).fill('06:30');
    await page.getByLabel('到', { exact: true }).fill('06:30');
    await page.getByText('开始和结束不能是同一时间。').waitFor();
    expect(await page.getByRole('button', { name: '保存设置' }).isDisabled()).toBe(true);
    await page.getByLabel('从', { exact: true }).fill('21:30');
    await page.getByText('每天 21:30 到次日 06:30').waitFor();
    expect(await visibleText(page.locator('.notice-urgent-note'))).toContain('紧急通知');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText('通知设置已保存').waitFor();
    await expectAccessible();

    await page.reload();
    await page.getByRole('heading', { name: '通知设置', level: 1 }).waitFor();
    await expect.poll(() => webhookSwitch().getAttribute('aria-checked')).toBe('false');
    expect(await quietSwitch().getAttribute('aria-checked')).toBe('true');
    expect(await page.getByLabel('从', { exact: true }).inputValue()).toBe('21:30');
    expect(await page.getByLabel('到', { exact: true }).inputValue()).toBe('06:30');
    expect(await page.getByText('您还没有设置过').count()).toBe(0);
  });

  it('lets staff resend a failed notice, and several at once', async () => {
    await page.context().clearCookies();
    await signInAs(page, baseUrl, 'staff1');
    await page.getByTestId('home-failed-notices').waitFor();
    await page.goto(`${baseUrl}/notifications`);
    await page.getByRole('link', { name: '通知发送管理' }).click();
    await page.getByRole('heading', { name: '通知发送管理', level: 1 }).waitFor();
    const ours = page.getByTestId('dead-letter').filter({ hasText: '浏览器测试班次' });
    await ours.waitFor();
    expect(await visibleText(ours)).toContain('网关返回 503');
    const before = await page.getByTestId('dead-letter').count();
    expect(before).toBeGreaterThanOrEqual(2);
    await expectAccessible();

    await ours.getByRole('button', { name: '重发' }).click();
    await page.getByText('已重发 1 条').waitFor();
    await expect.poll(() => ours.count()).toBe(0);
    await expect
      .poll(() => visibleText(page.getByTestId('outbox-counts')))
      .toMatch(/短信\/微信\s*待发送 [1-9]/);

    // The rest: tick them all, one button.
    const rest = page.getByTestId('dead-letter');
    const left = await rest.count();
    for (let i = 0; i < left; i++) await rest.nth(i).getByRole('checkbox').check();
    await page.getByRole('button', { name: `重发选中的 ${left} 条` }).click();
    await page.getByText(`已重发 ${left} 条`).waitFor();
    await page.getByText('没有发送失败的通知。').waitFor();
    await expectAccessible();
  });
});
