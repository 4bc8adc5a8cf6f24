// A demo server with one published testing round (round creation is tested on its own), written into
// a copy of the demo's embedded database before the server starts: the gate test counts its queues.
import fs from 'node:fs';
import { asc } from 'drizzle-orm';
import { startLinli, stopLinli } from '../../src/cli/process-helpers.ts';
import { openDatabase } from '../../src/server/db/client.ts';
import { gates } from '../../src/server/db/schema/index.ts';
import { insertRound } from '../../src/server/features/testing/scanning.test-support.ts';
import { demoDataDir } from './demo-templates.ts';

export interface GateServer {
  baseUrl: string;
  roundId: string;
  stop: () => Promise<void>;
}

async function writeRound(dataDir: string) {
  const database = await openDatabase({ dataDir });
  try {
    const gateRows = await database.db
      .select({ id: gates.id, communityId: gates.communityId })
      .from(gates)
      .orderBy(asc(gates.code));
    return await insertRound(database.db, gateRows[0]!.communityId, {
      gateIds: gateRows.map((g) => g.id),
      title: '4月9日核酸',
      lanes: 6,
      status: 'published',
    });
  } finally {
    await database.close();
  }
}

export async function startServerWithPublishedRound(): Promise<GateServer> {
  const seedEnv = { LINLI_DEMO_PARCELS: '0' };
  const dataDir = await demoDataDir(seedEnv, 'linli-e2e-gate-');
  const env = { ...seedEnv, LINLI_DATA_DIR: dataDir, DATABASE_URL: '' };
  const removeDataDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  try {
    const roundId = await writeRound(dataDir);
    const server = await startLinli(env);
    return {
      baseUrl: server.url,
      roundId,
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
