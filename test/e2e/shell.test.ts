import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateTime } from '../../src/web/lib/time.ts';
import { type Browser, openBrowser, seriousA11yViolations, visibleText } from './browser.ts';
import { type RunningServer, startServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await openBrowser();
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const text = (testId: string) => visibleText(page.getByTestId(testId));
const expectAccessible = async () => expect(await seriousA11yViolations(page)).toEqual([]);

/** The demo's first audit entry, straight from the API with the browser's session. */
async function seedEntry(): Promise<{ at: string }> {
  const communities = await (await page.request.get(`${server.baseUrl}/api/communities`)).json();
  const id: string = communities.items[0].id;
  const audit = await (
    await page.request.get(`${server.baseUrl}/api/communities/${id}/audit?action=community.seed`)
  ).json();
  return audit.items[0];
}

async function signIn(
  username: string,
  password: string,
  labels = { user: '用户名或手机号', pass: '密码', submit: '登录' },
) {
  await page.getByLabel(labels.user).fill(username);
  await page.getByLabel(labels.pass, { exact: true }).fill(password);
  await page.getByRole('button', { name: labels.submit, exact: true }).click();
}

describe('sign-in and the app shell', () => {
  it('sends a signed-out visitor to the sign-in page, in Chinese, with the demo banner', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.waitForURL('**/login');
    await page.getByRole('heading', { name: '登录' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.getByText('演示数据').first().isVisible()).toBe(true);
    expect(await page.getByText('linli-demo').isVisible()).toBe(true);
    await expectAccessible();
  });

  it('serves the app shell for its own routes, but a missing built file as a clear 404', async () => {
    const route = await page.request.get(`${server.baseUrl}/parcels/anything`);
    expect([route.status(), route.headers()['content-type']]).toEqual([
      200,
      expect.stringContaining('text/html'),
    ]);
    // A page left open across an upgrade asks for files that are gone: HTML in their place would
    // fail as a script with no word of why.
    const gone = await page.request.get(`${server.baseUrl}/assets/index-gone.js`);
    expect([gone.status(), (await gone.json()).error.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
  });

  it('shows a wrong password as a Chinese error and stays on the sign-in page', async () => {
    await signIn('secretary', 'not-the-password');
    const alert = page.getByRole('alert').filter({ hasText: '用户名或密码不正确' });
    await alert.waitFor();
    expect(page.url()).toMatch(/\/login$/);
    await expectAccessible();
  });

  it('signs in and shows the real "2+6+280" figures and registry counts', async () => {
    await signIn('secretary', 'linli-demo');
    await page.getByTestId('headline-volunteers').waitFor();
    expect(await text('headline-cadres')).toMatch(/^2\s+居委干部$/);
    expect(await text('headline-social-workers')).toMatch(/^6\s+社工$/);
    expect(await text('headline-volunteers')).toMatch(/^280\s+志愿者$/);
    expect(await text('registry-buildings')).toMatch(/^楼栋\s+125$/);
    expect(await text('registry-households')).toMatch(/^户数\s+2194$/);
    expect(await text('group-parcels')).toMatch(/^快递组\s+\d+$/);
    expect(await visibleText(page.getByRole('heading', { level: 1 }))).toBe('歌林春天');
    await expectAccessible();
  });

  it('switches to English, saves the choice, and keeps it after a reload', async () => {
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH',
    );
    await page.getByRole('button', { name: '切换语言：English' }).click();
    expect((await saved).status()).toBe(200);
    expect(await text('headline-cadres')).toMatch(/^2\s+Committee cadres$/);
    expect(await text('group-parcels')).toMatch(/^Parcels\s+\d+$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.reload();
    await page.getByTestId('headline-volunteers').waitFor();
    expect(await text('headline-volunteers')).toMatch(/^280\s+Volunteers$/);
    expect(await text('registry-households')).toMatch(/^Households\s+2194$/);
    await expectAccessible();
  });

  it('opens the audit log with times in the community time zone', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL('**/audit');
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Demo community seeded' });
    await row.waitFor();
    const seeded = await seedEntry();
    expect(await visibleText(row)).toContain(formatDateTime(seeded.at, 'Asia/Shanghai', 'en'));
    expect(await page.getByText('Asia/Shanghai').isVisible()).toBe(true);
    await expectAccessible();
  });

  it('filters the audit log by date and resets the filter', async () => {
    await page.getByLabel('From date').fill('2099-01-01');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('No entries match').waitFor();
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.getByRole('row').filter({ hasText: 'Demo community seeded' }).waitFor();
  });

  it('signs out to the sign-in page, which still speaks English', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/login');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.goto(`${server.baseUrl}/audit`);
    await page.waitForURL('**/login');
    await signIn('secretary', 'wrong', {
      user: 'Username or mobile number',
      pass: 'Password',
      submit: 'Sign in',
    });
    await page.getByRole('alert').filter({ hasText: 'The username or password is incorrect.' }).waitFor();
    await expectAccessible();
  });

  it('says so in the UI language when the server cannot be reached', async () => {
    // no signal: every API call fails before it reaches the server
    await page.context().setOffline(true);
    try {
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: 'Cannot reach the server' }).waitFor();
    } finally {
      await page.context().setOffline(false);
    }
  });
});

describe('a busy button', () => {
  it('drops its spinner the moment the answer comes, however fast it comes', async () => {
    const fresh = await openBrowser({ width: 390, height: 844 });
    try {
      const p = await fresh.context.newPage();
      await p.goto(`${server.baseUrl}/login`);
      // Answered before the spinner has finished appearing: antd's own spinner then waited, for ever,
      // for a transition out that never ran, and the button kept a spinner and the name "loading".
      await p.route('**/api/session', (route) =>
        route.request().method() === 'POST'
          ? route.fulfill({
              status: 401,
              contentType: 'application/json',
              body: JSON.stringify({ error: { code: 'INVALID_CREDENTIALS', message: 'no' } }),
            })
          : route.fallback(),
      );
      await p.getByLabel('用户名或手机号').fill('r0001');
      await p.getByLabel('密码', { exact: true }).fill('wrong-password');
      const button = p.getByRole('button', { name: '登录', exact: true });
      for (let i = 0; i < 12; i++) {
        await button.click({ timeout: 3_000 });
        await expect.poll(() => button.locator('.anticon-loading').count(), { timeout: 3_000 }).toBe(0);
      }
    } finally {
      await fresh.close();
    }
  });
});
