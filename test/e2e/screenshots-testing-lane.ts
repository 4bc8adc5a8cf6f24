// The testing lane, a resident's code and the printed code cards at phone size, for a human look.
// Run: npm run build && npx tsx test/e2e/screenshots-testing-lane.ts  (PNGs in ./screenshots/)
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { animationsDone, openBrowser } from './browser.ts';
import { startServerWithRound } from './testing-lane-setup.ts';

const OUT = path.resolve('screenshots');
const PHONE = { width: 390, height: 844 };

async function shoot(page: Page, name: string, fullPage = true) {
  await page.waitForLoadState('networkidle');
  await animationsDone(page);
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log(file);
}

async function signIn(page: Page, baseUrl: string, username: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名或手机号').fill(username);
  await page.getByLabel('密码', { exact: true }).fill('linli-demo');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByRole('button', { name: '打开菜单' }).waitFor();
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const server = await startServerWithRound();
  try {
    const lane = await openBrowser(PHONE);
    const page = await lane.context.newPage();
    await signIn(page, server.baseUrl, 'v081');
    await page.goto(`${server.baseUrl}/testing/lane`);
    await page.getByRole('textbox', { name: '试管条码' }).waitFor();
    await shoot(page, 'testing-lane-open-tube');
    await page.getByRole('textbox', { name: '试管条码' }).fill('SHOT-0001');
    await page.getByRole('button', { name: '开管', exact: true }).click();
    const code = page.getByRole('textbox', { name: '居民个人码' });
    for (const person of server.people.slice(0, 3)) {
      await code.fill(person.code);
      await code.press('Enter');
      await page.getByText(person.name).first().waitFor();
    }
    await shoot(page, 'testing-lane-3-of-10');
    await code.fill(server.people[0]!.code);
    await code.press('Enter');
    await page.locator('.lane-message-error').waitFor();
    await shoot(page, 'testing-lane-duplicate');
    await lane.context.setOffline(true);
    await code.fill(server.people[3]!.code);
    await code.press('Enter');
    await page.getByText('条扫码等待发送').waitFor();
    await shoot(page, 'testing-lane-offline', true);
    await lane.context.setOffline(false);
    await page.getByRole('button', { name: '现在发送' }).click();
    await page.getByText(server.people[3]!.name).first().waitFor();
    await page.getByRole('button', { name: '按楼栋/房号/姓名查找' }).click();
    await page.getByRole('textbox', { name: '楼栋' }).fill('1');
    await page.getByRole('button', { name: '查找', exact: true }).click();
    await page.locator('.finder-results li').first().waitFor();
    await shoot(page, 'testing-lane-finder');
    await lane.close();

    const resident = await openBrowser(PHONE);
    const mine = await resident.context.newPage();
    await signIn(mine, server.baseUrl, 'r0001');
    await mine.goto(`${server.baseUrl}/my/testing-code`);
    await mine.locator('img.code-qr').first().waitFor();
    await shoot(mine, 'testing-my-code');
    await resident.close();

    const office = await openBrowser(PHONE);
    const cards = await office.context.newPage();
    await signIn(cards, server.baseUrl, 'staff1');
    await cards.goto(`${server.baseUrl}/testing/code-cards`);
    const select = cards.getByRole('combobox', { name: '选择楼栋' });
    await select.click();
    await select.fill('1号楼');
    await cards.locator('.ant-select-item-option-active[title="1号楼"]').waitFor();
    await cards.keyboard.press('Enter');
    await cards.locator('.code-card').first().waitFor();
    await shoot(cards, 'testing-code-cards');
    await cards.emulateMedia({ media: 'print' });
    await shoot(cards, 'testing-code-cards-print');
    await office.close();
  } finally {
    await server.stop();
  }
}

await main();
