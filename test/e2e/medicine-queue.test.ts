import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  a11yProblemsOnceSettled,
  animationsDone,
  type Browser,
  openBrowser,
  signInAs,
  visibleText,
} from './browser.ts';
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

describe("the medicine leader's urgent queue on a phone", () => {
  it('shows overdue first and critical marked, and lets the leader override, assign and see the history', async () => {
    // v151 leads the demo's medicine group; the demo seeds the last days' requests.
    await signInAs(page, server.baseUrl, 'v151');
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('navigation').getByRole('link', { name: '配药', exact: true }).click();
    await page.getByRole('heading', { name: '配药', level: 1 }).waitFor();
    const rows = page.getByTestId('medicine-row');
    await rows.first().waitFor();

    // the overdue request (high, asked 26 h ago with a 24 h deadline) comes first, marked as late
    expect(await rows.first().getAttribute('data-deadline')).toBe('overdue');
    expect(await visibleText(rows.first())).toContain('已超时');
    // critical requests (insulin, the anti-epileptic) carry the red mark
    const criticalRows = page.locator('[data-testid="medicine-row"][data-urgency="critical"]');
    expect(await criticalRows.count()).toBeGreaterThanOrEqual(2);
    expect(await visibleText(criticalRows.first())).toContain('危急');
    await expectAccessible();

    // open the insulin request, which nobody has taken yet
    await page.getByRole('link', { name: /甘精胰岛素注射液/ }).click();
    await page.getByRole('heading', { name: /甘精胰岛素注射液/, level: 1 }).waitFor();
    expect(await visibleText(page.getByTestId('medicine-urgency'))).toContain('救命药，48 小时内用完');
    await expectAccessible();

    // override the urgency: a reason is required
    await page.getByRole('button', { name: '调整紧急程度' }).click();
    await page.getByText('较急', { exact: true }).last().click();
    await page.getByRole('button', { name: '保存紧急程度' }).click();
    await page.getByText('请写明调整原因。').waitFor();
    await page.getByLabel('调整原因（必填）').fill('家属明早送来两支，够用到周五');
    await page.getByRole('button', { name: '保存紧急程度' }).click();
    await page.getByText('紧急程度已调整，截止时间已重新计算。').waitFor();
    await expect
      .poll(() => visibleText(page.getByTestId('medicine-urgency')))
      .toContain('家属明早送来两支，够用到周五');
    expect(await visibleText(page.getByTestId('medicine-urgency'))).toContain('较急');
    await expectAccessible();

    // assign it to a volunteer with a car
    await page.getByRole('button', { name: '分配给志愿者' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio').first().waitFor();
    await animationsDone(page);
    await expectAccessible();
    const volunteer = dialog.locator('.medicine-assignee').first();
    const name = (await visibleText(volunteer.locator('.medicine-assignee-name'))).trim();
    expect(await visibleText(volunteer)).toContain('私家车');
    await volunteer.click();
    await dialog.getByRole('button', { name: '确认分配' }).click();
    await page.getByText(`已分配给 ${name}：1 个申请`).waitFor();

    // the history shows the move, and the request now has its assignee
    await expect.poll(() => visibleText(page.getByTestId('medicine-history'))).toContain('已分级 → 已分配');
    expect(await visibleText(page.locator('.medicine-facts').first())).toContain(name);
    await expectAccessible();

    // back in the queue, the request shows its new assignee
    await page.getByRole('link', { name: '返回配药列表' }).click();
    const insulin = rows.filter({ hasText: '甘精胰岛素注射液' });
    await expect.poll(() => visibleText(insulin)).toContain(`负责人：${name}`);

    // several triaged requests to one volunteer in one go
    const boxes = page.getByRole('checkbox', { name: /^选择：/ });
    expect(await boxes.count()).toBeGreaterThanOrEqual(2);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByRole('button', { name: '分配给志愿者（2）' }).click();
    const second = dialog.locator('.medicine-assignee').nth(1);
    await second.waitFor();
    await animationsDone(page);
    const secondName = (await visibleText(second.locator('.medicine-assignee-name'))).trim();
    await second.click();
    await dialog.getByRole('button', { name: '确认分配' }).click();
    await page.getByText(`已分配给 ${secondName}：2 个申请`).waitFor();
    await expect.poll(() => rows.filter({ hasText: `负责人：${secondName}` }).count()).toBe(2);
    await expectAccessible();

    // the trips group the open requests by hospital or pharmacy; the care list shows who to follow up
    await page.getByRole('link', { name: '配药行程', exact: true }).first().click();
    await page.getByRole('heading', { name: '配药行程', level: 1 }).waitFor();
    await page.getByRole('button', { name: '生成行程' }).click();
    const ruijin = page.getByTestId('medicine-trip').filter({ hasText: '瑞金医院' });
    await expect.poll(() => visibleText(ruijin)).toContain('甘精胰岛素注射液');
    await expectAccessible();
    await page.goto(`${server.baseUrl}/medicine/care`);
    await page.getByTestId('care-card').first().waitFor();
    await expectAccessible();
  });
});
