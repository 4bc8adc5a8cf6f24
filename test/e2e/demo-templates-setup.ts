// Vitest global setup of the browser tests: a folder for this run's demo templates (demo-templates.ts),
// with the two the test files use seeded at once, side by side; removed when the run ends.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoTemplate, TEMPLATES_ENV } from './demo-templates.ts';

export default async function setup() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-e2e-templates-'));
  process.env[TEMPLATES_ENV] = root;
  try {
    await Promise.all([demoTemplate(root, {}), demoTemplate(root, { LINLI_DEMO_PARCELS: '0' })]);
  } catch (err) {
    fs.rmSync(root, { recursive: true, force: true });
    throw err;
  }
  return () => fs.rmSync(root, { recursive: true, force: true });
}
