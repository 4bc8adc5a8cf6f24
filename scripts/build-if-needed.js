#!/usr/bin/env node
// `npm start` builds the web app and the server bundle only when their sources changed,
// so that a later start takes seconds rather than a full build.
import { spawnSync } from 'node:child_process';
import { isFresh, SERVER_BUNDLE, SERVER_SOURCES, WEB_INDEX, WEB_SOURCES } from './freshness.js';

function run(what, command, args) {
  console.log(`Building ${what}…`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!isFresh(WEB_INDEX, WEB_SOURCES)) {
  run('the web app', 'npx', ['vite', 'build', '--config', 'vite.config.ts', '--logLevel', 'warn']);
}
if (!isFresh(SERVER_BUNDLE, SERVER_SOURCES)) {
  run('the server', 'npx', [
    'esbuild', 'src/cli/main.ts', '--bundle', '--platform=node', '--format=esm', '--packages=external',
    `--outfile=${SERVER_BUNDLE}`, '--log-level=warning',
  ]);
}
