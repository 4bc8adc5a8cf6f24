import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { animationsDone, type Browser, openBrowser, seriousA11yViolations, visibleText } from './browser.ts';
import { type GateServer, startServerWithPublishedRound } from './testing-gate-setup.ts';

let server: GateServer;
let gatePhone: Browser;
let leaderPhone: Browser;

beforeAll(async () => {
  server = await startServerWithPublishedRound();
  gatePhone = await openBrowser({ width: 390, height: 844 });
  leaderPhone = await openBrowser({ width: 390, height: 844 });
});

afterAll(async () => {
  await gatePhone?.close();
  await leaderPhone?.close();
  await server?.stop();
});

const expectAccessible = async (p: Page) => {
  await animationsDone(p);
  expect(await seriousA11yViolations(p)).toEqual([]);
};

async function signIn(p: Page, username: string) {
  await p.goto(`${server.baseUrl}/login`);
  await p.getByLabel('用户名或手机号').fill(username);
  await p.getByLabel('密码', { exact: true }).fill('linli-demo');
  await p.getByRole('button', { name: '登录', exact: true }).click();
  await p.getByRole('button', { name: '打开菜单' }).waitFor();
}

describe('live queues at the testing gates', () => {
  it('a gate volunteer taps + three times and − once, and the leader sees the queue live', async () => {
    // v082 is a volunteer of the demo's testing group, v081 leads it
    const gate = await gatePhone.context.newPage();
    await signIn(gate, 'v082');
    await gate.goto(`${server.baseUrl}/testing/rounds/${server.roundId}/gate`);
    await gate.getByRole('heading', { name: '大门排队计数', level: 1 }).waitFor();
    await gate.locator('.gate-choice').getByText('东门', { exact: true }).click();
    expect(await gate.getByRole('radio', { name: '东门' }).isChecked()).toBe(true);
    const number = gate.locator('.gate-counter-number');
    await expect.poll(() => visibleText(number)).toBe('0');
    const plus = gate.getByRole('button', { name: '加 1 人' });
    const box = await plus.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(64);
    expect(box!.width).toBeGreaterThanOrEqual(64);
    await expectAccessible(gate);
    for (let i = 0; i < 3; i++) await plus.click();
    await gate.getByRole('button', { name: '减 1 人' }).click();
    await expect.poll(() => visibleText(number)).toBe('2');

    const leader = await leaderPhone.context.newPage();
    await signIn(leader, 'v081');
    await leader.goto(`${server.baseUrl}/testing/rounds/${server.roundId}/live`);
    await leader.getByRole('heading', { name: '排队与通道', level: 1 }).waitFor();
    const eastQueue = leader.locator('.live-gate', { hasText: '东门' }).locator('dd').first();
    await expect.poll(() => visibleText(eastQueue)).toBe('2');
    await expectAccessible(leader);

    // a typed count (a long east queue, the demo's west side idle) reaches the leader's view live, with advice
    await gate.getByLabel('直接输入人数').fill('4000');
    await gate.getByRole('button', { name: '更新', exact: true }).click();
    await expect.poll(() => visibleText(number)).toBe('4000');
    await expect.poll(() => visibleText(eastQueue), { timeout: 10_000 }).toBe('4000');
    await expect
      .poll(() => visibleText(leader.locator('.live-advice')))
      .toContain('现在从西门调 1 条通道到东门');
    await leader.getByRole('button', { name: '一键调整' }).click();
    await expect
      .poll(() => visibleText(leader.locator('.live-gate', { hasText: '东门' }).locator('.live-gate-lanes')))
      .toBe('4 条通道');
    await expect.poll(() => visibleText(leader.locator('.live-history'))).toContain('西门 → 东门 1 条');
    await expectAccessible(leader);
  });
});
