// The fair draw at phone size, for a human look: a draw-mode shift taking requests, a draw made at a
// close a few seconds away, the result as a volunteer and as the leader sees it, and the form's mode.
// Run: npx vite build --outDir /tmp/draw-web && LINLI_WEB_DIR=/tmp/draw-web npx tsx test/e2e/screenshots-draw.ts
import fs from 'node:fs';
import path from 'node:path';
import { type Locator, type Page, request } from 'playwright-core';
import { animationsDone, openBrowser, seriousA11yViolations } from './browser.ts';
import { startServer } from './harness.ts';

const OUT = path.resolve(process.env.SHOTS_DIR || 'screenshots');
const day = (offset: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + offset * 86_400_000),
  );
const at = (dayOffset: number, time: string) => new Date(`${day(dayOffset)}T${time}:00+08:00`).toISOString();
const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

async function shoot(page: Page, name: string, fullPage = true) {
  await page.waitForLoadState('networkidle');
  for (const problem of await seriousA11yViolations(page)) console.warn(`${name}: ${problem}`);
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log(file);
}

/** One card, as the eye takes it in on the phone (the whole list is many screens long). */
async function shootCard(card: Locator, name: string) {
  await card.page().waitForLoadState('networkidle');
  for (const problem of await seriousA11yViolations(card.page())) console.warn(`${name}: ${problem}`);
  const file = path.join(OUT, `${name}.png`);
  await card.screenshot({ path: file });
  console.log(file);
}

/** A volunteer's own API session, as their phone would have it. */
async function apiAs(baseUrl: string, username: string) {
  const ctx = await request.newContext({ baseURL: baseUrl });
  const res = await ctx.post('/api/session', {
    headers: { 'x-csrf-token': '1' },
    data: { username, password: 'linli-demo' },
  });
  const { session } = await res.json();
  const base = `/api/communities/${session.memberships[0].communityId}`;
  const headers = { 'x-csrf-token': session.csrfToken };
  return {
    get: async (p: string) => (await ctx.get(`${base}/${p}`)).json(),
    post: async (p: string, data: unknown = {}) => (await ctx.post(`${base}/${p}`, { headers, data })).json(),
    dispose: () => ctx.dispose(),
  };
}

async function signIn(page: Page, baseUrl: string, username: string) {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名或手机号').fill(username);
  await page.getByLabel('密码', { exact: true }).fill('linli-demo');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByTestId('headline-volunteers').waitFor();
}

fs.mkdirSync(OUT, { recursive: true });
const server = await startServer();
const browser = await openBrowser({ width: 390, height: 844 });
try {
  const { baseUrl } = server;
  const leader = await apiAs(baseUrl, 'v001');
  const groups: { id: string; key: string }[] = (await leader.get('groups')).items;
  const parcels = groups.find((g) => g.key === 'parcels')!.id;
  const opensNow = { signupOpensAt: inMinutes(-1), mode: 'draw', groupId: parcels };
  const open = await leader.post('shifts', {
    ...opensNow,
    title: '早班快递（抽签）',
    capacity: 3,
    startsAt: at(1, '08:00'),
    endsAt: at(1, '11:00'),
    signupClosesAt: at(0, '23:00'),
  });
  const soon = await leader.post('shifts', {
    ...opensNow,
    title: '晚班快递（抽签）',
    capacity: 3,
    startsAt: inMinutes(240),
    endsAt: inMinutes(420),
    signupClosesAt: inMinutes(0.75),
  });
  for (const n of [1, 3, 4, 5, 6, 7, 8, 9]) {
    const v = await apiAs(baseUrl, `v${String(n).padStart(3, '0')}`);
    await v.post(`shifts/${soon.id}/signups`);
    if (n > 4) await v.post(`shifts/${open.id}/signups`);
    await v.dispose();
  }

  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await signIn(page, baseUrl, 'v002');
  await page.goto(`${baseUrl}/shifts`);
  const card = page.getByTestId('shift-card').filter({ hasText: '早班快递（抽签）' });
  await card.waitFor();
  await shootCard(card, 'draw-phone-card-open');
  await card.getByRole('button', { name: /申请名额/ }).click();
  await card.getByTestId('shift-mine').waitFor();
  await page.getByText(/^已申请/).waitFor({ state: 'detached' });
  await shootCard(card, 'draw-phone-card-requested');

  // v003 requested the shift that closes in seconds; the server draws it on its own.
  await signIn(page, baseUrl, 'v003');
  for (let i = 0; i < 60; i++) {
    if ((await leader.get(`shifts/${soon.id}/draw`)).status === 'drawn') break;
    await page.waitForTimeout(1_000);
  }
  await page.goto(`${baseUrl}/shifts`);
  const drawn = page.getByTestId('shift-card').filter({ hasText: '晚班快递（抽签）' });
  await drawn.getByTestId('shift-mine').waitFor();
  await shootCard(drawn, 'draw-phone-card-drawn');
  await drawn.getByRole('button', { name: '查看抽签结果' }).click();
  await page.getByTestId('draw-seed').waitFor();
  await animationsDone(page);
  await shoot(page, 'draw-phone-result-volunteer', false);
  await page
    .getByRole('dialog')
    .locator('.ant-drawer-body')
    .evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await shoot(page, 'draw-phone-result-volunteer-list', false);
  await page.keyboard.press('Escape');

  await signIn(page, baseUrl, 'v001');
  await page.goto(`${baseUrl}/shifts?draw=${soon.id}`);
  await page.getByTestId('draw-seed').waitFor();
  await animationsDone(page);
  await page
    .getByRole('dialog')
    .locator('.ant-drawer-body')
    .evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await shoot(page, 'draw-phone-result-leader', false);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '新建班次' }).click();
  await page.getByText('截止时抽签').click();
  await page.getByText('报名期间只收申请').scrollIntoViewIfNeeded();
  await animationsDone(page);
  await shoot(page, 'draw-phone-form', false);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: '切换语言：English' }).click();
  await page.getByText('Request a place', { exact: false }).first().waitFor();
  const en = page.getByTestId('shift-card').filter({ hasText: '早班快递（抽签）' });
  await shootCard(en, 'draw-phone-card-en');
  await page
    .getByTestId('shift-card')
    .filter({ hasText: '晚班快递（抽签）' })
    .getByRole('button', { name: 'See the draw' })
    .click();
  await page.getByTestId('draw-seed').waitFor();
  await animationsDone(page);
  await shoot(page, 'draw-phone-result-en', false);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Switch language: 中文' }).click();
  await page.waitForLoadState('networkidle');
  await leader.dispose();
} finally {
  await browser.close();
  await server.stop();
}
