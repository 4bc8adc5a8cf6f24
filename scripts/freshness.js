// Whether a build output is newer than every file it is made from.
import fs from 'node:fs';
import path from 'node:path';

export function newestMtime(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

export function isFresh(output, sources) {
  if (!fs.existsSync(output)) return false;
  const builtAt = fs.statSync(output).mtimeMs;
  return sources.every((source) => newestMtime(source) < builtAt);
}

export const SERVER_BUNDLE = 'dist/server/main.js';
export const SERVER_SOURCES = ['src/server', 'src/cli', 'src/shared', 'src/domain', 'package-lock.json'];
export const WEB_INDEX = 'dist/web/index.html';
export const WEB_SOURCES = ['src/web', 'src/shared', 'vite.config.ts', 'package-lock.json'];
