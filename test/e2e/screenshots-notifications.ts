// The bell and the notifications page, at phone and desktop sizes, for a human look.
// Run: npm run build:web && npx tsx test/e2e/screenshots-notifications.ts
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { animationsDone, openBrowser, seriousA11yViolations } from './browser.ts';
import { startServer } from './harness.ts';

const OUT = path.resolve('screenshots');
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
  const { session } = await (await page.request.get(`${baseUrl}/api/session`)).json();
  const base = `${baseUrl}/api/communities/${session.memberships[0].communityId}`;
  const headers = { 'x-csrf-token': session.csrfToken };
  return {
    get: async (p: string) => (await page.request.get(`${base}/${p}`)).json(),
    post: async (p: string, data: unknown) =>
      (await page.request.post(`${base}/${p}`, { headers, data })).json(),
    del: (p: string) => page.request.delete(`${base}/${p}`, { headers }),
  };
}

/** Two shifts v002 gives back, so v001 moves up from the waitlist twice and is told twice. */
async function makeNotices(page: Page, baseUrl: string) {
  const secretary = await signIn(page, baseUrl, 'secretary');
  const parcels = (await secretary.get('groups')).items.find((g: { key: string }) => g.key === 'parcels').id;
  const shifts = [];
  for (const [title, start, end] of [
    ['早班快递', '08:00', '11:00'],
    ['午班快递', '14:00', '17:00'],
  ]) {
    shifts.push(
      await secretary.post('shifts', {
        groupId: parcels,
        title,
        capacity: 1,
        startsAt: at(1, start!),
        endsAt: at(1, end!),
        signupOpensAt: new Date(Date.now() - 60_000).toISOString(),
        signupClosesAt: at(1, start!),
      }),
    );
  }
  const v002 = await signIn(page, baseUrl, 'v002');
  const places = [];
  for (const s of shifts) places.push(await v002.post(`shifts/${s.id}/signups`, {}));
  const v001 = await signIn(page, baseUrl, 'v001');
  for (const s of shifts) await v001.post(`shifts/${s.id}/signups`, { waitlist: true });
  const v002Again = await signIn(page, baseUrl, 'v002'); // a new session, with a new CSRF token
  for (const p of places) await v002Again.del(`signups/${p.id}`);
  await page.waitForTimeout(2500); // the worker delivers within a second or two
}

async function shoot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await animationsDone(page);
  const problems = await seriousA11yViolations(page);
  if (problems.length) console.error(name, problems);
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
}

const server = await startServer();
fs.mkdirSync(OUT, { recursive: true });
try {
  for (const [size, viewport] of [
    ['phone', { width: 390, height: 844 }],
    ['desktop', { width: 1366, height: 900 }],
  ] as const) {
    const browser = await openBrowser(viewport);
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    if (size === 'phone') await makeNotices(page, server.baseUrl);
    await signIn(page, server.baseUrl, 'v001');
    await page.getByTestId('notification-bell').waitFor();
    await shoot(page, `${size}-bell`);
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification').first().waitFor();
    await shoot(page, `${size}-notifications`);
    if (size === 'phone') {
      await page.getByTestId('notification').last().click();
      await page.getByTestId('my-signup').first().waitFor();
      await page.goto(`${server.baseUrl}/notifications`);
      await page.getByText('1 条未读').waitFor();
      await shoot(page, `${size}-notifications-one-read`);
      await page.getByRole('button', { name: '切换语言：English' }).click();
      await page.getByText('1 unread').waitFor();
      await page.getByText('You have a place', { exact: false }).first().waitFor();
      await shoot(page, `${size}-notifications-en`);
      await page.getByRole('button', { name: 'Switch language: 中文' }).click();
      await page.getByText('1 条未读').waitFor();
    }
    await browser.close();
  }
} finally {
  await server.stop();
}
