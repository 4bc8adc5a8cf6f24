import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { animationsDone, type Browser, openBrowser, seriousA11yViolations, visibleText } from './browser.ts';
import { type RunningServer, startServer } from './harness.ts';
import { chooseBuilding } from './parcel-steps.ts';

let server: RunningServer;
let phone: Browser;
let gate: Page;

beforeAll(async () => {
  server = await startServer();
  phone = await openBrowser({ width: 390, height: 844 });
  gate = await phone.context.newPage();
});

afterAll(async () => {
  await phone?.close();
  await server?.stop();
});

const expectAccessible = async (page: Page) => {
  await animationsDone(page);
  expect(await seriousA11yViolations(page)).toEqual([]);
};

const outcome = (page: Page) => page.getByTestId('intake-outcome');

/** "12 件" → 12, "空" → 0: the demo starts with parcels waiting, so the tests count what they add. */
async function binFigure(page: Page, testId: string) {
  if ((await page.getByTestId(testId).count()) === 0) return 0;
  const text = await visibleText(page.getByTestId(testId));
  return Number(/(\d+)\s*件/.exec(text)?.[1] ?? 0);
}
const before = { received: 0, bin7: 0, bin12: 0 };

describe('parcels at the gate on a phone', () => {
  it('records parcels for two buildings and a batch, and catches a waybill scanned twice', async () => {
    // v002 is a volunteer of the demo's parcels group.
    await gate.goto(`${server.baseUrl}/login`);
    await gate.getByLabel('用户名或手机号').fill('v002');
    await gate.getByLabel('密码', { exact: true }).fill('linli-demo');
    await gate.getByRole('button', { name: '登录', exact: true }).click();
    await gate.getByRole('button', { name: '打开菜单' }).click();
    await gate.getByRole('navigation').getByRole('link', { name: '快递入库', exact: true }).click();
    await gate.getByRole('heading', { name: '快递入库', level: 1 }).waitFor();
    await gate.goto(`${server.baseUrl}/parcels/bins`);
    await gate.getByTestId('received-today').waitFor();
    before.received = await binFigure(gate, 'received-today');
    before.bin7 = await binFigure(gate, 'bin-7');
    before.bin12 = await binFigure(gate, 'bin-12');
    await gate.goBack();

    await gate.getByLabel('运单号').fill('sf 1000 2000 3001');
    await chooseBuilding(gate, '12');
    await gate.getByLabel('房号（可不填）').fill('301');
    await gate.getByLabel('手机尾号（可不填）').fill('12a');
    await gate.getByRole('button', { name: '入库', exact: true }).click();
    await expect.poll(() => visibleText(outcome(gate))).toContain('手机尾号请填 4 位数字');
    await gate.getByLabel('手机尾号（可不填）').fill('1234');
    await gate.getByRole('button', { name: '入库', exact: true }).click();
    await expect.poll(() => visibleText(outcome(gate))).toContain('已入库 SF100020003001 → 12号楼');
    await expectAccessible(gate);

    // Building 12 is now one big button away; the next parcel goes to building 7.
    await gate.getByRole('button', { name: '12号楼', exact: true }).waitFor();
    await gate.getByLabel('运单号').fill('YT2000000002');
    await chooseBuilding(gate, '7');
    await gate.getByRole('button', { name: '入库', exact: true }).click();
    await expect.poll(() => visibleText(outcome(gate))).toContain('已入库 YT2000000002 → 7号楼');

    // The same parcel scanned again is caught, and says when and where it was recorded.
    await gate.getByLabel('运单号').fill('SF100020003001');
    await gate.getByRole('button', { name: '12号楼', exact: true }).click();
    await gate.getByRole('button', { name: '入库', exact: true }).click();
    await expect.poll(() => visibleText(outcome(gate))).toContain('运单号 SF100020003001 已在');
    expect(await gate.getByRole('alert').filter({ hasText: '不能重复入库' }).count()).toBe(1);

    await gate.getByText('批量登记').click();
    await gate.getByRole('button', { name: '7号楼', exact: true }).click();
    await gate.getByLabel('件数').fill('5');
    await gate.getByRole('button', { name: '入库 5 件' }).click();
    await expect.poll(() => visibleText(outcome(gate))).toContain('已入库 5 件 → 7号楼');
    const recent = await visibleText(gate.getByTestId('recent-parcels'));
    expect(recent).toContain('SF100020003001');
    expect(recent).toContain('批量（无运单号）');
    await expectAccessible(gate);
  });

  it('shows the bins: the unassigned bin first, then what waits in each building', async () => {
    await gate.goto(`${server.baseUrl}/parcels/bins`);
    await gate.getByRole('heading', { name: '楼栋快递', level: 1 }).waitFor();
    expect(await binFigure(gate, 'received-today')).toBe(before.received + 7);
    expect(await visibleText(gate.getByTestId('bin-unassigned'))).toContain('空');
    expect(await binFigure(gate, 'bin-7')).toBe(before.bin7 + 6);
    expect(await binFigure(gate, 'bin-12')).toBe(before.bin12 + 1);
    await expectAccessible(gate);
  });

  it('imports a courier sheet: a preview that writes nothing, then the parcels land, unknown buildings unassigned', async () => {
    await gate.goto(`${server.baseUrl}/parcels/import`);
    await gate.getByRole('heading', { name: '导入快递单', level: 1 }).waitFor();
    const sheet = [
      '运单号,楼栋,房号,手机尾号',
      'ZT3000000001,12,301,1234',
      'ZT3000000002,999,101,',
      'ZT3000000001,7,,',
      '',
    ];
    await gate.locator('input[type=file]').setInputFiles({
      name: '中通.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(sheet.join('\n')),
    });
    await expect
      .poll(() => visibleText(gate.locator('.import-summary')))
      .toBe('“中通.csv”：2 件将入库，1 行不导入。');
    expect(await visibleText(gate.locator('.panel'))).toContain('待分配（找不到楼栋“999”）');
    expect(await visibleText(gate.locator('.panel'))).toContain('与第 2 行运单号重复');
    await expectAccessible(gate);
    // The preview wrote nothing: the bins still count what the intake left.
    const imported = async () => {
      const me = await (await gate.request.get(`${server.baseUrl}/api/session`)).json();
      const base = `${server.baseUrl}/api/communities/${me.session.memberships[0].communityId}`;
      return (await (await gate.request.get(`${base}/parcels?q=ZT30000000`)).json()).parcels.length;
    };
    expect(await imported()).toBe(0);
    await gate.getByRole('button', { name: '确认导入 2 件' }).click();
    await expect.poll(() => visibleText(gate.getByTestId('import-outcome'))).toContain('已导入 2 件快递。');
    expect(await imported()).toBe(2);
    await gate.goto(`${server.baseUrl}/parcels/bins`);
    await gate.getByTestId('bin-unassigned').waitFor();
    expect(await binFigure(gate, 'bin-unassigned')).toBe(1);
    expect(await binFigure(gate, 'bin-12')).toBe(before.bin12 + 2);
  });
});
