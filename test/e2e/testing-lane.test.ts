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

describe('a testing lane on a phone', () => {
  it('opens a tube, scans ten typed codes, sees the tube close and asks for a new one', async () => {
    // v081 leads the demo's testing group
    await signIn(page, 'v081');
    expect(await testedSoFar(page)).toBe(0);
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('navigation').getByRole('link', { name: '核酸扫码', exact: true }).click();
    await page.getByRole('heading', { name: '核酸扫码', level: 1 }).waitFor();
    await page.getByText('4月9日核酸').waitFor();
    await page.locator('.lane-choice').getByText('西门', { exact: true }).click();
    expect(await page.getByRole('radio', { name: '西门' }).isChecked()).toBe(true);
    await page.getByLabel('通道').fill('2');
    await expectAccessible(page);

    await page.getByRole('textbox', { name: '试管条码' }).fill('e2e-tube-0001');
    await page.getByRole('button', { name: '开管', exact: true }).click();
    await expect.poll(() => visibleText(message(page))).toContain('已开管 E2E-TUBE-0001');
    await expect.poll(() => visibleText(counter(page))).toContain('0 / 10');

    const code = page.getByRole('textbox', { name: '居民个人码' });
    for (const [i, person] of server.people.entries()) {
      // a scanner gun types the code and presses Enter; the field keeps the focus
      await page.keyboard.type(person.code.toLowerCase());
      await page.keyboard.press('Enter');
      if (i < 9) {
        await expect.poll(() => visibleText(counter(page))).toContain(`${i + 1} / 10`);
        await expect.poll(() => visibleText(message(page))).toContain(person.name);
        expect(await code.evaluate((el) => el === document.activeElement)).toBe(true);
      }
      if (i === 4) await expectAccessible(page);
    }
    await expect.poll(() => visibleText(message(page))).toContain('试管已满：请开一支新试管');
    await page.getByRole('textbox', { name: '试管条码' }).waitFor();
    await expect.poll(() => page.getByText('条扫码等待发送').count()).toBe(0);
    // The round's coverage has risen by the ten.
    const lane = page.url();
    expect(await testedSoFar(page)).toBe(10);
    await page.goto(lane);
    // the lane can change again once no tube is open
    await expect.poll(() => page.getByRole('spinbutton', { name: '通道' }).isDisabled()).toBe(false);

    // the same tube barcode again: refused, with the reason on screen
    await page.getByRole('textbox', { name: '试管条码' }).fill('E2E-TUBE-0001');
    await page.getByRole('button', { name: '开管', exact: true }).click();
    await expect.poll(() => visibleText(message(page))).toContain('一支试管只能用一次');

    // a resident already sampled, scanned into a new tube: refused, the counter does not move
    await page.getByRole('textbox', { name: '试管条码' }).fill('E2E-TUBE-0002');
    await page.getByRole('button', { name: '开管', exact: true }).click();
    await expect.poll(() => visibleText(counter(page))).toContain('0 / 10');
    await page.getByRole('textbox', { name: '居民个人码' }).fill(server.people[0]!.code);
    await page.keyboard.press('Enter');
    await expect.poll(() => visibleText(message(page))).toContain('本轮已在');
    expect(await message(page).getAttribute('role')).toBe('alert');
    await expect.poll(() => visibleText(counter(page))).toContain('0 / 10');
    await expectAccessible(page);
  });

  it("shows a resident their household's codes, large", async () => {
    const resident = await openBrowser({ width: 390, height: 844 });
    const p = await resident.context.newPage();
    try {
      await signIn(p, 'r0001');
      await p.goto(`${server.baseUrl}/my/testing-code`);
      await p.getByRole('heading', { name: '我的核酸码', level: 1 }).waitFor();
      await p.locator('img.code-qr').first().waitFor();
      const box = await p.locator('img.code-qr').first().boundingBox();
      expect(box!.width).toBeGreaterThanOrEqual(260);
      await expectAccessible(p);
    } finally {
      await resident.close();
    }
  });
});
