import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, communities, medicineRequests } from '../../db/schema/index.ts';
import { call, createTestApp, type Session, type TestApp } from '../../test-support/test-app.ts';
import { type MedicineScene, medicineFingerprint, medicineScene } from './medicine-requests.test-support.ts';

const HOUR = 3_600_000;
const DEFAULTS = { criticalHours: 12, highHours: 24, normalHours: 72 };

describe('medicine: the deadline of each urgency, per community', () => {
  let t: TestApp;
  let x: MedicineScene;
  const url = () => `/api/communities/${x.a}/medicine-settings`;
  const read = (who: Session) => call(t.app, who, 'GET', url());
  const set = (who: Session, body: unknown, lang = 'en') =>
    call(t.app, who, 'PUT', url(), body, { 'accept-language': lang });
  /** Asks for medicine as the household and returns how many hours the group was given. */
  const hoursGiven = async (drugName: string, supplyDaysLeft: number) => {
    const res = await call(t.app, x.s.resident!, 'POST', `/api/communities/${x.a}/medicine-requests`, {
      residentId: x.residents.li.id,
      drugName,
      quantity: '2盒',
      payment: 'yes',
      supplyDaysLeft,
      chronic: true,
    });
    expect(res.statusCode).toBe(201);
    const row = res.json();
    return {
      id: row.id as string,
      urgency: row.urgency,
      hours: (Date.parse(row.deadlineAt) - t.clock.now().getTime()) / HOUR,
    };
  };

  beforeAll(async () => {
    t = await createTestApp();
    x = await medicineScene(t);
  });
  afterAll(() => t.close());

  it('shows the defaults to the medicine group, coordinators and staff, and to nobody else', async () => {
    for (const who of ['volunteer', 'leader', 'coordinator', 'staff', 'otherMedicine']) {
      const res = await read(x.s[who]!);
      expect([who, res.statusCode, res.json()]).toEqual([who, 200, DEFAULTS]);
    }
    for (const who of ['resident', 'parcelsVolunteer', 'viewer'])
      expect([who, (await read(x.s[who]!)).statusCode]).toEqual([who, 403]);
    expect((await read(x.s['b-coordinator']!)).statusCode).toBe(404);
  });

  it('refuses bad hours, wrong orders and the wrong people, changing nothing', async () => {
    const before = await medicineFingerprint(t);
    const outOfRange = [
      { ...DEFAULTS, criticalHours: 0 },
      { ...DEFAULTS, normalHours: 169 },
      { ...DEFAULTS, highHours: 24.5 },
      { ...DEFAULTS, criticalHours: -3 },
    ];
    for (const body of outOfRange) {
      const res = await set(x.s.leader!, body);
      expect([res.statusCode, res.json().error.code], JSON.stringify(body)).toEqual([
        400,
        'MEDICINE_DEADLINE_HOURS_INVALID',
      ]);
    }
    const range = await set(x.s.leader!, { ...DEFAULTS, normalHours: 500 }, 'zh-CN');
    expect(range.json().error.message).toContain('1 到 168 之间的整数小时');
    expect(range.json().error.details).toEqual([{ path: 'body.normalHours', message: expect.any(String) }]);

    for (const body of [
      { criticalHours: 24, highHours: 12, normalHours: 72 },
      { criticalHours: 12, highHours: 72, normalHours: 24 },
      { criticalHours: 80, highHours: 80, normalHours: 79 },
    ]) {
      const res = await set(x.s.coordinator!, body);
      expect([res.statusCode, res.json().error.code], JSON.stringify(body)).toEqual([
        400,
        'MEDICINE_DEADLINE_ORDER',
      ]);
    }
    const zh = await set(x.s.leader!, { criticalHours: 24, highHours: 12, normalHours: 72 }, 'zh-CN');
    expect(zh.json().error.message).toContain('危急 ≤ 较急 ≤ 普通');
    expect(zh.json().error.message).toContain('危急 24 小时、较急 12 小时');
    const en = await set(x.s.leader!, { criticalHours: 24, highHours: 12, normalHours: 72 });
    expect(en.json().error.message).toContain('critical ≤ high ≤ normal');
    expect(en.json().error.details.map((d: { path: string }) => d.path)).toEqual(['body.highHours']);
    expect((await set(x.s.leader!, { criticalHours: 6, highHours: 18 })).statusCode).toBe(400);

    const fine = { criticalHours: 6, highHours: 18, normalHours: 48 };
    // Only the medicine group's leaders (with coordinators and staff) set the deadlines.
    for (const who of ['volunteer', 'parcelsVolunteer', 'resident', 'viewer'])
      expect([who, (await set(x.s[who]!, fine)).statusCode]).toEqual([who, 403]);
    expect((await set(x.s['b-coordinator']!, fine)).statusCode).toBe(404);

    expect(await medicineFingerprint(t)).toBe(before);
    expect((await read(x.s.volunteer!)).json()).toEqual(DEFAULTS);
  });

  it("a leader's change gives the next request the new deadline; requests already asked keep theirs", async () => {
    const earlier = await hoursGiven('胰岛素', 1);
    expect([earlier.urgency, earlier.hours]).toEqual(['critical', 12]);

    const saved = await set(x.s.leader!, { criticalHours: 6, highHours: 18, normalHours: 48 });
    expect([saved.statusCode, saved.json()]).toEqual([
      200,
      { criticalHours: 6, highHours: 18, normalHours: 48, appliesTo: 'new_requests' },
    ]);
    expect((await read(x.s.volunteer!)).json()).toEqual({ criticalHours: 6, highHours: 18, normalHours: 48 });

    const logged = await t.deps.db
      .select({ summary: auditLog.summary, accountId: auditLog.accountId, role: auditLog.role })
      .from(auditLog)
      .where(and(eq(auditLog.communityId, x.a), eq(auditLog.action, 'medicine.settings')));
    expect(logged).toEqual([
      {
        summary:
          'set the medicine deadlines to critical 6 h, high 18 h, normal 48 h (was 12/24/72 h), for new requests',
        accountId: x.ids.leader,
        role: 'leader',
      },
    ]);

    t.clock.advance(HOUR);
    expect(await hoursGiven('华法林', 1)).toMatchObject({ urgency: 'critical', hours: 6 });
    expect(await hoursGiven('二甲双胍', 2)).toMatchObject({ urgency: 'high', hours: 18 });
    expect(await hoursGiven('二甲双胍', 20)).toMatchObject({ urgency: 'normal', hours: 48 });
    const [kept] = await t.deps.db
      .select({ deadlineAt: medicineRequests.deadlineAt, createdAt: medicineRequests.createdAt })
      .from(medicineRequests)
      .where(eq(medicineRequests.id, earlier.id));
    expect((kept!.deadlineAt.getTime() - kept!.createdAt.getTime()) / HOUR).toBe(12);

    // The other community keeps its own.
    const [other] = await t.deps.db
      .select({ critical: communities.medicineCriticalHours })
      .from(communities)
      .where(eq(communities.id, x.b));
    expect(other!.critical).toBe(12);
  });
});
