import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ON_THE_DAY_SHIFT, prepareShiftOnTheDay } from './attendance-setup.ts';
import { animationsDone, type Browser, openBrowser, seriousA11yViolations, visibleText } from './browser.ts';
import { type RunningServer, startServer } from './harness.ts';

let server: RunningServer;
let phone: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  await prepareShiftOnTheDay(server.baseUrl);
  phone = await openBrowser({ width: 390, height: 844 });
  page = await phone.context.newPage();
});

afterAll(async () => {
  await phone?.close();
  await server?.stop();
});

const expectAccessible = async () => {
  await animationsDone(page);
  expect(await seriousA11yViolations(page)).toEqual([]);
};

async function signIn(username: string) {
  await page.context().clearCookies();
  await page.goto(`${server.baseUrl}/login`);
  await page.getByLabel('用户名或手机号').fill(username);
  await page.getByLabel('密码', { exact: true }).fill('linli-demo');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByTestId('headline-volunteers').waitFor();
}

describe('on the day of a shift', () => {
  it('lets the parcels leader check a volunteer in by tapping their name', async () => {
    await signIn('v001');
    await page.goto(`${server.baseUrl}/shifts`);
    const card = page.getByTestId('shift-card').filter({ hasText: ON_THE_DAY_SHIFT });
    await card.getByRole('link', { name: /到岗签到/ }).click();
    await page.getByRole('heading', { name: `到岗签到：${ON_THE_DAY_SHIFT}`, level: 1 }).waitFor();
    expect(await visibleText(page.locator('.roster-counts'))).toContain('已到 0 / 应到 3');
    const first = page.getByTestId('roster-row').first();
    const name = await visibleText(first.locator('.roster-name'));
    await expectAccessible();

    await first.getByRole('button', { name: `签到 ${name}` }).click();
    expect(await visibleText(page.getByTestId('roster-feedback'))).toBe(`已签到：${name}`);
    await first
      .getByTestId('roster-state')
      .getByText(/\d\d:\d\d 签到/)
      .waitFor();
    await page.locator('.roster-counts').getByText('已到 1 / 应到 3').waitFor();
    await first.getByRole('button', { name: `签退 ${name}` }).waitFor();
    await expectAccessible();
  });

  it('shows a volunteer their badge QR code, record and calendar feed link', async () => {
    await signIn('v002');
    await page.goto(`${server.baseUrl}/my-shifts`);
    const qr = page.getByTestId('badge-qr');
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    expect(await visibleText(page.getByTestId('record-shifts'))).toContain('0');
    expect(await visibleText(page.getByTestId('calendar-url'))).toMatch(/\/api\/calendar\/\w+\.ics$/);
    await expectAccessible();
  });
});
