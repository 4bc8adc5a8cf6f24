import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The server runs from its sources (through tsx) or from a bundle in dist/server;
// files it reads at run time are found from the package root, which both can reach.
function findProjectRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));
export const migrationsFolder = path.join(projectRoot, 'src/server/db/migrations');
export const packageJsonPath = path.join(projectRoot, 'package.json');
