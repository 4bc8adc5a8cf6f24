// Roster import benchmark: a generated 6,000-resident roster is previewed and committed through
// the HTTP API on PGlite and (when DATABASE_URL is set) PostgreSQL, beside the floor measured in
// the same run: reading the same file with exceljs and nothing else.
import ExcelJS from 'exceljs';
import { buildRosterXlsx, generateRosterRows } from '../src/server/features/registry/test-rosters.ts';
import { seedTwoCommunities } from '../src/server/test-support/fixtures.ts';
import { createTestApp, signIn } from '../src/server/test-support/test-app.ts';

const ROWS = Number(process.env.ROWS ?? 6000);
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

async function measure(kind: 'pglite' | 'postgres', file: Buffer) {
  process.env.LINLI_TEST_DB = kind;
  const t = await createTestApp();
  try {
    const { a } = await seedTwoCommunities(t.deps.db);
    const staff = await signIn(t.app, 'staff');
    const boundary = 'bench-boundary';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="roster.xlsx"\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const headers = { cookie: staff.cookie, 'x-csrf-token': staff.csrf };
    let start = process.hrtime.bigint();
    const preview = await t.app.inject({
      method: 'POST',
      url: `/api/communities/${a}/roster-imports`,
      payload,
      headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    const previewMs = ms(start);
    if (preview.statusCode !== 200) throw new Error(preview.body);
    const { importId, residentsToCreate } = preview.json();
    start = process.hrtime.bigint();
    const commit = await t.app.inject({
      method: 'POST',
      url: `/api/communities/${a}/roster-imports/${importId}/commit`,
      headers,
    });
    const commitMs = ms(start);
    if (commit.statusCode !== 200) throw new Error(commit.body);
    return { previewMs, commitMs, residentsToCreate, created: commit.json().residentsCreated };
  } finally {
    await t.close();
  }
}

const file = await buildRosterXlsx({
  header: generateRosterRows(ROWS, 7)[0] as string[],
  rows: generateRosterRows(ROWS, 7).slice(1),
});
const start = process.hrtime.bigint();
await new ExcelJS.Workbook().xlsx.load(file as never);
const floorMs = ms(start);

console.log(`roster import: ${ROWS} residents, ${(file.length / 1024).toFixed(0)} KB xlsx`);
console.log(`  floor: exceljs reads the file in        ${floorMs.toFixed(0)} ms`);
const kinds: ('pglite' | 'postgres')[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
for (const kind of kinds) {
  const r = await measure(kind, file);
  console.log(
    `  ${kind.padEnd(8)} preview ${r.previewMs.toFixed(0).padStart(6)} ms (${(r.previewMs / floorMs).toFixed(1)}× floor, target < 3000)` +
      `   commit ${r.commitMs.toFixed(0).padStart(6)} ms (target < 5000)   residents created ${r.created}/${r.residentsToCreate}`,
  );
}
