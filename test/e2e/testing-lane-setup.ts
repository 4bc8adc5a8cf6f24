// A demo server with one running testing round (round creation is tested on its own) and ten
// residents of one building with personal codes, written into a copy of the demo's embedded database
// before the server starts: the lane test types those codes as a scanner gun would.
import fs from 'node:fs';
import { asc, eq } from 'drizzle-orm';
import { startLinli, stopLinli } from '../../src/cli/process-helpers.ts';
import { openDatabase } from '../../src/server/db/client.ts';
import { buildings, gates, households, residents } from '../../src/server/db/schema/index.ts';
import { insertRound } from '../../src/server/features/testing/scanning.test-support.ts';
import { demoDataDir } from './demo-templates.ts';

export interface LaneServer {
  baseUrl: string;
  /** ten residents of one building, with the codes their cards carry */
  people: { name: string; code: string }[];
  roundId: string;
  stop: () => Promise<void>;
}

async function writeRound(dataDir: string) {
  const database = await openDatabase({ dataDir });
  const db = database.db;
  try {
    const gateRows = await db
      .select({ id: gates.id, communityId: gates.communityId })
      .from(gates)
      .orderBy(asc(gates.code));
    const communityId = gateRows[0]!.communityId;
    const roundId = await insertRound(db, communityId, {
      gateIds: gateRows.map((g) => g.id),
      title: '4月9日核酸',
      lanes: 6,
    });
    const [building] = await db
      .select({ id: buildings.id })
      .from(buildings)
      .orderBy(asc(buildings.code))
      .limit(1);
    const ten = await db
      .select({ id: residents.id, name: residents.name })
      .from(residents)
      .innerJoin(households, eq(households.id, residents.householdId))
      .where(eq(households.buildingId, building!.id))
      .orderBy(asc(households.room), asc(residents.name))
      .limit(10);
    const people = [];
    for (const [i, r] of ten.entries()) {
      const code = `LLE2E${String(i).padStart(7, '0')}`;
      await db.update(residents).set({ personalCode: code }).where(eq(residents.id, r.id));
      people.push({ name: r.name, code });
    }
    return { people, roundId };
  } finally {
    await database.close();
  }
}

export async function startServerWithRound(): Promise<LaneServer> {
  const seedEnv = { LINLI_DEMO_PARCELS: '0' };
  const dataDir = await demoDataDir(seedEnv, 'linli-e2e-lane-');
  const env = { ...seedEnv, LINLI_DATA_DIR: dataDir, DATABASE_URL: '' };
  const removeDataDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  try {
    const { people, roundId } = await writeRound(dataDir);
    const server = await startLinli(env);
    return {
      baseUrl: server.url,
      people,
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
