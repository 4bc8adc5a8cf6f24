import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { animationsDone, type Browser, openBrowser, seriousA11yViolations, visibleText } from './browser.ts';
import { type RunningServer, startServer } from './harness.ts';

let server: RunningServer;
let phone: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
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

/** The API as the signed-in page sees it. */
async function api() {
  const { session } = await (await page.request.get(`${server.baseUrl}/api/session`)).json();
  const base = `${server.baseUrl}/api/communities/${session.memberships[0].communityId}`;
  return { base, headers: { 'x-csrf-token': session.csrfToken } };
}

describe('the daily clearance board (日清日结) on a phone', () => {
  it('shows what still waits, closes the day with a reason per leftover, and keeps the day in the history', async () => {
    // v001 leads the demo's parcels group; the demo has this morning's parcels waiting at the gate.
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('用户名或手机号').fill('v001');
    await page.getByLabel('密码', { exact: true }).fill('linli-demo');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(`${server.baseUrl}/`);
    const { base, headers } = await api();
    const { items } = await (await page.request.get(`${base}/buildings`)).json();
    const building3 = items.find((b: { code: string }) => b.code === '3').id;
    await page.request.post(`${base}/parcels`, {
      headers,
      data: { batch: { buildingId: building3, count: 2 } },
    });
    const expected = await (await page.request.get(`${base}/parcel-board`)).json();
    expect(expected.compound.waiting).toBeGreaterThan(2);

    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('navigation').getByRole('link', { name: '日清日结', exact: true }).click();
    await page.getByRole('heading', { name: '日清日结', level: 1 }).waitFor();
    expect(await visibleText(page.getByTestId('board-waiting'))).toBe(String(expected.compound.waiting));
    expect(await visibleText(page.getByTestId('board-received'))).toBe(String(expected.compound.received));
    const busiest = page.locator('.board-row').first();
    expect(await visibleText(busiest)).toMatch(/待送 \d+/);
    await expectAccessible();

    await page.getByRole('button', { name: '日结这一天' }).click();
    const intro = page.getByText(`还有 ${expected.compound.waiting} 件没送到楼`);
    await intro.waitFor();
    const confirm = page.getByRole('button', { name: '确认日结' });
    expect(await confirm.isDisabled()).toBe(true);
    await page.locator('.close-day-all').getByText('收件人不在').click();
    const second = page.getByTestId('leftover-parcel').nth(1);
    await second.getByText('其他', { exact: true }).click();
    expect(await confirm.isDisabled()).toBe(true);
    await second.getByRole('textbox').fill('门卫代收，明早送');
    await expectAccessible();
    await confirm.click();

    await page.getByTestId('board-closed').waitFor();
    expect(await visibleText(page.getByTestId('board-closed'))).toContain(
      `结转 ${expected.compound.waiting} 件（已注明原因）`,
    );
    // the leftovers stay in their bins for tomorrow, with the reasons given
    expect(await visibleText(page.getByTestId('board-waiting'))).toBe(String(expected.compound.waiting));
    const history = page.getByTestId(`history-${expected.day}`);
    await history.waitFor();
    // the history is its own query, refetched beside the day's: it may arrive a moment after the board
    await expect.poll(() => visibleText(history), { timeout: 10_000 }).toContain('已日结');
    expect(await visibleText(history)).toContain(`结转 ${expected.compound.waiting}`);
    const left = await (await page.request.get(`${base}/parcel-days/${expected.day}/leftovers`)).json();
    const reasons = left.parcels.map((p: { leftOverReason: string }) => p.leftOverReason);
    expect(reasons.filter((r: string) => r === '门卫代收，明早送')).toHaveLength(1);
    expect(reasons.filter((r: string) => r === 'recipient_away')).toHaveLength(reasons.length - 1);
    await expectAccessible();
  });
});
