import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, openBrowser, seriousA11yViolations, visibleText } from './browser.ts';
import { type RunningServer, startServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await openBrowser();
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const expectAccessible = async () => expect(await seriousA11yViolations(page)).toEqual([]);
const text = (testId: string) => visibleText(page.getByTestId(testId));

async function go(link: string) {
  await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
}

/** A roster as committees save them from Excel: a title row, a full-width room, a row that cannot be read. */
function rosterCsv(): Buffer {
  const lines = [
    '歌林春天居民花名册（测试）',
    '楼号,室号,姓名,性别,出生年份,手机号,特殊人群,备注',
    '12号楼,１２０３,测试居民甲,女,1946,13800001234,独居老人,需要上门',
    '12,天台,测试居民乙,男,1970,,,',
  ];
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}

describe('committee staff keep the registry', () => {
  it('signs in as staff1 and opens the roster import page from the menu', async () => {
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('用户名或手机号').fill('staff1');
    await page.getByLabel('密码', { exact: true }).fill('linli-demo');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByTestId('headline-volunteers').waitFor();
    await go('名册导入');
    await page.getByRole('heading', { name: '名册导入', level: 1 }).waitFor();
    await expectAccessible();
  });

  it('uploads a roster and shows what it would change, with the row it cannot read', async () => {
    await page.locator('input[type=file]').setInputFiles({
      name: '测试名册.csv',
      mimeType: 'text/csv',
      buffer: rosterCsv(),
    });
    await page.getByTestId('preview-summary').waitFor();
    expect(await text('preview-summary')).toContain('测试名册.csv');
    expect(await text('preview-residentsToCreate')).toMatch(/^新增居民\s+1$/);
    expect(await text('preview-householdsToCreate')).toMatch(/^新增住户\s+1$/);
    expect(await text('preview-rejected')).toMatch(/^未能导入\s+1$/);
    const rejected = await visibleText(page.getByTestId('preview-rejected-list'));
    expect(rejected).toContain('第4行');
    expect(rejected).toContain('天台');
    await expectAccessible();
  });

  it('commits the import and finds the new resident in the residents list', async () => {
    await page.getByRole('button', { name: '确认导入' }).first().click();
    await page.getByRole('heading', { name: '导入完成' }).waitFor();
    expect(await text('import-residentsCreated')).toMatch(/^新增居民\s+1$/);
    await expectAccessible();

    await page.getByRole('link', { name: '查看居民' }).click();
    await page.getByRole('heading', { name: '居民', level: 1 }).waitFor();
    await page.getByLabel('搜索姓名或房号').fill('测试居民甲');
    const row = page.getByRole('row').filter({ hasText: '测试居民甲' });
    await row.waitFor();
    expect(await visibleText(row)).toContain('12号楼 1203室');
    expect(await visibleText(row)).toContain('138****1234');
    expect(await visibleText(row)).toContain('独居老人');
    await expectAccessible();
  });

  it('shows full numbers on request and opens the resident', async () => {
    await page.getByRole('switch', { name: '显示完整号码' }).click();
    const row = page.getByRole('row').filter({ hasText: '13800001234' });
    await row.waitFor();
    await row.getByRole('button', { name: '测试居民甲' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('需要上门').waitFor();
    expect(await visibleText(drawer.getByTestId('resident-address'))).toBe('12号楼 1203室');
    await expectAccessible();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('opens building 12 from the site plan and makes the new resident its relay contact', async () => {
    await go('平面图');
    await page.getByRole('heading', { name: '小区平面图', level: 1 }).waitFor();
    await expectAccessible();
    await page.getByRole('link', { name: /^12号楼，/ }).click();
    await page.waitForURL(/\/buildings\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: '12号楼', level: 1 }).waitFor();
    await expectAccessible();

    // The demo gives every building a relay contact: this changes it to the newly imported resident.
    await page.getByRole('button', { name: '更换楼组长' }).click();
    await page.getByLabel('从本楼居民中选择').fill('测试居民甲');
    // antd's visible options carry no role; Enter picks the one the search left active.
    await page.locator('.ant-select-item-option-active', { hasText: '测试居民甲' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByText('楼组长已设置').waitFor();
    await page.getByTestId('building-relay').getByText('测试居民甲').waitFor();
    expect(await visibleText(page.getByTestId('building-relay'))).toContain('1203室');
  });

  it('lists buildings, households and vulnerable residents without accessibility problems', async () => {
    await go('楼栋');
    // The cached list shows at once and is refreshed after the relay change; wait for the fresh one.
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: '12号楼', exact: true }) })
      .filter({ hasText: '测试居民甲' });
    await row.waitFor();
    expect(await visibleText(row)).toContain('1203室');
    await expectAccessible();

    await go('住户');
    await page.getByText('共 2195 条').waitFor();
    await expectAccessible();

    await go('重点关注');
    await page.getByRole('heading', { name: '重点关注居民', level: 1 }).waitFor();
    await page.getByRole('heading', { name: /^1号楼/, level: 2 }).waitFor();
    // One building, as a volunteer would print it for a round (and axe need not read 1,000 rows).
    await page.getByLabel('楼栋').fill('12');
    await page.keyboard.press('Enter');
    await page.waitForURL(/buildingId=/);
    await page.getByRole('heading', { name: /^1号楼/, level: 2 }).waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: /^12号楼/, level: 2 }).waitFor();
    expect(await visibleText(page.locator('.vulnerable-group').filter({ hasText: '测试居民甲' }))).toContain(
      '独居老人',
    );
    await expectAccessible();
  });

  it('shows cards on a phone, with the same people and no accessibility problems', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.baseUrl}/residents?q=${encodeURIComponent('测试居民甲')}`);
    const card = page.locator('.list-card').filter({ hasText: '测试居民甲' });
    await card.waitFor();
    expect(await visibleText(card)).toContain('12号楼 1203室');
    await expectAccessible();

    await page.goto(`${server.baseUrl}/buildings?q=12`);
    await page.locator('.list-card').filter({ hasText: '测试居民甲' }).waitFor();
    await expectAccessible();

    await page.goto(`${server.baseUrl}/site-plan`);
    await page.getByRole('link', { name: /^12号楼，/ }).waitFor();
    await expectAccessible();
  });
});
