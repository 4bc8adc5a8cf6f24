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

async function signInFresh(username: string) {
  await page.context().clearCookies();
  await signInAs(page, server.baseUrl, username);
  await page.getByRole('button', { name: '打开菜单' }).waitFor();
}

/** Picks in an antd Select with the keyboard (clicks on a list still sliding in get lost). */
async function chooseWithKeys(combobox: ReturnType<Page['getByLabel']>, accept: (title: string) => boolean) {
  await combobox.click();
  const active = page.locator(
    '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active',
  );
  for (let step = 0; step < 40; step++) {
    await active.first().waitFor();
    if (accept((await active.first().getAttribute('title')) ?? '')) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
}

describe('a group buy with short stock, on a phone', () => {
  it('opens, takes an own and a proxy order, closes with fair shares and prints the distribution list', async () => {
    // v181 leads the demo's group-buying group: a campaign with 3 bags for more than 3 asked.
    await signInFresh('v181');
    await page.goto(`${server.baseUrl}/group-buys`);
    await page.getByRole('heading', { name: '团购', level: 1 }).waitFor();
    await page.getByTestId('gb-card').first().waitFor();
    await expectAccessible();
    await page.getByRole('link', { name: '发起团购' }).click();
    await page.getByRole('heading', { name: '发起团购', level: 1 }).waitFor();
    // a form sent empty names its missing fields in place
    await page.getByRole('button', { name: '发起团购', exact: true }).click();
    await page.getByText('请填写团购名称。').waitFor();
    expect(await page.getByText('请填写库存数量（整数），或勾选"库存未知"。').count()).toBe(1);
    await expectAccessible();
    await page.getByLabel('团购名称（如 东北大米）').fill('测试大米');
    await page.getByLabel('供应商', { exact: true }).fill('测试粮油');
    await page.getByLabel('起送金额（元，可选）').fill('50');
    await page.getByLabel('品名').fill('大米');
    await page.getByLabel('单位').fill('袋');
    await page.getByLabel('单价（元）').fill('45.50');
    await page.getByLabel('库存数量').fill('3');
    await page.getByLabel('每户限购（可选）').fill('2');
    await page.getByRole('button', { name: '发起团购', exact: true }).click();
    await page.getByRole('heading', { name: '测试大米', level: 1 }).waitFor();
    const campaignUrl = page.url();
    expect(await visibleText(page.getByTestId('gb-rule'))).toContain('先给每个下单的户分一份');

    // r0001 orders 2 bags for the own household
    await signInFresh('r0001');
    await page.getByTestId('home-group-buys').getByRole('link', { name: '测试大米' }).click();
    const mine = page.getByTestId('gb-my-order');
    await mine.waitFor();
    await mine.getByRole('button', { name: '大米加一' }).click();
    await mine.getByRole('button', { name: '大米加一' }).click();
    expect(await visibleText(page.getByTestId('gb-order-amount'))).toContain('¥91.00');
    await mine.getByRole('button', { name: '下单', exact: true }).click();
    await page.getByText('已下单。截单前可以随时修改或撤回。').waitFor();
    await expectAccessible();

    // v181 orders 2 bags for a household without a phone (another room), marked 代下单
    await signInFresh('v181');
    await page.goto(campaignUrl);
    const proxy = page.getByTestId('gb-proxy');
    await proxy.waitFor();
    await chooseWithKeys(proxy.getByLabel('楼号'), () => true);
    await chooseWithKeys(proxy.getByLabel('房号'), (title) => !title.includes('已下单'));
    await proxy.getByRole('button', { name: '大米加一' }).click();
    await proxy.getByRole('button', { name: '大米加一' }).click();
    await proxy.getByRole('button', { name: '代下单', exact: true }).click();
    await page.getByText(/已为 .+ 代下单。/).waitFor();
    await expect.poll(() => page.getByTestId('gb-order-row').count()).toBe(2);
    expect(await visibleText(page.getByTestId('gb-orders'))).toContain('代下单');
    await expect
      .poll(() => visibleText(page.getByTestId('gb-progress')))
      .toContain('已订 ¥182.00，起送 ¥50.00');
    await expectAccessible();

    // closing shares 3 bags: one each first, the third by the recorded draw
    await page.getByRole('button', { name: '截单', exact: true }).click();
    await page.getByRole('button', { name: '确认截单' }).click();
    await page.getByText('已截单并分配：1 户分得少于所订。').waitFor();
    await expect.poll(() => visibleText(page.getByTestId('gb-rule'))).toContain('本次抽签种子');
    // the rule and the orders are separate reads; the rows may refresh a moment later
    const shares = async () => {
      const rows = await page.getByTestId('gb-order-row').allInnerTexts();
      const short = rows.filter((r) => r.includes('大米 1/2袋')).length;
      const full = rows.filter((r) => r.includes('大米 2袋')).length;
      return `${short} short, ${full} full`;
    };
    await expect.poll(shares).toBe('1 short, 1 full');
    await expectAccessible();

    // mark both paid at once; the reconciliation adds up what is due: 3 × ¥45.50
    await page.getByRole('checkbox', { name: '全选' }).check();
    await page.getByRole('button', { name: '标记已付款' }).click();
    await page.getByText('2 户已标记为"已付款"。').waitFor();
    await expect.poll(() => visibleText(page.getByTestId('gb-reconcile'))).toContain('¥136.50');

    // the distribution list: one building per printed page, with a signature column
    await page.getByRole('link', { name: '分发清单（可打印）' }).click();
    await page.getByRole('heading', { name: '测试大米 · 分发清单', level: 1 }).waitFor();
    await expect.poll(() => page.getByTestId('gb-distribution-row').count()).toBe(2);
    const sheets = await page.getByTestId('gb-sheet').count();
    expect(await visibleText(page.getByTestId('gb-sheet').first())).toContain('签收');
    await page.getByTestId('gb-runs').getByRole('button', { name: '规划路线' }).waitFor();
    await expectAccessible();
    await page.emulateMedia({ media: 'print' });
    if (sheets > 1) {
      const breakBefore = await page
        .getByTestId('gb-sheet')
        .nth(1)
        .evaluate((el) => getComputedStyle(el).breakBefore);
      expect(breakBefore).toBe('page');
    }
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(sheets);
    await page.emulateMedia({ media: 'screen' });
  });
});
