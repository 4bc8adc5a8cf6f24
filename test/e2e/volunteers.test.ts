import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { animationsDone, type Browser, openBrowser, seriousA11yViolations, visibleText } from './browser.ts';
import { type RunningServer, startServer } from './harness.ts';

let server: RunningServer;
let office: Browser; // the secretary at a desktop
let phone: Browser; // the new volunteer, who only has the link
let leader: Browser; // v001, who leads the parcels group
let secretary: Page;
let volunteer: Page;
let joinLink = '';

const NEW_MOBILE = '13700009999';
const SHIFT = '测试快递班';

/** Tomorrow on the community's calendar (Shanghai), whatever the machine's zone. */
const tomorrow = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + 86_400_000));

beforeAll(async () => {
  server = await startServer();
  office = await openBrowser();
  phone = await openBrowser({ width: 390, height: 844 });
  secretary = await office.context.newPage();
  volunteer = await phone.context.newPage();
});

afterAll(async () => {
  await Promise.all([office?.close(), phone?.close(), leader?.close()]);
  await server?.stop();
});

const expectAccessible = async (page: Page) => {
  await animationsDone(page);
  expect(await seriousA11yViolations(page)).toEqual([]);
};

async function signIn(page: Page, username: string) {
  await page.goto(`${server.baseUrl}/login`);
  await page.getByLabel('用户名或手机号').fill(username);
  await page.getByLabel('密码', { exact: true }).fill('linli-demo');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByTestId('headline-volunteers').waitFor();
}

/** Unread notices of the signed-in account, asked of the server (the bell may not have loaded yet). */
async function unreadCount(page: Page) {
  const session = await (await page.request.get(`${server.baseUrl}/api/session`)).json();
  const communityId = session.session.memberships[0].communityId as string;
  const url = `${server.baseUrl}/api/communities/${communityId}/notifications?unread=true&limit=1`;
  return (await (await page.request.get(url)).json()).unread as number;
}

/** The open dialog once it has finished zooming in: a click during the animation can miss. */
async function settledDialog(page: Page) {
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await animationsDone(page);
  return dialog;
}

const go = (page: Page, link: string) =>
  page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();

/**
 * Chooses an option of an antd select with the keyboard, as a person can: clicks on the drop-down
 * while it was still sliding in were sometimes lost under load. Tries again until the field shows it.
 */
async function pickOption(page: Page, field: Locator, option: string) {
  // antd 6 shows the choice as the title of the box around the combobox.
  const chosen = field.locator(`xpath=parent::*[@title="${option}"]`);
  const active = page.locator('.ant-select-item-option-active', { hasText: option });
  for (let attempt = 0; attempt < 3 && !(await chosen.isVisible()); attempt++) {
    await field.focus();
    await page.keyboard.press('ArrowDown');
    for (let step = 0; step < 12 && !(await active.isVisible()); step++)
      await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await chosen.waitFor({ timeout: 2_000 }).catch(() => {});
  }
  await chosen.waitFor();
}

const shiftCard = (page: Page) => page.getByTestId('shift-card').filter({ hasText: SHIFT });

describe('volunteers from the QR code to a shift', () => {
  it('lets the secretary open a call and shows its link, QR code and poster', async () => {
    await signIn(secretary, 'secretary');
    await go(secretary, '招募志愿者');
    await secretary.getByLabel('招募名称').fill('下沉党员报到（测试）');
    await secretary.getByRole('button', { name: '发起招募' }).click();
    const card = secretary.getByTestId('call-card').filter({ hasText: '下沉党员报到（测试）' });
    await card.getByText('招募中').waitFor();
    joinLink = await visibleText(card.getByTestId('call-link'));
    expect(joinLink).toMatch(new RegExp(`^${server.baseUrl}/join/gelin/[\\w-]{16}$`));
    const qr = card.getByRole('img', { name: /报名二维码/ });
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
    await expectAccessible(secretary);

    await card.getByRole('link', { name: '打印海报' }).click();
    await secretary.getByRole('heading', { name: '下沉党员报到（测试）', level: 1 }).waitFor();
    expect(await visibleText(secretary.locator('.poster-sheet'))).toContain(joinLink);
    await expectAccessible(secretary);
    // The poster is for the notice board: exactly one A4 page, without the menu.
    const pdf = (await secretary.pdf({ format: 'A4' })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
  });

  it('registers a new volunteer through the link on a phone, with the server’s field errors', async () => {
    await volunteer.goto(joinLink);
    await volunteer.getByRole('heading', { name: '下沉党员报到（测试）', level: 1 }).waitFor();
    await expectAccessible(volunteer);
    await volunteer.getByRole('button', { name: '提交报名' }).click();
    await volunteer.getByText('请输入姓名').waitFor();

    await volunteer.getByLabel('姓名').fill('测试志愿者');
    await volunteer.getByLabel('手机号').fill('18834825383'); // v001's number: already an account
    await volunteer.getByLabel('设置登录密码').fill('volunteer-pw');
    await volunteer.getByLabel('再次输入密码').fill('volunteer-pw');
    await volunteer.getByLabel('所住楼栋').fill('12');
    await volunteer.locator('.ant-select-item-option-active', { hasText: '12号楼' }).waitFor();
    await volunteer.keyboard.press('Enter');
    await volunteer.getByLabel('房号').fill('１２０３'); // full-width, as a Chinese keyboard types it
    // antd draws the radio buttons over hidden inputs; a person taps the label.
    await volunteer.locator('label').filter({ hasText: /^是$/ }).click();
    await volunteer.getByRole('button', { name: '三轮车' }).click();
    expect(await volunteer.getByRole('button', { name: '三轮车' }).getAttribute('aria-pressed')).toBe('true');
    await volunteer
      .locator('label')
      .filter({ hasText: /^30–44岁$/ })
      .click();
    expect(await volunteer.getByRole('radio', { name: '30–44岁' }).isChecked()).toBe(true);
    await volunteer.getByRole('button', { name: '提交报名' }).click();
    const mobileField = volunteer.locator('.ant-form-item').filter({ has: volunteer.getByLabel('手机号') });
    await mobileField.getByText('这个手机号已经注册过了').waitFor();
    await expectAccessible(volunteer);

    await volunteer.getByLabel('手机号').fill(NEW_MOBILE);
    await volunteer.getByRole('button', { name: '提交报名' }).click();
    await volunteer.getByRole('heading', { name: '报名成功，等待审核' }).waitFor();
    expect(await visibleText(volunteer.locator('main'))).toContain(NEW_MOBILE);
    await expectAccessible(volunteer);

    await volunteer.getByRole('link', { name: '进入邻里' }).click();
    expect(await visibleText(volunteer.getByTestId('application-status'))).toBe('您的志愿者报名正在审核');
    await expectAccessible(volunteer);
  });

  it('lets the secretary approve the new volunteer into the parcels group', async () => {
    await go(secretary, '志愿者');
    await secretary.getByTestId('tab-pending').getByText('1', { exact: true }).waitFor();
    const row = secretary.getByRole('row').filter({ hasText: '测试志愿者' });
    expect(await visibleText(row)).toContain('12号楼 1203室');
    expect(await visibleText(row)).not.toContain('市级机关'); // no workplace unless asked for
    await expectAccessible(secretary);
    await row.getByRole('checkbox', { name: '选择测试志愿者' }).check();
    await secretary.getByRole('button', { name: '批准并分组' }).click();
    const dialog = await settledDialog(secretary);
    await dialog.getByText('快递组', { exact: true }).click();
    expect(await dialog.getByRole('checkbox', { name: '快递组' }).isChecked()).toBe(true);
    await expectAccessible(secretary);
    await dialog.getByRole('button', { name: '批准' }).click();
    await secretary.getByText('已批准 1 名志愿者').waitFor();
    await secretary.getByTestId('tab-pending').getByText('0', { exact: true }).waitFor();

    await secretary.getByRole('tab', { name: /已通过/ }).click();
    await secretary.getByLabel('搜索').fill('测试志愿者');
    const approved = secretary.getByRole('row').filter({ hasText: '测试志愿者' });
    await approved.getByText('快递组').waitFor();
    await expectAccessible(secretary);
  });

  it('lets the secretary create a parcels shift with 2 places, open for sign-up now', async () => {
    await go(secretary, '班次');
    await secretary.getByRole('heading', { name: '班次', level: 1 }).waitFor();
    await secretary.getByRole('button', { name: '新建班次' }).click();
    const drawer = await settledDialog(secretary);
    await pickOption(secretary, drawer.getByLabel('小组'), '快递组');
    await drawer.getByLabel('名称（选填）').fill(SHIFT);
    await drawer.getByLabel('日期').fill(tomorrow());
    await drawer.getByLabel('开始时间', { exact: true }).fill('08:00');
    await drawer.getByLabel('结束时间', { exact: true }).fill('11:00');
    await drawer.getByLabel('名额').fill('2');
    await expectAccessible(secretary);
    await drawer.getByRole('button', { name: '新建班次' }).click();
    await secretary.getByText(`已新建班次：${SHIFT}`).waitFor();
    const card = shiftCard(secretary);
    // Shown on the community's clock, though this browser runs on New York time.
    expect(await visibleText(card)).toContain('08:00–11:00');
    expect(await visibleText(card.getByTestId('places-volunteer'))).toBe('剩余 2/2');
    expect(await visibleText(card)).toContain('报名中');
    await expectAccessible(secretary);
  });

  it('lets the approved volunteer sign up and watch the places drop from 2 to 1', async () => {
    await volunteer.getByRole('button', { name: '刷新审核状态' }).click();
    await volunteer.getByTestId('next-shift').waitFor();
    // Approval came with a notice: the bell in the header counts it.
    await volunteer.getByRole('link', { name: '通知，1 条未读' }).waitFor();
    await volunteer.getByRole('button', { name: '打开菜单' }).click();
    await go(volunteer, '班次');
    const card = shiftCard(volunteer);
    await card.getByTestId('places-volunteer').getByText('剩余 2/2').waitFor();
    await expectAccessible(volunteer);
    await card.getByRole('button', { name: '报名', exact: true }).click();
    await card.getByTestId('places-volunteer').getByText('剩余 1/2').waitFor();
    await expect.poll(() => visibleText(card.getByTestId('shift-mine'))).toBe('您已报名');
    // The secretary's page, left alone in another browser, follows without a reload: the live
    // stream brings the new count at once (its fallback poll would take a minute).
    await shiftCard(secretary)
      .getByTestId('places-volunteer')
      .getByText('剩余 1/2')
      .waitFor({ timeout: 5_000 });
    await expectAccessible(volunteer);

    await volunteer.goto(`${server.baseUrl}/my-shifts`);
    const mine = volunteer.getByTestId('my-signup').filter({ hasText: SHIFT });
    expect(await visibleText(mine)).toContain('08:00–11:00');
    await expectAccessible(volunteer);
  });

  it('puts the parcels leader on the waitlist of a full shift and moves him up when a place comes free', async () => {
    // The secretary takes one place away: the shift is full with the new volunteer alone.
    const card = shiftCard(secretary);
    await card.getByRole('button', { name: '修改名额' }).click();
    const resize = await settledDialog(secretary);
    await resize.getByLabel('名额').fill('1');
    await resize.getByRole('button', { name: '保存' }).click();
    await card.getByTestId('places-volunteer').getByText('剩余 0/1').waitFor();

    leader = await openBrowser();
    const v001 = await leader.context.newPage();
    await signIn(v001, 'v001');
    await go(v001, '班次');
    const full = shiftCard(v001);
    await full.getByRole('button', { name: '排队候补' }).click();
    await full.getByTestId('shift-mine').getByText('您在候补第 1 位').waitFor();
    await expectAccessible(v001);

    // The demo has already told the leader a few things; the move up must add exactly one unread notice.
    const bell = v001.getByTestId('notification-bell');
    const unreadBefore = await unreadCount(v001);

    // The new volunteer gives the place back; the leader's page moves him up on its own.
    const mine = volunteer.getByTestId('my-signup').filter({ hasText: SHIFT });
    await mine.getByRole('button', { name: '取消报名' }).click();
    await (await settledDialog(volunteer)).getByRole('button', { name: '取消报名' }).click();
    await volunteer.getByText('您还没有报名任何班次').waitFor();
    await full.getByTestId('shift-mine').getByText('您已报名').waitFor({ timeout: 15_000 });
    // He was told, live (the bell polls only every 2 minutes): it leads to the notice, the notice to his shifts.
    await v001.getByRole('link', { name: `通知，${unreadBefore + 1} 条未读` }).waitFor({ timeout: 15_000 });
    await bell.click();
    const notice = v001.getByTestId('notification').filter({ hasText: `候补转正：${SHIFT}` });
    await notice.waitFor();
    await expectAccessible(v001);
    await notice.click();
    await v001.getByTestId('my-signup').filter({ hasText: SHIFT }).waitFor();
    // Reading it marks it read: the bell is back where it was.
    const bellBefore = unreadBefore > 0 ? `通知，${unreadBefore} 条未读` : '通知';
    await v001.getByRole('link', { name: bellBefore, exact: true }).waitFor();
  });
});

describe('the secretary organises groups and closes the call', () => {
  it('names the new volunteer a leader of the parcels group, and the groups page shows it', async () => {
    await go(secretary, '志愿者');
    await secretary.getByRole('tab', { name: /已通过/ }).click();
    await secretary.getByLabel('搜索').fill('测试志愿者');
    const row = secretary.getByRole('row').filter({ hasText: '测试志愿者' });
    await row.getByRole('button', { name: '设置小组' }).click();
    const dialog = await settledDialog(secretary);
    await dialog.getByRole('checkbox', { name: '快递组组长' }).check();
    await expectAccessible(secretary);
    await dialog.getByRole('button', { name: '保存' }).click();
    await row.getByText('快递组组长').waitFor();

    await go(secretary, '小组');
    const parcels = secretary.getByTestId('group-parcels');
    await parcels.getByText('测试志愿者').waitFor();
    await secretary.getByRole('button', { name: '新建小组' }).click();
    const naming = await settledDialog(secretary);
    await naming.getByLabel('小组名称').fill('送药二组');
    await naming.getByRole('button', { name: '保存' }).click();
    await secretary.getByRole('heading', { name: '送药二组', level: 2 }).waitFor();
    await expectAccessible(secretary);
  });

  it('closes the call, after which its link says so', async () => {
    await go(secretary, '招募志愿者');
    const card = secretary.getByTestId('call-card').filter({ hasText: '下沉党员报到（测试）' });
    await card.getByText('已报名 1 人').waitFor();
    await card.getByRole('button', { name: '结束招募' }).click();
    await (await settledDialog(secretary)).getByRole('button', { name: '结束招募' }).click();
    await card.getByText('已结束', { exact: true }).waitFor();

    await volunteer.goto(joinLink);
    await volunteer.getByRole('heading', { name: '这次招募已经结束' }).waitFor();
    expect(await volunteer.getByRole('button', { name: '提交报名' }).count()).toBe(0);
    await expectAccessible(volunteer);
  });
});
