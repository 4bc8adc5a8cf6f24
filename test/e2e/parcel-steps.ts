// Steps the parcels browser tests share.
import type { Page } from 'playwright-core';

/**
 * Picks a building in the searchable list by typing its number and Enter, as a volunteer with a
 * keyboard would (clicks on antd's drop-down while it slides in were lost under CI load).
 */
export async function chooseBuilding(page: Page, code: string) {
  const select = page.getByRole('combobox', { name: '搜索楼号' });
  await select.click();
  await select.fill(code);
  const target = `${code}号楼`;
  const active = page.locator('.ant-select-item-option-active');
  // The list ranks the building typed in full first; keys move on only once an option is active,
  // so a list still sliding in is not scrolled past the one meant.
  for (let step = 0; step < 30; step++) {
    await active.first().waitFor();
    if ((await active.first().getAttribute('title')) === target) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.locator(`.ant-select-item-option-active[title="${target}"]`).waitFor();
  await page.keyboard.press('Enter');
}
