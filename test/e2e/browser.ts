import AxeBuilder from '@axe-core/playwright';
import axe from 'axe-core';
import {
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
  type Browser as PwBrowser,
  type Request,
} from 'playwright-core';

export interface Browser {
  context: BrowserContext;
  close: () => Promise<void>;
}

/** Every browser a test file has open, so a failure can show what each page looked like. */
export const openContexts = new Set<BrowserContext>();

/**
 * The last things each page said or asked that went wrong (console errors, failed and 5xx requests,
 * slow answers), printed with a failed step: a CI log has no screenshots to look at.
 */
export const pageTrouble = new WeakMap<Page, string[]>();
/** Requests each page has sent and not yet had answered (or failed), with when they were sent. */
export const pageInFlight = new WeakMap<Page, Map<Request, number>>();
/** What the server's Content-Security-Policy blocked on a page, as Chromium reports it. */
const cspBlocked = new WeakMap<Page, string[]>();
const SLOW_MS = 3_000;

function watchPage(page: Page) {
  const lines: string[] = [];
  pageTrouble.set(page, lines);
  const note = (line: string) => {
    lines.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
    if (lines.length > 30) lines.shift();
  };
  const started = new WeakMap<object, number>();
  const blocked: string[] = [];
  cspBlocked.set(page, blocked);
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning')
      note(`console ${m.type()}: ${m.text().slice(0, 300)}`);
    if (m.text().includes('Content Security Policy')) blocked.push(m.text().slice(0, 300));
  });
  page.on('pageerror', (e) => note(`page error: ${e.message.slice(0, 300)}`));
  const inFlight = new Map<Request, number>();
  pageInFlight.set(page, inFlight);
  page.on('request', (r) => {
    started.set(r, Date.now());
    inFlight.set(r, Date.now());
  });
  page.on('requestfinished', (r) => inFlight.delete(r));
  page.on('requestfailed', (r) => {
    inFlight.delete(r);
    note(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  page.on('response', (r) => {
    const ms = Date.now() - (started.get(r.request()) ?? Date.now());
    if (r.status() >= 500 || ms > SLOW_MS)
      note(`${r.status()} after ${ms} ms: ${r.request().method()} ${r.url()}`);
  });
}

/** How Debian's Chromium is started for the browser tests (and the screenshot scripts). */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--lang=zh-CN',
  ],
};
/** Where the run's one Chromium listens (chromium-setup.ts); without it a process starts its own. */
export const CHROMIUM_WS_ENV = 'LINLI_E2E_CHROMIUM_WS';

// One Chromium serves every browser a process opens, each a fresh context (its own cookies, storage
// and cache, as a throwaway profile had): starting Chromium took about two seconds, and the suite
// opened seventy.
let chromiumInUse: Promise<PwBrowser> | undefined;
let contextsOpen = 0;
const sharedChromium = () => {
  chromiumInUse ??= process.env[CHROMIUM_WS_ENV]
    ? chromium.connect(process.env[CHROMIUM_WS_ENV]!)
    : chromium.launch(CHROMIUM_LAUNCH);
  return chromiumInUse;
};

/** A fresh browser context in zh-CN: no cookie or stored language leaks between tests or runs. */
export async function openBrowser(viewport = { width: 1366, height: 900 }): Promise<Browser> {
  contextsOpen++;
  const chromiumNow = await sharedChromium();
  const context = await chromiumNow
    .newContext({
      viewport,
      locale: 'zh-CN',
      // Not the community's zone, so a time shown in the browser's zone by mistake would be caught.
      timezoneId: 'America/New_York',
    })
    .catch((err) => {
      contextsOpen--;
      throw err;
    });
  openContexts.add(context);
  context.on('page', watchPage);
  return {
    context,
    close: async () => {
      openContexts.delete(context);
      await context.close();
      // The last one closed lets go of Chromium (a script's process can then end).
      if (--contextsOpen === 0 && chromiumInUse) {
        chromiumInUse = undefined;
        await chromiumNow.close();
      }
    },
  };
}

/**
 * Accessibility problems that block someone (axe impact serious or critical), as readable lines.
 * axe runs inside the page itself, injected once per document: AxeBuilder's frame-by-frame run
 * finishes in a fresh page and costs about a second a call, which over the suite's ~150 checks was
 * minutes of CI. Our pages have no iframes; a page that has one is checked frame by frame anyway.
 */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  await animationsDone(page);
  const violations =
    (await page.locator('iframe').count()) > 0
      ? (await new AxeBuilder({ page }).analyze()).violations
      : await axeInPage(page);
  // Every page a test checks also runs under the server's Content-Security-Policy without a violation.
  const csp = (cspBlocked.get(page) ?? []).map((line) => `content security policy: ${line}`);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    .concat(csp);
}

type Violation = axe.AxeResults['violations'][number];

async function axeInPage(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return page.evaluate(
    async () =>
      (await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }))
        .violations,
  );
}

/** The text as rendered for a person (innerText), not the raw DOM text. */
export function visibleText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the tests assert on what a person sees.
  return locator.innerText();
}

/**
 * Waits until drawers, dialogs and messages have finished sliding and fading in or out: axe measures
 * colour contrast as rendered, and half-faded text fails it. antd's motion first puts its classes on
 * (…-appear-prepare/-start/-active, -enter-…, -leave-…) and only then starts the CSS transition, so
 * both the classes and the running animations are waited for. Endless animations (spinners) are ignored.
 */
export async function animationsDone(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () =>
        new Promise<boolean>((resolve) =>
          // two frames: a click's motion classes are on by then
          requestAnimationFrame(() =>
            requestAnimationFrame(() =>
              resolve(!document.querySelector('[class*="-appear-"], [class*="-enter-"], [class*="-leave-"]')),
            ),
          ),
        ),
      null,
      { timeout: 5_000 },
    )
    .catch(() => {});
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

/** Signs a demo account in through the sign-in page (every demo account's password is linli-demo). */
export async function signInAs(page: Page, baseUrl: string, username: string, password = 'linli-demo') {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名或手机号').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** Once the page has settled: no serious or critical axe violations. */
export async function a11yProblemsOnceSettled(page: Page): Promise<string[]> {
  await animationsDone(page);
  return seriousA11yViolations(page);
}
