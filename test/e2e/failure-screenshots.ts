import fs from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { runningServerOutputs } from '../../src/cli/process-helpers.ts';
import { openContexts, pageInFlight, pageTrouble } from './browser.ts';

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
      const shown = await page
        .locator('body')
        // biome-ignore lint/performance/useDomNodeTextContent: what a person saw, not the DOM's text.
        .innerText({ timeout: 2_000 })
        .catch(() => '(no text)');
      console.error(`what the page showed:\n${shown.replace(/\n+/g, ' | ').slice(0, 1_500)}`);
      const trouble = pageTrouble.get(page) ?? [];
      if (trouble.length > 0) console.error(`what went wrong on the page:\n${trouble.join('\n')}`);
      // A button stuck "loading" or a field's lost name shows here, where the visible text hides it.
      const tree = await page
        .locator('main')
        .first()
        .ariaSnapshot({ timeout: 2_000 })
        .catch(() => '(no tree)');
      console.error(`the page's accessibility tree (main):\n${tree.slice(0, 2_000)}`);
      const waiting = [...(pageInFlight.get(page) ?? new Map()).entries()]
        .filter(([r]) => !r.url().endsWith('/events'))
        .map(([r, at]) => `${r.method()} ${r.url()} for ${Date.now() - at} ms`);
      if (waiting.length > 0) console.error(`requests still unanswered:\n${waiting.join('\n')}`);
    }
  }
  for (const output of runningServerOutputs) {
    const text = output().trim();
    if (text) console.error(`what the server said (last part):\n${text.slice(-3_000)}`);
  }
});
