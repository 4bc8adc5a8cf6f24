// Vitest global setup of the browser tests: one Chromium for the whole run. Each test file connects to
// it and opens fresh contexts (browser.ts openBrowser) instead of starting Chromium for every browser.
import { chromium } from 'playwright-core';
import { CHROMIUM_LAUNCH, CHROMIUM_WS_ENV } from './browser.ts';

export default async function setup() {
  const server = await chromium.launchServer(CHROMIUM_LAUNCH);
  process.env[CHROMIUM_WS_ENV] = server.wsEndpoint();
  return () => server.close();
}
