// Riding a run, the household's parcels and the pickup desk at phone and desktop sizes, for a human look.
// Run: npm run build && npx tsx test/e2e/screenshots-parcel-rides.ts  (PNGs in ./screenshots/)
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { animationsDone, openBrowser } from './browser.ts';
import { startServerWithRun } from './parcel-rides-setup.ts';

const OUT = path.resolve('screenshots');
const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1366, height: 900 } } as const;

async function shoot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await animationsDone(page);
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
}

async function signInAs(page: Page, baseUrl: string, username: string) {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名或手机号').fill(username);
  await page.getByLabel('密码', { exact: true }).fill('linli-demo');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL(`${baseUrl}/`);
}

async function chooseBuilding(page: Page, code: string) {
  const select = page.getByRole('combobox', { name: /搜索楼号|Search building/ });
  await select.click();
  await select.fill(code);
  const option = page.locator(`.ant-select-item-option-active[title="${code}号楼"]`);
  for (let step = 0; step < 12 && !(await option.isVisible()); step++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

fs.mkdirSync(OUT, { recursive: true });
const server = await startServerWithRun();
const { baseUrl, buildingCode } = server;
const phone = await openBrowser(SIZES.phone);
const desktop = await openBrowser(SIZES.desktop);
try {
  const page = await phone.context.newPage();
  await signInAs(page, baseUrl, 'v002');
  await page.goto(`${baseUrl}/parcels/ride`);
  await page.getByRole('button', { name: '出发，开始派送' }).waitFor();
  await shoot(page, 'phone-ride-ready');
  await page.getByRole('button', { name: '出发，开始派送' }).click();
  await page.getByRole('button', { name: `已送到${buildingCode}号楼` }).waitFor();
  await shoot(page, 'phone-ride-next');
  await page.getByRole('button', { name: `已送到${buildingCode}号楼` }).click();
  await page.getByText(`${buildingCode}号楼已送达`).waitFor();
  await shoot(page, 'phone-ride-delivered');

  await signInAs(page, baseUrl, 'r0001');
  await page.goto(`${baseUrl}/my/parcels`);
  await page.getByTestId('pickup-code').waitFor();
  const code = (await page.getByTestId('pickup-code').textContent())!.trim();
  await shoot(page, 'phone-my-parcels');
  await page.goto(`${baseUrl}/notifications`);
  await page
    .getByText(/快递到楼/)
    .first()
    .waitFor({ timeout: 20_000 });
  await shoot(page, 'phone-my-parcels-notice');

  await signInAs(page, baseUrl, 'v002');
  await page.goto(`${baseUrl}/parcels/pickup`);
  await chooseBuilding(page, buildingCode);
  await page.getByLabel('取件码（4 位数字）').fill(code);
  await page.getByRole('button', { name: /确认交付/ }).waitFor();
  await shoot(page, 'phone-pickup-found');
  await page.getByRole('button', { name: /确认交付/ }).click();
  await page.getByRole('button', { name: '下一位' }).waitFor();
  await shoot(page, 'phone-pickup-done');
  await page.getByRole('button', { name: '下一位' }).click();
  await page.getByLabel('取件码（4 位数字）').fill('0000');
  await page.getByTestId('pickup-found').getByRole('alert').waitFor();
  await shoot(page, 'phone-pickup-wrong-code');

  await page.goto(`${baseUrl}/parcels/ride`);
  await page.getByRole('button', { name: '切换语言：English' }).click();
  await page.getByRole('heading', { name: 'My delivery runs', level: 1 }).waitFor();
  await shoot(page, 'phone-ride-en');
  await page.getByRole('button', { name: 'Switch language: 中文' }).click();

  const wide = await desktop.context.newPage();
  await signInAs(wide, baseUrl, 'v002');
  await wide.goto(`${baseUrl}/parcels/ride`);
  await wide.getByTestId('ride-next').waitFor();
  await shoot(wide, 'desktop-ride');
  await wide.goto(`${baseUrl}/parcels/pickup`);
  await shoot(wide, 'desktop-pickup');
  await signInAs(wide, baseUrl, 'r0001');
  await wide.goto(`${baseUrl}/my/parcels`);
  await wide.getByRole('heading', { name: '我的快递', level: 1 }).waitFor();
  await shoot(wide, 'desktop-my-parcels');
} finally {
  await phone.close();
  await desktop.close();
  await server.stop();
}
