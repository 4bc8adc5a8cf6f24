// Volunteer and shift pages for screenshots.ts: calls and the poster, the public registration,
// the roster and its decisions, groups, shifts as the secretary and as a volunteer.
import { type Page, request } from 'playwright-core';
import { animationsDone, visibleText } from './browser.ts';

type Shoot = (page: Page, name: string, fullPage?: boolean) => Promise<void>;

const day = (offset: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + offset * 86_400_000),
  );
const at = (dayOffset: number, time: string) => new Date(`${day(dayOffset)}T${time}:00+08:00`).toISOString();

async function signIn(page: Page, baseUrl: string, username: string) {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名或手机号').fill(username);
  await page.getByLabel('密码', { exact: true }).fill('linli-demo');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByTestId('headline-volunteers').waitFor();
}

/** The API as the signed-in page, with its CSRF token. */
async function api(page: Page, baseUrl: string) {
  const { session } = await (await page.request.get(`${baseUrl}/api/session`)).json();
  const base = `${baseUrl}/api/communities/${session.memberships[0].communityId}`;
  const headers = { 'x-csrf-token': session.csrfToken };
  return {
    get: async (path: string) => (await page.request.get(`${base}/${path}`)).json(),
    post: async (path: string, data: unknown) =>
      (await page.request.post(`${base}/${path}`, { headers, data })).json(),
  };
}

/** Registrations as strangers send them: each from its own cookie jar, as each signs its sender in. */
async function register(baseUrl: string, path: string, mobile: string, name: string, extra: object = {}) {
  const stranger = await request.newContext({ baseURL: baseUrl });
  const body = {
    name,
    mobile,
    password: 'volunteer-pw',
    buildingCode: '12',
    room: '1203',
    partyMember: true,
    ageBand: '30-44',
    skills: [],
    vehicles: [],
    ...extra,
  };
  await stranger.post(`/api${path}`, { headers: { 'x-csrf-token': '1' }, data: body });
  await stranger.dispose();
}

async function planShifts(page: Page, baseUrl: string) {
  const linli = await api(page, baseUrl);
  // The other screen size's run made them (the demo's own parcel shifts are there from the seed).
  const planned: { title: string }[] = (await linli.get('shifts')).items;
  if (planned.some((s) => s.title === '早班快递')) return;
  const groups: { id: string; key: string }[] = (await linli.get('groups')).items;
  const group = (key: string) => groups.find((g) => g.key === key)!.id;
  const opensNow = { signupOpensAt: new Date(Date.now() - 60_000).toISOString() };
  await linli.post('shifts', {
    groupId: group('parcels'),
    title: '早班快递',
    capacity: 1,
    roles: [
      { role: '分拣', capacity: 1 },
      { role: '骑车配送', capacity: 2 },
    ],
    startsAt: at(1, '08:00'),
    endsAt: at(1, '11:00'),
    signupClosesAt: at(1, '08:00'),
    ...opensNow,
  });
  await linli.post('shifts', {
    groupId: group('parcels'),
    capacity: 3,
    startsAt: at(1, '14:00'),
    endsAt: at(1, '17:00'),
    signupClosesAt: at(1, '14:00'),
    ...opensNow,
  });
  await linli.post('shifts', {
    groupId: group('testing'),
    title: '第17轮核酸 扫码',
    capacity: 6,
    startsAt: at(2, '06:30'),
    endsAt: at(2, '10:00'),
    signupOpensAt: at(1, '20:00'),
    signupClosesAt: at(2, '06:00'),
  });
}

export async function captureVolunteers(page: Page, baseUrl: string, size: string, shoot: Shoot) {
  const prefix = size === 'phone' ? '1370001' : '1370002';
  await page.goto(`${baseUrl}/volunteer-calls`);
  const title = `下沉党员报到（${size === 'phone' ? '手机' : '电脑'}）`;
  await page.getByLabel('招募名称').fill(title);
  await page.getByRole('button', { name: '发起招募' }).click();
  const card = page.getByTestId('call-card').filter({ hasText: title });
  const link = await visibleText(card.getByTestId('call-link'));
  await page.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));
  await page.getByText('已发起招募').waitFor({ state: 'detached' });
  await shoot(page, `${size}-volunteer-calls`);
  await card.getByRole('link', { name: '打印海报' }).click();
  await page.waitForFunction(
    () => (document.querySelector('.poster-qr') as HTMLImageElement | null)?.complete,
  );
  await shoot(page, `${size}-poster`);
  await page.emulateMedia({ media: 'print' });
  await shoot(page, `${size}-poster-print`);
  await page.emulateMedia({ media: 'screen' });

  const path = new URL(link).pathname;
  await register(baseUrl, path, `${prefix}0001`, '周志远', {
    skills: ['driving'],
    vehicles: ['tricycle'],
    workplace: '区级机关',
    note: '只能在周末值班',
  });
  await register(baseUrl, path, `${prefix}0002`, '钱慧敏', {
    skills: ['medical'],
    ageBand: '45-59',
    partyMember: false,
  });
  await register(baseUrl, path, `${prefix}0003`, '孙浩', {
    vehicles: ['e_bike', 'hand_cart'],
    ageBand: '18-29',
  });
  await page.goto(`${baseUrl}/volunteers?status=pending&q=${prefix}`);
  await page.getByText('共 3 人').waitFor();
  await shoot(page, `${size}-volunteers-pending`);
  for (const name of ['周志远', '孙浩']) await page.getByRole('checkbox', { name: new RegExp(name) }).check();
  await page.getByRole('button', { name: '批准并分组' }).click();
  await page.getByRole('dialog').getByText('快递组', { exact: true }).click();
  await animationsDone(page);
  await shoot(page, `${size}-volunteers-approve`, false);
  await page.getByRole('dialog').getByRole('button', { name: '批准' }).click();
  await page.getByText('共 1 人').waitFor();

  await page.goto(`${baseUrl}/volunteers?status=approved&q=${prefix}`);
  await page.getByRole('switch', { name: '显示工作单位' }).click();
  await page.getByText('区级机关').waitFor();
  await shoot(page, `${size}-volunteers-approved`);
  await page.getByRole('button', { name: '设置小组' }).first().click();
  await animationsDone(page);
  await shoot(page, `${size}-volunteer-groups`, false);
  await page.keyboard.press('Escape');

  await page.goto(`${baseUrl}/groups`);
  await page.getByTestId('group-parcels').waitFor();
  await shoot(page, `${size}-groups`);

  await planShifts(page, baseUrl);
  await page.goto(`${baseUrl}/shifts`);
  await page.getByText('早班快递').waitFor();
  await shoot(page, `${size}-shifts`);
  await page.getByRole('button', { name: '新建班次' }).click();
  await animationsDone(page);
  await shoot(page, `${size}-shift-create`, false);
  await page.keyboard.press('Escape');

  // The registration page as a stranger sees it, in both languages.
  await page.context().clearCookies();
  await page.goto(link);
  await page.getByRole('button', { name: '提交报名' }).click();
  await page.getByText('请输入姓名').waitFor();
  await shoot(page, `${size}-join`);
  await page.getByRole('button', { name: '切换语言：English' }).click();
  await page.getByRole('button', { name: 'Register' }).waitFor();
  await shoot(page, `${size}-join-en`);
  await page.getByRole('button', { name: 'Switch language: 中文' }).click();
  await register(baseUrl, path, `${prefix}0009`, '李新');
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名或手机号').fill(`${prefix}0009`);
  await page.getByLabel('密码', { exact: true }).fill('volunteer-pw');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByTestId('application-status').waitFor();
  await shoot(page, `${size}-application-pending`);

  // v001 leads the parcels group: signs up, and sees the shifts as a volunteer does.
  await signIn(page, baseUrl, 'v001');
  await shoot(page, `${size}-home-volunteer`);
  await page.goto(`${baseUrl}/shifts`);
  const early = page.getByTestId('shift-card').filter({ hasText: '早班快递' });
  await early.waitFor();
  const sort = early.getByRole('button', { name: '报名：分拣' });
  if (await sort.isVisible()) {
    await sort.click();
    await early.getByTestId('shift-mine').waitFor();
  }
  await page.getByText(/^报名成功/).waitFor({ state: 'detached' });
  await shoot(page, `${size}-shifts-volunteer`);
  await page.goto(`${baseUrl}/my-shifts`);
  await page.getByTestId('my-signup').first().waitFor();
  await shoot(page, `${size}-my-shifts`);

  await signIn(page, baseUrl, 'secretary');
}
