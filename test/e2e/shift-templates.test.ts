import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { animationsDone, type Browser, openBrowser, seriousA11yViolations, visibleText } from './browser.ts';
import { type RunningServer, startServer } from './harness.ts';

let server: RunningServer;
let phone: Browser;
let leader: Page; // v001 leads the parcels group

/** A day on the community's calendar (Shanghai), whatever the machine's zone. */
const day = (offset: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + offset * 86_400_000),
  );

const expectAccessible = async (page: Page) => {
  await animationsDone(page);
  expect(await seriousA11yViolations(page)).toEqual([]);
};

beforeAll(async () => {
  server = await startServer();
  phone = await openBrowser({ width: 390, height: 844 });
  leader = await phone.context.newPage();
  await leader.goto(`${server.baseUrl}/login`);
  await leader.getByLabel('用户名或手机号').fill('v001');
  await leader.getByLabel('密码', { exact: true }).fill('linli-demo');
  await leader.getByRole('button', { name: '登录', exact: true }).click();
  await leader.getByTestId('headline-volunteers').waitFor();
});

afterAll(async () => {
  await phone?.close();
  await server?.stop();
});

describe('a group leader plans shifts from templates on a phone', () => {
  it('finds the story’s three parcel templates from the shifts page', async () => {
    await leader.goto(`${server.baseUrl}/shifts`);
    await leader.getByRole('link', { name: '班次模板' }).click();
    await leader.getByRole('heading', { name: '班次模板', level: 1 }).waitFor();
    const cards = leader.getByTestId('template-card');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(3);
    expect(await visibleText(cards.first())).toContain('前一天 20:00 开放报名');
    await expectAccessible(leader);
  });

  it('creates a night template with a role, and makes its shifts once for three days', async () => {
    await leader.getByRole('button', { name: '新建模板' }).click();
    const drawer = leader.getByRole('dialog');
    await drawer.waitFor();
    await drawer.getByLabel('名称（选填）').fill('夜间值守');
    await drawer.getByLabel('开始时间').fill('21:00');
    await drawer.getByLabel('结束时间').fill('06:00');
    await drawer.getByRole('textbox', { name: '岗位 1' }).fill('值守');
    await drawer.getByText('结束早于开始，按次日结束计算。').waitFor();
    await expectAccessible(leader);
    await drawer.getByRole('button', { name: '保存模板' }).click();
    await leader.getByText('已新建模板：夜间值守').waitFor();
    const card = leader.getByTestId('template-card').filter({ hasText: '夜间值守' });
    expect(await visibleText(card)).toContain('21:00–次日 06:00');

    await card.getByRole('button', { name: /生成班次/ }).click();
    const generate = leader.getByRole('dialog');
    await generate.getByText('按模板生成班次').waitFor();
    expect(await generate.getByRole('checkbox', { name: /夜间值守/ }).isChecked()).toBe(true);
    expect(await generate.getByRole('checkbox', { name: /08:00–12:00/ }).isChecked()).toBe(false);
    await generate.getByLabel('开始日期').fill(day(1));
    await generate.getByLabel('结束日期').fill(day(3));
    await generate.getByText('共 3 天 × 1 个模板，最多 3 个班次').waitFor();
    await generate.getByRole('button', { name: '生成', exact: true }).click();
    const result = leader.getByTestId('generate-result');
    await result.getByText('新建了 3 个班次，已有 0 个未重复生成').waitFor();
    await expectAccessible(leader);
    // Again: nothing twice.
    await generate.getByRole('button', { name: '生成', exact: true }).click();
    await result.getByText('新建了 0 个班次，已有 3 个未重复生成').waitFor();
  });

  it('calls one of them off, after saying who will be told', async () => {
    await leader.getByTestId('generate-result').getByRole('link', { name: '查看班次' }).click();
    const card = leader.getByTestId('shift-card').filter({ hasText: '夜间值守' }).first();
    await card.getByRole('button', { name: /取消班次/ }).click();
    const dialog = leader.getByRole('dialog');
    expect(await visibleText(dialog.getByTestId('cancel-told'))).toBe('还没有人报名，不会发出通知。');
    await expectAccessible(leader);
    await dialog.getByRole('button', { name: '确认取消班次' }).click();
    await leader.getByText('已取消班次，通知了 0 人').waitFor();
    await leader
      .getByTestId('shift-card')
      .filter({ hasText: '夜间值守' })
      .first()
      .getByText('已取消', { exact: true })
      .waitFor();
    await expectAccessible(leader);
  });
});
