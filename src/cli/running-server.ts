// The running server holds the embedded database (data-dir-lock.ts); a CLI command that must read it
// then asks that server, through the local-only admin routes of platform/admin-backup.ts.
import fs from 'node:fs';
import path from 'node:path';
import type { DataDirLockedError } from '../server/db/data-dir-lock.ts';
import { ADMIN_FILE, type AdminFile } from '../server/platform/admin-backup.ts';

/** A refusal the operator can act on: a message on stderr and exit code 2. */
export class Refusal extends Error {}

export async function askRunningServer(
  dataDir: string,
  routePath: string,
  lock: DataDirLockedError,
): Promise<Response> {
  let admin: AdminFile;
  try {
    admin = JSON.parse(fs.readFileSync(path.join(dataDir, ADMIN_FILE), 'utf8'));
  } catch {
    throw new Refusal(
      `${lock.message} That process does not offer this command: stop it and run the command again.`,
    );
  }
  const res = await fetch(`${admin.url}${routePath}`, {
    headers: { authorization: `Bearer ${admin.token}` },
  }).catch((err: Error) => {
    throw new Error(`cannot reach the running Linli (process ${admin.pid}) at ${admin.url}: ${err.message}`);
  });
  return res;
}
