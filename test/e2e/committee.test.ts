import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { a11yProblemsOnceSettled, type Browser, openBrowser, signInAs, visibleText } from './browser.ts';
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

const expectAccessible = async () => expect(await a11yProblemsOnceSettled(page)).toEqual([]);

async function signInFresh(username: string) {
  await page.context().clearCookies();
  await signInAs(page, server.baseUrl, username);
  await page.getByRole('button', { name: '打开菜单' }).waitFor();
}

/** The API as the signed-in page sees it. */
async function api() {
  const { session } = await (await page.request.get(`${server.baseUrl}/api/session`)).json();
  return `${server.baseUrl}/api/communities/${session.memberships[0].communityId}/committee`;
}

/** Next Monday on the compound's clock (Shanghai): a meeting then looks back on this week, demo and all. */
function nextMondayInShanghai() {
  const today = new Date(Date.now() + 8 * 3_600_000);
  const toMonday = (8 - today.getUTCDay()) % 7 || 7;
  return new Date(today.getTime() + toMonday * 86_400_000).toISOString().slice(0, 10);
}

describe('the weekly committee meeting on a phone', () => {
  it('the secretary holds a meeting with the week’s figures and gives staff1 an item, which staff1 marks done', async () => {
    await signInFresh('secretary');
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('navigation').getByRole('link', { name: '支委会', exact: true }).click();
    await page.getByRole('heading', { name: '支委会', level: 1 }).waitFor();
    // the demo's last week: one meeting already, and staff1 behind on an item
    await page.locator('.cm-meeting-link').first().waitFor();
    const staff1 = page.getByTestId('open-items-person').filter({ hasText: '居委干部1' });
    expect(await visibleText(staff1)).toContain('1 项超期');
    await expectAccessible();

    await page.getByRole('button', { name: '新建会议' }).click();
    await page.getByLabel('开会日期').fill(nextMondayInShanghai());
    await page.getByLabel('会议名称').fill('第6次支委会');
    await page.getByRole('button', { name: '创建并统计数据' }).click();
    await page.getByRole('heading', { name: '第6次支委会', level: 1 }).waitFor();
    const meetingId = page.url().split('/').at(-1)!;
    const meeting = await (await page.request.get(`${await api()}/meetings/${meetingId}`)).json();
    expect(meeting.figures.parcels.received).toBeGreaterThan(0);
    expect(await visibleText(page.getByTestId('figure-parcels-received'))).toBe(
      meeting.figures.parcels.received.toLocaleString('zh-CN'),
    );
    expect(await visibleText(page.getByTestId('figure-medicine-requested'))).toBe(
      String(
        meeting.figures.medicine.requested.critical +
          meeting.figures.medicine.requested.high +
          meeting.figures.medicine.requested.normal,
      ),
    );
    expect(await page.getByRole('textbox', { name: '议程', exact: true }).inputValue()).toContain(
      `1. 快递：收件 ${meeting.figures.parcels.received} 件`,
    );
    await expectAccessible();

    await page.getByRole('button', { name: '添加事项' }).click();
    await page.getByLabel('事项', { exact: true }).fill('联系物业加派两辆三轮车');
    const owner = page.getByLabel('负责人', { exact: true });
    await owner.click();
    await page.keyboard.type('staff1');
    // typing narrows the list to the one match at once, which Enter then picks
    const active = page.locator(
      '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active',
    );
    await expect.poll(() => active.getAttribute('title')).toBe('居委干部1（staff1）');
    await page.keyboard.press('Enter');
    await expectAccessible();
    await page.locator('form.cm-add-item').getByRole('button', { name: '添加事项' }).click();
    const added = page.getByTestId('action-item').filter({ hasText: '联系物业加派两辆三轮车' });
    await added.waitFor();
    expect(await visibleText(added)).toContain('负责人：居委干部1');

    await signInFresh('staff1');
    const mine = page.getByTestId('home-action-items');
    await mine.waitFor();
    const item = mine.getByTestId('action-item').filter({ hasText: '联系物业加派两辆三轮车' });
    await item.waitFor();
    // the demo's overdue item comes first, in red
    expect(await visibleText(mine.getByTestId('action-item').first())).toContain('已超期');
    await expectAccessible();
    await item.getByRole('button', { name: '标为完成' }).click();
    await item.waitFor({ state: 'detached' });
    const list = await (await page.request.get(`${await api()}/action-items?owner=me&status=all`)).json();
    const done = list.people[0].items.find((i: { title: string }) => i.title === '联系物业加派两辆三轮车');
    expect(done.status).toBe('done');
    await expectAccessible();
  });
});
