import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.ts';
import { DataDirLockedError } from '../server/db/data-dir-lock.ts';

const HELP: Record<string, string> = {
  main: `linli — operations platform for a residential compound under lockdown

Usage: linli <command> [options]

Commands:
  serve             start the web app and API (migrates first; seeds the demo on a fresh embedded database)
  migrate           apply database migrations and exit
  seed              write a demo community (linli seed --preset gelin)
  plan-deliveries   plan delivery runs for an instance file and print them as JSON
  simulate-round    simulate a testing round (lanes, gates, call-down policy) and print the figures as JSON
  backup            write a consistent snapshot of the whole database to a file (while Linli serves)
  restore           load a snapshot into a new, empty database
  export-community  write all of one community's data as a zip of JSON files and an xlsx workbook

Run 'linli <command> --help' for a command's options.
Configuration is by environment variables: PORT, HOST, DATABASE_URL, LINLI_DATA_DIR,
LINLI_DEMO_PASSWORD, SESSION_SECRET, ... (see README.md).`,
  serve: `Usage: linli serve

Starts Linli on http://HOST:PORT (default 0.0.0.0:3000). Uses PostgreSQL when DATABASE_URL is
set, otherwise the embedded database in LINLI_DATA_DIR (default ./data). Applies migrations,
seeds the demo community on a fresh embedded database, and stops gracefully on SIGTERM/SIGINT.`,
  migrate: `Usage: linli migrate

Applies pending migrations to the database named by DATABASE_URL or LINLI_DATA_DIR, then exits.`,
  seed: `Usage: linli seed --preset gelin [--demo-password P]

Writes the demo community of the story (歌林春天: 125 buildings, 2,194 households, ~6,000
residents, 8 staff, a secretary and 280 volunteers). Does nothing if it already exists.
  --preset gelin        the only preset
  --demo-password P     password of every demo account (default LINLI_DEMO_PASSWORD or linli-demo)`,
  'plan-deliveries': `Usage: linli plan-deliveries --input instance.json [--iterations N]

Plans delivery runs (capacitated vehicle routing) and prints them as JSON on stdout:
{ "routes": [ { "stops": ["B001", …], "load": 78, "distance": 1234 } ], "totalDistance": 5678, "seconds": 0.12 }
The instance: { "depot": {"x": 0, "y": 0}, "vehicleCapacity": 80,
  "stops": [ { "buildingId": "B001", "x": 3, "y": 9, "parcels": 5 }, … ] }
Coordinates in metres; a leg is Math.round(Math.hypot(dx, dy)) metres; as many vehicles as needed, each
run from the depot and back, a stop never split. Bad input: a message on stderr and exit code 2.
  --input FILE          the instance (- reads stdin)
  --iterations N        search rounds after the first local optimum (default 1000); same N, same plan`,
  'simulate-round': `Usage: linli simulate-round --input round.json

Simulates a testing round on the square (deterministic from the seed) and prints on stdout:
{ "makespanSeconds", "lowerBoundSeconds", "maxQueue": {"east": …, "west": …}, "laneUtilization", "switches",
  "idleLaneSeconds", "residentsServed", "calls": [ {"buildingId", "gate", "atSeconds"} ], "laneHistory": [ … ] }
The round: { "lanes": 6, "serviceSeconds": {"mean": 12.6, "sd": 4}, "switchSeconds": 60, "crowdLimit": 60,
  "callIntervalSeconds": 180, "fixedSplit": {"east": 3, "west": 3},
  "buildings": [ {"id": "B001", "gate": "east", "residents": 48, "walkSeconds": 120} ], "policy": "planned", "seed": 1 }
Policies: fixed (lanes as split, each gate calls its buildings in order, one per call interval), tidal (the same
calls, lanes moved between gates by the queues), planned (Linli's call-down within the crowd limit, plus tidal
lanes). The lower bound is all service time / lanes + the shortest walk. Example: examples/gelin-round.json.
Bad input: a message on stderr and exit code 2.
  --input FILE          the round (- reads stdin)`,
  backup: `Usage: linli backup --out FILE

Writes a snapshot of the whole database named by DATABASE_URL (or the embedded one in LINLI_DATA_DIR):
every table's rows, read in one repeatable-read transaction, so it is consistent while Linli serves and
writes. The file is gzip'd JSON lines (a header with the schema's migration and the tables, then the rows);
it restores on PostgreSQL or on the embedded database alike. While Linli serves the embedded database, the
running server takes the snapshot for this command (it holds the database; writes wait while it reads).
The file appears only when the snapshot is whole. Bad arguments: a message on stderr and exit code 2.
  --out FILE            where to write the snapshot (e.g. linli-2026-11-29.snapshot.gz)`,
  restore: `Usage: linli restore --in FILE [--force]

Loads a snapshot written by 'linli backup' into the database named by DATABASE_URL (or LINLI_DATA_DIR):
applies the migrations first, checks that the snapshot was taken at the same migration, then writes every
row in one transaction and sets the sequences. Stop Linli first. Refuses a database that holds any data,
a file that is not a whole snapshot, or one of another schema version: a message on stderr and exit code 2.
  --in FILE             the snapshot
  --force               replace everything the database holds with the snapshot`,
  'export-community': `Usage: linli export-community ID [--out FILE.zip]

Writes all of one community's data, for handing over to another team, as a zip holding one JSON file per
table (tables/<table>.json, an array of rows) and the same in one xlsx workbook (a sheet per table), plus
manifest.json. Only the community's own rows, and the accounts of its members without password hashes;
sessions, sign-in records and secrets (tokens, webhook secrets) are left out. The export is recorded in the
community's audit log. Bad arguments or an unknown community: a message on stderr and exit code 2.
  ID                    the community's id or its slug
  --out FILE.zip        where to write it (default community-<slug>.zip in the current folder)`,
};

function fail(message: string): never {
  process.stderr.write(`linli: ${message}\n`);
  process.exit(1);
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${HELP.main}\n`);
    return;
  }
  if (!(command in HELP) || command === 'main') fail(`unknown command '${command}'. Run 'linli --help'.`);
  if (command === 'plan-deliveries') {
    const { planDeliveries } = await import('./plan-deliveries.ts');
    process.exitCode = planDeliveries(rest, HELP[command]!);
    return;
  }
  if (command === 'simulate-round') {
    const { simulateRoundCommand } = await import('./simulate-round.ts');
    process.exitCode = simulateRoundCommand(rest, HELP[command]!);
    return;
  }
  if (command === 'backup' || command === 'restore') {
    const { backupCommand, restoreCommand } = await import('./backup.ts');
    const run = command === 'backup' ? backupCommand : restoreCommand;
    process.exitCode = await run(rest, HELP[command]!, loadConfig());
    return;
  }
  if (command === 'export-community') {
    const { exportCommunityCommand } = await import('./export-community.ts');
    process.exitCode = await exportCommunityCommand(rest, HELP[command]!, loadConfig());
    return;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      help: { type: 'boolean', short: 'h' },
      preset: { type: 'string' },
      'demo-password': { type: 'string' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${HELP[command]}\n`);
    return;
  }
  const config = loadConfig();
  const { openAndMigrate, startServer } = await import('../server/server.ts');
  if (command === 'serve') {
    const started = Date.now();
    const { seeded, app } = await startServer(config);
    // The port bound, which PORT=0 leaves to the system (tests start servers side by side this way).
    const url = `http://localhost:${(app.server.address() as AddressInfo).port}`;
    process.stdout.write(
      `\nLinli is ready at ${url} (${config.databaseUrl ? 'PostgreSQL' : `embedded database in ${config.dataDir}`}, ${((Date.now() - started) / 1000).toFixed(1)} s${seeded ? ', demo community seeded' : ''})\n` +
        `Demo sign-ins (password: ${config.demoPassword}): secretary (coordinator), staff1…staff8 (committee staff),\n` +
        '  v001…v280 (volunteers; v001 leads the parcels group), r0001…r0200 (residents)\n\n',
    );
    return;
  }
  const database = await openAndMigrate(config);
  try {
    if (command === 'migrate') {
      process.stdout.write('Migrations applied.\n');
    } else {
      if (values.preset !== 'gelin') fail(`unknown or missing --preset. The only preset is 'gelin'.`);
      const { seedGelin } = await import('../server/seed/seed-gelin.ts');
      const password = values['demo-password'] ?? config.demoPassword;
      if (password.length < 8) fail('the demo password needs at least 8 characters.');
      const result = await seedGelin(database.db, password);
      process.stdout.write(
        result.created
          ? `Seeded 歌林春天: ${result.counts.buildings} buildings, ${result.counts.households} households, ${result.counts.residents} residents, ${result.counts.accounts} accounts.\n`
          : 'The demo community already exists; nothing changed.\n',
      );
    }
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).catch((err) => {
  if (err instanceof DataDirLockedError) fail(err.message);
  if (err?.code === 'ECONNREFUSED') fail(`cannot reach PostgreSQL at DATABASE_URL (${err.message}).`);
  if (err?.code === 'EADDRINUSE')
    fail(`port ${loadConfig().port} is already in use. Set PORT to another port.`);
  if (err?.name === 'TypeError' && String(err.message).includes('parseArgs')) fail(err.message);
  if (err?.code?.startsWith?.('ERR_PARSE_ARGS')) fail(`${err.message}. Run 'linli --help'.`);
  process.stderr.write(`linli: ${err?.stack ?? err}\n`);
  process.exit(1);
});
