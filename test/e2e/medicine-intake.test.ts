import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { a11yProblemsOnceSettled, type Browser, openBrowser, signInAs, visibleText } from './browser.ts';
import { type RunningServer, startServer } from './harness.ts';

let server: RunningServer;
let phone: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer({ LINLI_DEMO_PARCELS: '0' });
  phone = await openBrowser({ width: 390, height: 844 });
  page = await phone.context.newPage();
});

afterAll(async () => {
  await phone?.close();
  await server?.stop();
});

const expectAccessible = async () => expect(await a11yProblemsOnceSettled(page)).toEqual([]);

const fontSize = (selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));

describe('asking for medicine in a written conversation, on a phone', () => {
  it('takes a hard-of-hearing resident’s answers card by card, shows them large, and files a critical request', async () => {
    // v152 is in the demo's medicine group.
    await signInAs(page, server.baseUrl, 'v152');
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('navigation').getByRole('link', { name: '申请配药', exact: true }).click();
    await page.getByRole('heading', { name: '申请配药', level: 1 }).waitFor();

    // find the resident: the vulnerable come first
    await page.getByLabel('楼号').fill('5');
    await page.getByRole('button', { name: '查找' }).click();
    const first = page.locator('.medicine-picker-choice').first();
    await first.waitFor();
    const chosenName = await visibleText(first.locator('.medicine-picker-name'));
    await expectAccessible();
    await first.click();
    await expect.poll(() => visibleText(page.getByTestId('medicine-ask-for'))).toContain(chosenName);

    // one question per card, in very large type
    await page.getByTestId('wc-drug').waitFor();
    expect(await fontSize('.wc-question')).toBeGreaterThanOrEqual(30);
    await expectAccessible();
    await page.getByLabel('药名（看药盒写）').fill('来得时 甘精胰岛素');
    await page.getByRole('button', { name: '好', exact: true }).click();
    await page.getByRole('button', { name: '是，长期吃' }).click();
    await page.getByRole('button', { name: '2盒', exact: true }).click();
    await page.getByRole('button', { name: '还能用 1 天' }).click();
    await page.getByLabel('或者写下医院、药店名').fill('瑞金医院');
    await page.getByRole('button', { name: '好', exact: true }).click();
    expect(await fontSize('.wc-choice')).toBeGreaterThanOrEqual(24);
    await page.getByRole('button', { name: '能付', exact: true }).click();

    // what was understood, large, for the resident to confirm
    const understood = page.getByTestId('wc-understood');
    await understood.waitFor();
    const text = await visibleText(understood);
    for (const said of ['来得时 甘精胰岛素', '是，长期吃', '2盒', '还能用 1 天', '瑞金医院', '能付'])
      expect(text).toContain(said);
    expect(await fontSize('.wc-understood dd')).toBeGreaterThanOrEqual(28);
    await expectAccessible();
    await page.getByTestId('wc-send').click();

    await page.waitForURL(/\/medicine\/requests\/[0-9a-f-]{36}$/);
    const requestId = page.url().split('/').at(-1)!;
    const session = await (await page.request.get(`${server.baseUrl}/api/session`)).json();
    const communityId = session.session.memberships[0].communityId;
    const saved = await page.request.get(
      `${server.baseUrl}/api/communities/${communityId}/medicine-requests/${requestId}`,
    );
    expect(saved.status()).toBe(200);
    expect(await saved.json()).toMatchObject({
      drugName: '来得时 甘精胰岛素',
      quantity: '2盒',
      supplyDaysLeft: 1,
      chronic: true,
      source: '瑞金医院',
      payment: 'yes',
      intake: 'written',
      urgency: 'critical',
      status: 'triaged',
      recipient: { name: chosenName },
    });
  });
});
