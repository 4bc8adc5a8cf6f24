import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLEAN_PNG } from '../../src/server/features/medicine/photo-fixtures.ts';
import { a11yProblemsOnceSettled, type Browser, openBrowser, signInAs, visibleText } from './browser.ts';
import { type RunningServer, startServer } from './harness.ts';

let server: RunningServer;
let phone: Browser;
let desktop: Browser;

beforeAll(async () => {
  server = await startServer({ LINLI_DEMO_PARCELS: '0' });
  phone = await openBrowser({ width: 390, height: 844 });
  desktop = await openBrowser();
});

afterAll(async () => {
  await phone?.close();
  await desktop?.close();
  await server?.stop();
});

const expectAccessible = async (page: Page) => expect(await a11yProblemsOnceSettled(page)).toEqual([]);

async function signedIn(browser: Browser, username: string) {
  const page = await browser.context.newPage();
  await signInAs(page, server.baseUrl, username);
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return page;
}

describe('disinfection rounds, on a phone and on the coverage map', () => {
  it('a volunteer logs building 37’s rounds (one overdue, with a photo) and the coverage shows it done', async () => {
    // The group's leader watches the coverage on a desktop; the demo left 37's lifts overdue since yesterday.
    const watcher = await signedIn(desktop, 'v221');
    await watcher.goto(`${server.baseUrl}/disinfection?view=coverage`);
    const overdueList = watcher.getByTestId('dis-overdue');
    await expect.poll(() => visibleText(overdueList)).toContain('37号楼电梯');
    const building37 = watcher.locator('a.plan-building[aria-label^="37号楼："]');
    expect(await building37.getAttribute('aria-label')).toContain('37号楼：超时');
    await expectAccessible(watcher);

    // v230 of the disinfection group, on a phone: from the home tile to today's rounds
    const page = await signedIn(phone, 'v230');
    await page.getByTestId('home-disinfection').getByRole('link', { name: '去登记' }).click();
    await page.getByRole('heading', { name: '消杀', level: 1 }).waitFor();
    await page.getByLabel('找点位：楼号或名称').fill('37');
    const cards = page.getByTestId('dis-task');
    const overdue = cards.filter({ hasText: '超时' }).filter({ hasText: '37号楼电梯' });
    await overdue.waitFor();
    // overdue first, in red
    expect(await visibleText(cards.first())).toContain('37号楼电梯');
    expect(await cards.first().getAttribute('class')).toContain('is-overdue');
    await expectAccessible(page);

    // the overdue round: a photo from the camera and a note, then the big button
    await overdue.locator('input[type=file]').setInputFiles({
      name: 'lift.png',
      mimeType: 'image/png',
      buffer: Buffer.from(CLEAN_PNG),
    });
    await overdue.getByRole('button', { name: '加备注' }).click();
    await overdue.getByLabel('备注（可选）').fill('电梯按钮、扶手已擦拭');
    await overdue.getByRole('button', { name: /37号楼电梯.*这一轮已完成/ }).click();
    await page.getByText('已登记：37号楼电梯').waitFor();
    // the rest of 37's rounds today, so the whole building is done (later ones may be logged early today)
    for (let left = await cards.count(); left > 0; left = await cards.count()) {
      const first = cards.first();
      const area = await visibleText(first.locator('h3'));
      await first.getByRole('button', { name: /这一轮已完成/ }).click();
      await expect.poll(() => cards.count()).toBe(left - 1);
      expect(area).toMatch(/^37号楼/);
    }
    await page.getByText('没有符合“37”的点位。').waitFor();
    await page.locator('.ant-segmented-item', { hasText: '已完成' }).click();
    const logged = cards.filter({ hasText: '电梯按钮、扶手已擦拭' });
    await logged.waitFor();
    expect(await visibleText(logged)).toMatch(/完成/);
    await logged.getByRole('img', { name: '照片' }).waitFor();
    await expectAccessible(page);

    // the leader's map recolours without a reload: 37 is done today, its lifts off the overdue list
    await expect
      .poll(() => building37.getAttribute('aria-label'), { timeout: 15_000 })
      .toContain('37号楼：今天已做');
    await expect.poll(() => visibleText(overdueList)).not.toContain('37号楼电梯');
    await building37.click();
    const selected = watcher.getByTestId('dis-selected');
    await selected.waitFor();
    expect(await visibleText(selected)).toContain('37号楼电梯\n今天已做');
    await expectAccessible(watcher);

    // the phone's own coverage view agrees
    await page.locator('.ant-segmented-item', { hasText: '覆盖情况' }).click();
    await page.getByTestId('dis-coverage').waitFor();
    await expect
      .poll(() => page.locator('a.plan-building[aria-label^="37号楼："]').getAttribute('aria-label'))
      .toContain('今天已做');
    await expectAccessible(page);
  });
});
