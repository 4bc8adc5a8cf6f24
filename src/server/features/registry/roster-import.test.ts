import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint, seedSmallRegistry, seedTwoCommunities } from '../../test-support/fixtures.ts';
import { call, createTestApp, type Session, signIn, type TestApp } from '../../test-support/test-app.ts';
import { buildRosterCsv, buildRosterXlsx } from './test-rosters.ts';

function multipart(file: Buffer, fileName: string) {
  const boundary = '----linli-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const HEADER = ['楼号', '室号', '姓名', '性别', '年龄', '联系电话', '户籍', '特殊人群'];

describe('roster import and export', () => {
  let t: TestApp;
  let a: string;
  let staff: Session;
  let volunteer: Session;
  const url = (path: string) => `/api/communities/${a}${path}`;
  const upload = (session: Session, file: Buffer, name: string, lang = 'zh-CN') => {
    const body = multipart(file, name);
    return t.app.inject({
      method: 'POST',
      url: url('/roster-imports'),
      payload: body.payload,
      headers: {
        ...body.headers,
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        'accept-language': lang,
      },
    });
  };
  const commit = (session: Session, id: string) =>
    call(t.app, session, 'POST', url(`/roster-imports/${id}/commit`));

  beforeAll(async () => {
    t = await createTestApp();
    const seeded = await seedTwoCommunities(t.deps.db);
    a = seeded.a;
    await seedSmallRegistry(t.deps.db, a);
    staff = await signIn(t.app, 'staff');
    volunteer = await signIn(t.app, 'volunteer');
  });
  afterAll(() => t.close());

  it('previews a messy sheet without writing, then commits it once', async () => {
    const file = await buildRosterXlsx({
      title: '歌林春天小区居民花名册（2022年4月）',
      header: HEADER,
      rows: [
        ['１２号楼', '１２０３', '张伟', '男', 45, '138 1234 5678', '', ''],
        ['12栋', '12-05', '赵敏', '女', '35岁', '+86 139-0000-1111', '人户分离', '孕妇'],
        [null, null, null, null, null, null, null, null],
        ['7号', '301室', '孙阿婆', '女', 88, '', '', '独居、听障 耳背'],
        ['7号', '301室', '孙阿婆', '女', 88, '13600002222', '', ''],
        ['12', '天台', '无名氏', '', '', '', '', ''],
      ],
    });
    const before = await databaseFingerprint(t.deps.db);
    const res = await upload(staff, file, '名册.xlsx');
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    expect(preview).toMatchObject({
      accepted: 3,
      residentsToCreate: 2,
      residentsToUpdate: 1,
      unchanged: 0,
      householdsToCreate: 2,
      newBuildings: ['7'],
    });
    expect(preview.rejected).toEqual([expect.objectContaining({ row: 8, code: 'ROOM_UNREADABLE' })]);
    expect(preview.rejected[0].message).toContain('第8行');
    expect(preview.merged).toEqual([expect.objectContaining({ row: 7, code: 'DUPLICATE_MERGED' })]);
    expect(await databaseFingerprint(t.deps.db)).toBe(before);

    const done = await commit(staff, preview.importId);
    expect(done.json()).toEqual({
      buildingsCreated: 1,
      householdsCreated: 2,
      householdsUpdated: 0,
      residentsCreated: 2,
      residentsUpdated: 1,
      unchanged: 0,
    });
    const again = await commit(staff, preview.importId);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('IMPORT_ALREADY_COMMITTED');

    const found = await call(t.app, staff, 'GET', url('/residents?q=孙阿婆&reveal=true'));
    expect(found.json().items[0]).toMatchObject({
      buildingCode: '7',
      room: '301',
      mobile: '13600002222',
      flags: expect.arrayContaining(['elderly_alone', 'hearing_impaired']),
    });
    const zhao = (await call(t.app, staff, 'GET', url('/residents?q=赵敏&reveal=true'))).json().items[0];
    expect(zhao).toMatchObject({
      room: '1205',
      mobile: '13900001111',
      flags: ['pregnant'],
      note: '人户分离',
    });
    const zhang = (await call(t.app, staff, 'GET', url('/residents?q=张伟&reveal=true'))).json().items[0];
    expect(zhang.birthYear).toBe(String(t.clock.now().getUTCFullYear() - 45));

    const reimport = await upload(staff, file, '名册.xlsx');
    expect(reimport.json()).toMatchObject({
      residentsToCreate: 0,
      residentsToUpdate: 0,
      householdsToCreate: 0,
      unchanged: 3,
    });
  });

  it('reads a UTF-8 CSV with a BOM and answers in English when asked', async () => {
    const csv = buildRosterCsv(
      ['building', 'room', 'name', 'mobile'],
      [['2', '601', 'Li Lei', '13511112222']],
      'utf8-bom',
    );
    const res = await upload(staff, csv, 'roster.csv', 'en');
    expect(res.json()).toMatchObject({ accepted: 1, residentsToCreate: 1, householdsToCreate: 1 });
    const bad = buildRosterCsv(['building', 'room', 'name'], [['2', '??', 'X']], 'utf8');
    const refused = await upload(staff, bad, 'bad.csv', 'en');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('NO_VALID_ROWS');
    expect(refused.json().error.message).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('gives each bad file a specific error and writes nothing', async () => {
    const before = await databaseFingerprint(t.deps.db);
    const cases: [Buffer, string, number, string][] = [
      [Buffer.alloc(0), 'empty.xlsx', 400, 'FILE_EMPTY'],
      [Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'photo.xlsx', 400, 'FILE_NOT_SPREADSHEET'],
      [Buffer.from('d0cf11e0a1b11ae1000000000000000000000000', 'hex'), 'locked.xlsx', 400, 'FILE_ENCRYPTED'],
      [Buffer.alloc(11 * 1024 * 1024, 0x41), 'huge.csv', 413, 'FILE_TOO_LARGE'],
      [buildRosterCsv(['甲', '乙'], [['1', '2']], 'utf8'), 'noheader.csv', 400, 'NO_HEADER_ROW'],
    ];
    for (const [file, name, status, code] of cases) {
      const res = await upload(staff, file, name);
      expect({ name, status: res.statusCode, code: res.json().error.code }).toEqual({ name, status, code });
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await databaseFingerprint(t.deps.db)).toBe(before);
  });

  it('lets only staff and coordinators import and export', async () => {
    const csv = buildRosterCsv(['楼号', '室号', '姓名'], [['2', '602', '某人']], 'utf8');
    expect((await upload(volunteer, csv, 'x.csv')).statusCode).toBe(403);
    expect((await call(t.app, volunteer, 'GET', url('/roster.xlsx'))).statusCode).toBe(403);
  });

  it('refuses an expired preview', async () => {
    const csv = buildRosterCsv(['楼号', '室号', '姓名'], [['2', '603', '过期']], 'utf8');
    const preview = (await upload(staff, csv, 'late.csv')).json();
    t.clock.advance(31 * 60 * 1000);
    const res = await commit(staff, preview.importId);
    expect(res.statusCode).toBe(410);
    expect(res.json().error.code).toBe('IMPORT_EXPIRED');
  });

  it('exports an xlsx that imports back to the same registry', async () => {
    const exported = await call(t.app, staff, 'GET', url('/roster.xlsx'));
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    const res = await upload(staff, exported.rawPayload, 'export.xlsx');
    const preview = res.json();
    const total = (await call(t.app, staff, 'GET', url('/residents?limit=1'))).json().total;
    expect(preview).toMatchObject({
      accepted: total,
      unchanged: total,
      residentsToCreate: 0,
      residentsToUpdate: 0,
      rejected: [],
    });
    const log = (await call(t.app, staff, 'GET', url('/audit?action=roster.export'))).json().items;
    expect(log).toHaveLength(1);
  });
});
