// A demo server with one confirmed delivery run for v002, written into a copy of the demo's embedded
// database before the server starts (the planner's pages are tested on their own): stop 1 is the
// building of r0001's household, with two parcels for it; stop 2 another building with parcels waiting.
import fs from 'node:fs';
import { and, asc, eq, ne } from 'drizzle-orm';
import { startLinli, stopLinli } from '../../src/cli/process-helpers.ts';
import { wallClockAt } from '../../src/domain/shifts/zoned-time.ts';
import { openDatabase } from '../../src/server/db/client.ts';
import {
  accounts,
  buildings,
  gates,
  households,
  parcels,
  residents,
  volunteers,
} from '../../src/server/db/schema/index.ts';
import { seedRun } from '../../src/server/features/parcels/test-runs.ts';
import { demoDataDir } from './demo-templates.ts';

export interface RideServer {
  baseUrl: string;
  /** the building of stop 1 and the room of r0001's household there */
  buildingCode: string;
  room: string;
  stop: () => Promise<void>;
}

async function writeRun(dataDir: string) {
  const database = await openDatabase({ dataDir });
  const db = database.db;
  try {
    const idOf = async (username: string) =>
      (await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username)))[0]!.id;
    const [home] = await db
      .select({
        communityId: households.communityId,
        householdId: households.id,
        buildingId: households.buildingId,
        room: households.room,
      })
      .from(residents)
      .innerJoin(households, eq(households.id, residents.householdId))
      .where(eq(residents.accountId, await idOf('r0001')));
    const { communityId, householdId, buildingId, room } = home!;
    const [rider] = await db
      .select({ id: volunteers.id })
      .from(volunteers)
      .where(eq(volunteers.accountId, await idOf('v002')));
    const [building] = await db.select().from(buildings).where(eq(buildings.id, buildingId));
    const [gate] = await db.select({ id: gates.id }).from(gates).where(eq(gates.code, 'west'));
    const now = new Date();
    await db.insert(parcels).values(
      ['SF9000000001', 'SF9000000002'].map((waybill) => ({
        communityId,
        waybill,
        buildingId,
        room,
        householdId,
        source: 'scan',
        day: wallClockAt(now, 'Asia/Shanghai').day,
        receivedAt: now,
      })),
    );
    const waitingIn = async (id: string) =>
      (
        await db
          .select({ id: parcels.id })
          .from(parcels)
          .where(and(eq(parcels.buildingId, id), eq(parcels.status, 'waiting')))
      ).map((p) => p.id);
    const [other] = await db
      .select({ buildingId: parcels.buildingId })
      .from(parcels)
      .where(and(eq(parcels.status, 'waiting'), ne(parcels.buildingId, buildingId)))
      .orderBy(asc(parcels.waybill))
      .limit(1);
    await seedRun(db, {
      communityId,
      riderVolunteerId: rider!.id,
      gateId: gate!.id,
      createdAt: now,
      stops: [
        { buildingId, parcelIds: await waitingIn(buildingId) },
        { buildingId: other!.buildingId!, parcelIds: await waitingIn(other!.buildingId!) },
      ],
    });
    return { buildingCode: building!.code, room };
  } finally {
    await database.close();
  }
}

export async function startServerWithRun(): Promise<RideServer> {
  const seedEnv = {};
  const dataDir = await demoDataDir(seedEnv, 'linli-e2e-ride-');
  const env = { ...seedEnv, LINLI_DATA_DIR: dataDir, DATABASE_URL: '' };
  const removeDataDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  try {
    // The demo is seeded (demoDataDir); the run goes in while no server holds the database.
    const written = await writeRun(dataDir);
    const server = await startLinli(env);
    return {
      baseUrl: server.url,
      ...written,
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
