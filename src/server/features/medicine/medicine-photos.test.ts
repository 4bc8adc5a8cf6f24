import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEDICINE_PHOTO_MAX_BYTES } from '../../../shared/api/medicine-work.ts';
import { call, createTestApp, type Session, type TestApp } from '../../test-support/test-app.ts';
import {
  countRows,
  insertRequest,
  type MedicineWorkScene,
  medicineWorkScene,
  multipartPhotos,
} from './medicine.test-support.ts';
import {
  CLEAN_JPEG,
  CLEAN_PNG,
  CLEAN_WEBP,
  containsText,
  jpegWithLocation,
  pngChunk,
  pngWithLocation,
  SECRET_PLACE,
  webpWithLocation,
} from './photo-fixtures.ts';

/** A valid PNG of exactly `size` bytes: the clean one with a private chunk of padding before IEND. */
function pngOfSize(size: number) {
  const padding = Buffer.alloc(size - CLEAN_PNG.length - 12);
  const chunk = Buffer.concat([Buffer.from(pngChunk('prVt', []).slice(0, 8)), padding, Buffer.alloc(4)]);
  chunk.writeUInt32BE(padding.length, 0);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, chunk.length - 4)), chunk.length - 4);
  const end = CLEAN_PNG.length - 12;
  return new Uint8Array(Buffer.concat([CLEAN_PNG.subarray(0, end), chunk, CLEAN_PNG.subarray(end)]));
}

describe('medicine photos', () => {
  let t: TestApp;
  let m: MedicineWorkScene;
  let requestId: string;
  const upload = (
    who: Session | null,
    kind: string,
    files: { data: Uint8Array; name: string; type: string }[],
    locale = 'zh-CN',
    id = requestId,
  ) => {
    const body = multipartPhotos(files);
    return t.app.inject({
      method: 'POST',
      url: m.url(`/medicine-requests/${id}/attachments?kind=${kind}`),
      payload: body.payload,
      headers: {
        ...body.headers,
        ...(who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : { 'x-csrf-token': '1' }),
        'accept-language': locale,
      },
    });
  };
  const photo = (data: Uint8Array, name = 'photo.jpg', type = 'image/jpeg') => [{ data, name, type }];
  const stored = () => countRows(t, 'medicine_attachments');

  beforeAll(async () => {
    t = await createTestApp();
    m = await medicineWorkScene(t);
    requestId = (await insertRequest(t, m.a, m.residents.li, { status: 'requested' })).id;
  });
  afterAll(() => t.close());

  it('stores a photo with its GPS and every other metadata gone, and serves it privately, audited', async () => {
    const res = await upload(m.s.resident!, 'prescription', photo(jpegWithLocation()));
    expect(res.statusCode, res.body).toBe(201);
    const added = res.json();
    expect(added).toMatchObject({ kind: 'prescription', mimeType: 'image/jpeg', bytes: CLEAN_JPEG.length });
    expect(added.path).toBe(m.url(`/medicine-requests/${requestId}/attachments/${added.id}`));

    const got = await call(t.app, m.s.volunteer!, 'GET', added.path);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(got.headers['cache-control']).toBe('private, no-store');
    expect(containsText(got.rawPayload, SECRET_PLACE)).toBe(false);
    expect(got.rawPayload.equals(Buffer.from(CLEAN_JPEG))).toBe(true);
    expect(await countRows(t, 'audit_log', `action = 'medicine.attachment.upload'`)).toBe(1);
    expect(await countRows(t, 'audit_log', `action = 'medicine.attachment.view'`)).toBe(1);
    await call(t.app, m.s.resident!, 'GET', added.path);
    expect(await countRows(t, 'audit_log', `action = 'medicine.attachment.view'`)).toBe(2);
  });

  it('strips PNG and WebP too; the group adds a receipt, the household may not', async () => {
    const png = await upload(m.s.volunteer!, 'receipt', photo(pngWithLocation(), 'r.png', 'image/png'));
    expect(png.statusCode, png.body).toBe(201);
    expect(png.json()).toMatchObject({ mimeType: 'image/png', bytes: CLEAN_PNG.length });
    const webp = await upload(
      m.s.coordinator!,
      'delivery',
      photo(webpWithLocation(), 'd.webp', 'image/webp'),
    );
    expect(webp.statusCode, webp.body).toBe(201);
    const served = await call(t.app, m.s.leader!, 'GET', webp.json().path);
    expect(served.headers['content-type']).toBe('image/webp');
    expect(served.rawPayload.equals(Buffer.from(CLEAN_WEBP))).toBe(true);

    const before = await stored();
    const refused = await upload(m.s.resident!, 'receipt', photo(CLEAN_JPEG));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('MEDICINE_PHOTO_KIND_NOT_ALLOWED');
    expect(await stored()).toBe(before);
  });

  it('lets the group confirm a delivery only with a photo of it; the household confirms without', async () => {
    const delivered = (await insertRequest(t, m.a, m.residents.li, { status: 'delivered' })).id;
    const confirm = (who: Session) =>
      call(t.app, who, 'POST', m.url(`/medicine-requests/${delivered}/status`), { status: 'confirmed' });
    const refused = await confirm(m.s.leader!);
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'MEDICINE_DELIVERY_PHOTO_NEEDED']);
    expect(refused.json().error.message).toContain('照片');
    const shot = await upload(m.s.leader!, 'delivery', photo(CLEAN_JPEG), 'zh-CN', delivered);
    expect(shot.statusCode, shot.body).toBe(201);
    const confirmed = await confirm(m.s.leader!);
    expect([confirmed.statusCode, confirmed.json().status]).toEqual([200, 'confirmed']);

    const other = (await insertRequest(t, m.a, m.residents.li, { status: 'delivered' })).id;
    const byHousehold = await call(
      t.app,
      m.s.resident!,
      'POST',
      m.url(`/medicine-requests/${other}/status`),
      {
        status: 'confirmed',
      },
    );
    expect([byHousehold.statusCode, byHousehold.json().status]).toEqual([200, 'confirmed']);
  });

  it('refuses anything but one real image of at most 10 MB, clearly, in both languages, storing nothing', async () => {
    const before = { photos: await stored(), audit: await countRows(t, 'audit_log') };
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF');
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03'), Buffer.alloc(200)]);
    const cases: [string, Awaited<ReturnType<typeof upload>>, number, string][] = [
      ['pdf', await upload(m.s.resident!, 'box', photo(pdf, 'box.jpg')), 415, 'MEDICINE_PHOTO_NOT_IMAGE'],
      [
        'exe',
        await upload(m.s.resident!, 'box', photo(exe, 'box.png', 'image/png')),
        415,
        'MEDICINE_PHOTO_NOT_IMAGE',
      ],
      ['empty', await upload(m.s.resident!, 'box', photo(new Uint8Array())), 400, 'MEDICINE_PHOTO_EMPTY'],
      [
        'broken',
        await upload(m.s.resident!, 'box', photo(CLEAN_JPEG.subarray(0, 300))),
        400,
        'MEDICINE_PHOTO_DAMAGED',
      ],
      [
        'too large',
        await upload(m.s.resident!, 'box', photo(pngOfSize(MEDICINE_PHOTO_MAX_BYTES + 1), 'big.png')),
        413,
        'MEDICINE_PHOTO_TOO_LARGE',
      ],
      [
        'two files',
        await upload(m.s.resident!, 'box', [...photo(CLEAN_JPEG), ...photo(CLEAN_PNG, 'b.png', 'image/png')]),
        400,
        'MEDICINE_PHOTO_ONE_AT_A_TIME',
      ],
      ['no kind', await upload(m.s.resident!, 'selfie', photo(CLEAN_JPEG)), 400, 'VALIDATION_FAILED'],
    ];
    for (const [name, res, status, code] of cases) {
      expect([name, res.statusCode]).toEqual([name, status]);
      expect([name, res.json().error.code]).toEqual([name, code]);
    }
    expect(cases[0]![1].json().error.message).toContain('JPEG');
    const en = await upload(m.s.resident!, 'box', photo(pdf), 'en');
    expect(en.json().error.message).toMatch(/^This is not a photo/);
    expect({ photos: await stored(), audit: await countRows(t, 'audit_log') }).toEqual(before);

    const exactly = await upload(m.s.resident!, 'box', photo(pngOfSize(MEDICINE_PHOTO_MAX_BYTES), 'max.png'));
    expect(exactly.statusCode, exactly.body).toBe(201);
  });

  it('shows photos only to the household, the medicine group and coordinators', async () => {
    const added = (await upload(m.s.resident!, 'insurance_card', photo(CLEAN_JPEG))).json();
    const before = {
      photos: await stored(),
      views: await countRows(t, 'audit_log', `action like 'medicine.attachment%'`),
    };
    for (const [who, status] of [
      ['neighbour', 404], // another household of the community: the request is not admitted to exist
      ['b-coordinator', 404], // another community
      ['outsider', 404],
      ['parcelsVolunteer', 403], // a volunteer, but not of the medicine group
      ['viewer', 403],
    ] as const) {
      expect([who, (await call(t.app, m.s[who]!, 'GET', added.path)).statusCode]).toEqual([who, status]);
      expect([who, (await upload(m.s[who]!, 'box', photo(CLEAN_JPEG))).statusCode]).toEqual([who, status]);
    }
    expect((await call(t.app, null, 'GET', added.path)).statusCode).toBe(401);
    expect({
      photos: await stored(),
      views: await countRows(t, 'audit_log', `action like 'medicine.attachment%'`),
    }).toEqual(before);
    for (const who of ['staff', 'driver', 'leader'])
      expect([who, (await call(t.app, m.s[who]!, 'GET', added.path)).statusCode]).toEqual([who, 200]);
  });

  it('is in the API description as uploadMedicineAttachment', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const path = '/api/communities/{communityId}/medicine-requests/{requestId}/attachments';
    expect(spec.paths[path].post.operationId).toBe('uploadMedicineAttachment');
  });
});
