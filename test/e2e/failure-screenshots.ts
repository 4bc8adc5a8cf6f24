import fs from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openContexts } from './browser.ts';

// A failed step is far quicker to understand from what the pages showed than from a timeout alone
// (CI keeps the directory; E2E_FAILURE_DIR moves it).
const dir = process.env.E2E_FAILURE_DIR ?? path.resolve('test-results/e2e-failures');

afterEach(async (context) => {
  if (context.task.result?.state !== 'fail') return;
  fs.mkdirSync(dir, { recursive: true });
  const name = context.task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80);
  let n = 0;
  for (const browser of openContexts) {
    for (const page of browser.pages()) {
      if (page.url() === 'about:blank') continue;
      const file = path.join(dir, `${name}-${++n}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => {});
      console.error(`screenshot of a failed step: ${file} (${page.url()})`);
    }
  }
});
