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

/** The building a demo resident lives in, as the registry shows it to them (their own household). */
async function buildingOf(username: string): Promise<string> {
  await signInFresh(username);
  const me = await (await page.request.get(`${server.baseUrl}/api/session`)).json();
  const communityId = me.session.memberships[0].communityId;
  const res = await page.request.get(`${server.baseUrl}/api/communities/${communityId}/residents?limit=5`);
  return (await res.json()).items[0].buildingCode;
}

const TITLE = '测试：两栋楼今晚停水';

describe('announcements to two buildings, on a phone', () => {
  let mine = '';
  let other = '';
  let outside = '';
  let outsider = '';

  it('finds residents in three different buildings', async () => {
    mine = await buildingOf('r0001');
    for (const username of ['r0002', 'r0003', 'r0004', 'r0005', 'r0006', 'r0007', 'r0008']) {
      const code = await buildingOf(username);
      if (code !== mine) {
        outside = code;
        outsider = username;
        break;
      }
    }
    expect(outsider).not.toBe('');
    other = ['1', '2', '3', '4'].find((c) => c !== mine && c !== outside)!;
  });

  it('staff publish to two buildings, picked by zone', async () => {
    await signInFresh('staff3');
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('navigation').getByRole('link', { name: '通知公告', exact: true }).click();
    await page.getByRole('heading', { name: '通知公告', level: 1 }).waitFor();
    await page.getByTestId('ann-card').first().waitFor();
    await expectAccessible();
    await page.getByRole('link', { name: '发布通知' }).click();
    await page.getByRole('heading', { name: '发布通知', level: 1 }).waitFor();
    // sent empty, the form names what is missing in place
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await page.getByText('请填写标题').waitFor();
    await page.getByLabel('标题', { exact: true }).fill(TITLE);
    await page.getByLabel('正文', { exact: true }).fill('今晚 22:00 至明早 6:00 检修水管，请提前储水。');
    await page.locator('.ann-audience-choice').getByText('楼栋', { exact: true }).click();
    await page.getByRole('button', { name: `${mine}号楼`, exact: true }).click();
    await page.getByRole('button', { name: `${other}号楼`, exact: true }).click();
    await page.getByText('已选 2 栋楼').waitFor();
    expect(await visibleText(page.locator('.ann-preview-box'))).toContain(TITLE);
    await expectAccessible();
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await page.getByTestId('ann-receipts-summary').waitFor();
    expect(await visibleText(page.getByTestId('ann-receipts-summary'))).toMatch(/已读 0 个/);
    await expectAccessible();
  });

  it('a resident of one building sees it on the home page, bold until read, and reads it', async () => {
    await signInFresh('r0001');
    const tile = page.getByTestId('home-announcements');
    await tile.getByRole('link', { name: TITLE }).waitFor();
    await expectAccessible();
    await page.goto(`${server.baseUrl}/announcements`);
    const card = page.getByTestId('ann-card').filter({ hasText: TITLE });
    await card.waitFor();
    expect(await card.getAttribute('class')).toContain('is-unread');
    await card.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    expect(await visibleText(page.locator('.ann-body'))).toContain('请提前储水');
    await expectAccessible();
    await page.getByRole('link', { name: '返回通知列表' }).click();
    await expect
      .poll(async () => page.getByTestId('ann-card').filter({ hasText: TITLE }).getAttribute('class'))
      .not.toContain('is-unread');
  });

  it('a resident of another building does not see it', async () => {
    await signInFresh(outsider);
    await page.goto(`${server.baseUrl}/announcements`);
    await page.getByRole('heading', { name: '通知公告', level: 1 }).waitFor();
    await page.getByTestId('ann-card').first().waitFor();
    expect(await visibleText(page.locator('.ann-list'))).not.toContain(TITLE);
    await expectAccessible();
  });

  it('the receipts show one read, in the resident’s building', async () => {
    await signInFresh('staff3');
    await page.goto(`${server.baseUrl}/announcements`);
    await page.getByTestId('ann-card').filter({ hasText: TITLE }).getByRole('link', { name: TITLE }).click();
    await page.getByTestId('ann-receipts-summary').waitFor();
    await expect.poll(() => visibleText(page.getByTestId('ann-receipts-summary'))).toMatch(/已读 1 个/);
    const row = page.locator(`[data-testid="ann-receipt-row"][data-building="${mine}"]`);
    expect(await visibleText(row)).toMatch(/^.*号楼\s+1 \/ \d+/);
    const otherRow = page.locator(`[data-testid="ann-receipt-row"][data-building="${other}"]`);
    expect(await visibleText(otherRow)).toMatch(/0 \/ \d+/);
    await expectAccessible();
  });
});
