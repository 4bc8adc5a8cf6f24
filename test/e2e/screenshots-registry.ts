// The registry pages for screenshots.ts: lists, a building, the site plan, a resident, an import preview.
import type { Page } from 'playwright-core';

type Shoot = (page: Page, name: string, fullPage?: boolean) => Promise<void>;

const ROSTER = [
  '歌林春天居民花名册（截图用）',
  '楼号,室号,姓名,性别,出生年份,手机号,特殊人群,备注',
  '12号楼,１２０３,示例居民甲,女,1946,13800001234,独居老人 听障,需要上门',
  '12,1204,示例居民乙,男,1950,13800005678,慢病用药,胰岛素',
  '130,101,示例居民丙,女,1990,,孕妇,',
  '12,天台,示例居民丁,男,1970,,,',
  '12号楼,１２０３,示例居民甲,女,1946,13800001234,,',
].join('\r\n');

export async function captureRegistry(page: Page, baseUrl: string, size: string, shoot: Shoot) {
  await page.goto(`${baseUrl}/site-plan`);
  await page.getByRole('link', { name: /^12号楼，/ }).waitFor();
  await shoot(page, `${size}-site-plan`);

  // Lists are narrowed to a few rows, so a full-page picture stays readable.
  await page.goto(`${baseUrl}/buildings`);
  const idOf = async (name: string) =>
    (await page.getByRole('link', { name, exact: true }).getAttribute('href'))?.split('/').pop() ?? '';
  await page.getByRole('link', { name: '12号楼', exact: true }).waitFor();
  const first = await idOf('1号楼');
  await page.goto(`${baseUrl}/buildings?q=12`);
  await page.getByText('共 7 条').waitFor();
  await shoot(page, `${size}-buildings`);
  await page.getByRole('link', { name: '12号楼', exact: true }).click();
  await page.getByRole('heading', { name: '12号楼', level: 1 }).waitFor();
  await page.getByText('住户（18 户）').waitFor();
  await shoot(page, `${size}-building`);

  await page.goto(`${baseUrl}/households?buildingId=${page.url().split('/').pop()}`);
  await page.getByText('共 18 条').waitFor();
  await shoot(page, `${size}-households`);

  await page.goto(`${baseUrl}/residents?buildingId=${first}&q=30`);
  await page.getByText(/^共 \d+ 条$/).waitFor();
  await shoot(page, `${size}-residents`);
  await page.getByRole('button', { name: '陆伯伯' }).first().click();
  await page.getByRole('dialog').getByText('耳背，需当面慢慢沟通').waitFor();
  await page.waitForTimeout(400); // let the drawer finish sliding in
  await shoot(page, `${size}-resident`, false);
  await page.keyboard.press('Escape');

  await page.goto(`${baseUrl}/vulnerable?buildingId=${first}`);
  await page.getByRole('heading', { name: /^1号楼/, level: 2 }).waitFor();
  await shoot(page, `${size}-vulnerable`);

  await page.goto(`${baseUrl}/registry/import`);
  await page.getByRole('heading', { name: '名册导入', level: 1 }).waitFor();
  await shoot(page, `${size}-import`);
  await page.locator('input[type=file]').setInputFiles({
    name: '居民花名册.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\ufeff${ROSTER}\r\n`, 'utf8'),
  });
  await page.getByTestId('preview-summary').waitFor();
  await shoot(page, `${size}-import-preview`);
}
