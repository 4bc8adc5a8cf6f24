import fs from 'node:fs';
import path from 'node:path';
import { startLinli, stopLinli } from '../../src/cli/process-helpers.ts';
import { demoDataDir } from './demo-templates.ts';

export interface RunningServer {
  baseUrl: string;
  stop: () => Promise<void>;
}

/** Starts the real server (`linli serve`) on a fresh embedded database holding the demo (a copy). */
/** `env` adds settings for the server, e.g. LINLI_DEMO_PARCELS=0 for a gate with no parcels yet. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  if (!fs.existsSync(path.resolve('dist/web/index.html'))) {
    throw new Error('dist/web is missing: run `npm run build` first (npm run test:e2e does)');
  }
  const dataDir = await demoDataDir(env, 'linli-e2e-', true);
  const removeDataDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  try {
    const server = await startLinli({ LINLI_DATA_DIR: dataDir, DATABASE_URL: '', ...env });
    return {
      baseUrl: server.url,
      stop: async () => {
        await stopLinli(server.child);
        removeDataDir();
      },
    };
  } catch (err) {
    removeDataDir();
    throw err;
  }
}
