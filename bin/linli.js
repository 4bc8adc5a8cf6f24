#!/usr/bin/env node
// Runs the server bundle when it is up to date with the sources (faster start), and the
// TypeScript sources directly through tsx otherwise, so a stale bundle can never run.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cwd = process.cwd();
process.chdir(root);
const { isFresh, SERVER_BUNDLE, SERVER_SOURCES } = await import('../scripts/freshness.js');
const useBundle = isFresh(SERVER_BUNDLE, SERVER_SOURCES);
process.chdir(cwd);

if (useBundle) {
  await import(pathToFileURL(path.join(root, SERVER_BUNDLE)).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
