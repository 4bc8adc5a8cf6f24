import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSmallRegistry, seedTwoCommunities } from '../../test-support/fixtures.ts';
import { call, createTestApp, type Session, signIn, type TestApp } from '../../test-support/test-app.ts';
import { buildRosterXlsx } from '../registry/test-rosters.ts';

function multipart(file: Buffer, fileName: string) {
  const boundary = '----linli-parcel-sheet';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

// A courier's sheet as it comes: a title row, Chinese headers, tails stored as numbers, a bad row, a repeat.
const courierSheet = () =>
  buildRosterXlsx({
    title: '顺丰 4月9日 派件清单',
    header: ['运单号', '楼栋', '房号', '手机尾号', '备注'],
    rows: [
      ['SF1000000001', '12号楼', '1203', 5678, ''],
      [773000000002, '2栋', '502室', 123, '易碎'],
      ['SF1000000003', '99', '101', '', ''],
      ['坏单号', '12', '101', '', ''],
      ['sf 1000 0000 01', '12', '1203', '', ''],
    ],
  });

describe('parcels: importing a courier sheet', () => {
  let t: TestApp;
  let a: string;
  const s = {} as Record<string, Session>;
  const upload = (file: Buffer, name: string, dryRun: boolean, who = s.staff!) => {
    const body = multipart(file, name);
    return t.app.inject({
      method: 'POST',
      url: `/api/communities/${a}/parcel-imports${dryRun ? '?dryRun=1' : ''}`,
      payload: body.payload,
      headers: { ...body.headers, cookie: who.cookie, 'x-csrf-token': who.csrf, 'accept-language': 'zh-CN' },
    });
  };
  const written = async () => {
    const result = await t.deps.db.execute(
      sql`select (select count(*)::int from parcels) as parcels,
                 (select count(*)::int from audit_log where action = 'parcels.import') as audit`,
    );
    return (result as unknown as { rows: { parcels: number; audit: number }[] }).rows[0]!;
  };

  beforeAll(async () => {
    t = await createTestApp();
    ({ a } = await seedTwoCommunities(t.deps.db));
    await seedSmallRegistry(t.deps.db, a);
    for (const who of ['staff', 'resident']) s[who] = await signIn(t.app, who);
  });
  afterAll(() => t.close());

  it('previews row by row and writes nothing', async () => {
    const before = await written();
    const res = await upload(await courierSheet(), '派件.xlsx', true);
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview).toMatchObject({
      fileName: '派件.xlsx',
      committed: false,
      landed: 0,
      counts: { ok: 2, unassigned: 1, invalid: 1, repeated: 1, recorded: 0 },
    });
    expect(preview.rows.map((r: { line: number; outcome: string }) => [r.line, r.outcome])).toEqual([
      [3, 'ok'],
      [4, 'ok'],
      [5, 'unassigned'],
      [6, 'invalid'],
      [7, 'repeated'],
    ]);
    expect(preview.rows[0]).toMatchObject({ buildingCode: '12', room: '1203' });
    expect(preview.rows[1]).toMatchObject({ waybill: '773000000002', buildingCode: '2', phoneTail: '0123' });
    expect(preview.rows[2]).toMatchObject({ buildingCode: '99', detail: '99' });
    expect(preview.rows[3]).toMatchObject({ detail: 'waybill' });
    expect(preview.rows[4]).toMatchObject({ waybill: 'SF1000000001', detail: '3' });
    expect(await written()).toEqual(before);
  });

  it('commits the valid rows in one go, and a second import of the same sheet lands nothing new', async () => {
    const before = await written();
    const res = await upload(await courierSheet(), '派件.xlsx', false);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ committed: true, landed: 3, counts: { ok: 2, unassigned: 1 } });
    expect(await written()).toEqual({ parcels: before.parcels + 3, audit: before.audit + 1 });
    const list = (await call(t.app, s.staff!, 'GET', `/api/communities/${a}/parcels`)).json().parcels;
    expect(list.filter((p: { source: string }) => p.source === 'import')).toHaveLength(3);
    expect(list.find((p: { waybill: string }) => p.waybill === 'SF1000000001')).toMatchObject({
      buildingCode: '12',
      room: '1203',
      phoneTail: '5678',
    });

    const again = await upload(await courierSheet(), '派件.xlsx', false);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({
      landed: 0,
      counts: { ok: 0, unassigned: 0, recorded: 3, invalid: 1, repeated: 1 },
    });
    expect(again.json().rows[0].detail).toMatch(/^2026-04-09 \d\d:\d\d 12$/);
    expect(await written()).toEqual({ parcels: before.parcels + 3, audit: before.audit + 1 });
  });

  it('reads a csv with English headers; a sheet with no usable row is refused', async () => {
    const csv = Buffer.from('Waybill,Building,Room,Phone tail\nYT2000000001,2,502,0042\n');
    const ok = await upload(csv, 'yto.csv', false);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ landed: 1, rows: [{ line: 2, phoneTail: '0042', outcome: 'ok' }] });

    const before = await written();
    const bad = await upload(Buffer.from('运单号,楼栋\n??,12\n,\n'), 'bad.csv', false);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'PARCEL_SHEET_NO_USABLE_ROW' });
    expect(bad.json().error.message).toContain('bad.csv');
    const noHeader = await upload(Buffer.from('a,b\n1,2\n'), 'x.csv', true);
    expect(noHeader.json().error).toMatchObject({ code: 'PARCEL_SHEET_NO_WAYBILL_COLUMN' });
    expect(await written()).toEqual(before);
  });

  it('is listed in the API description as importParcels', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(spec.paths['/api/communities/{communityId}/parcel-imports'].post.operationId).toBe(
      'importParcels',
    );
  });

  it('refuses a resident', async () => {
    const res = await upload(Buffer.from('运单号\nSF3000000001\n'), 'r.csv', true, s.resident!);
    expect(res.statusCode).toBe(403);
  });
});
