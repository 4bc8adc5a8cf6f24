import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { animationsDone, type Browser, openBrowser, seriousA11yViolations, visibleText } from './browser.ts';
import { type LaneServer, startServerWithRound } from './testing-lane-setup.ts';

let server: LaneServer;
let phone: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServerWithRound();
  phone = await openBrowser({ width: 390, height: 844 });
  page = await phone.context.newPage();
});

afterAll(async () => {
  await phone?.close();
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

const message = (p: Page) => p.getByTestId('lane-message');
const counter = (p: Page) => p.getByTestId('tube-counter');

/** "12 / 6145" on the round's page: residents tested in the round so far. */
async function testedSoFar(p: Page) {
  await p.goto(`${server.baseUrl}/testing/rounds/${server.roundId}`);
  const figure = p.getByTestId('coverage-overall').locator('.testing-overall-figure');
  await figure.waitFor();
  return Number((await visibleText(figure)).split('/')[0]!.trim());
}

/** The lane's tube as the phone keeps it across reloads. */
const keptTube = (p: Page) =>
  p.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('linli.testing.lane.'));
    return key ? (JSON.parse(localStorage.getItem(key)!).tube as { id: string; barcode: string }) : null;
  });

describe('a testing lane that loses its signal', () => {
  it('opens a tube offline, scans three codes into it, and sends all of it once back online', async () => {
    await signIn(page, 'v081');
    const before = await testedSoFar(page);
    await page.goto(`${server.baseUrl}/testing/lane`);
    await page.getByRole('heading', { name: '核酸扫码', level: 1 }).waitFor();
    await page.locator('.lane-choice').getByText('西门', { exact: true }).click();
    await page.getByLabel('通道').fill('3');

    await phone.context.setOffline(true);
    await page.getByRole('textbox', { name: '试管条码' }).fill('e2e-off-0001');
    await page.getByRole('button', { name: '开管', exact: true }).click();
    await expect.poll(() => visibleText(page.getByTestId('tube-pending'))).toContain('E2E-OFF-0001 等待发送');
    await expect.poll(() => visibleText(counter(page))).toContain('0 / 10');

    const three = server.people.slice(0, 3);
    for (const [i, person] of three.entries()) {
      await page.keyboard.type(person.code);
      await page.keyboard.press('Enter');
      await expect.poll(() => visibleText(counter(page))).toContain(`${i + 1} / 10`);
    }
    await expect.poll(() => visibleText(page.locator('.scan-waiting'))).toContain('3 条扫码等待发送');
    expect((await keptTube(page))!.id).toMatch(/^offline-/);
    await expectAccessible(page);

    await phone.context.setOffline(false);
    // the open lands first, then the three scans into the real tube
    await expect.poll(() => page.locator('.scan-waiting').count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => page.getByTestId('tube-pending').count()).toBe(0);
    await expect.poll(() => visibleText(counter(page))).toContain('3 / 10');
    const tube = await keptTube(page);
    expect(tube).toMatchObject({ barcode: 'E2E-OFF-0001' });
    expect(tube!.id).toMatch(/^[0-9a-f-]{36}$/);
    await expectAccessible(page);

    // the server knows the tube by its real barcode: closing it by hand names it
    await page.locator('.tube-panel').getByRole('button', { name: '手动封管', exact: true }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '手动封管' }).click();
    await expect.poll(() => visibleText(message(page))).toContain('已封管 E2E-OFF-0001');
    // the three landed once
    expect(await testedSoFar(page)).toBe(before + 3);
  });
});
