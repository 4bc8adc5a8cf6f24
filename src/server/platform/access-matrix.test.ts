import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../shared/roles.ts';
import { probes } from '../test-support/access-probes.ts';
import {
  type Answer,
  expected,
  inParallel,
  knock,
  listOperations,
  type Operation,
} from '../test-support/access-walk.ts';
import {
  type AccessWorld,
  buildAccessWorld,
  IDENTITIES,
  type Identity,
} from '../test-support/access-world.ts';
import { call, createTestApp, type TestApp } from '../test-support/test-app.ts';
import { ACCESS_POLICY } from './access-policy.table.ts';

/**
 * Mutations that consume their target (close, withdraw, cancel, delete) go last, so the others meet
 * the world as built and mostly succeed (and are then checked for their audit entry).
 */
const LAST = [
  'publishCallDown',
  'updateMedicineRequestStatus',
  'withdrawOrder',
  'closeGroupBuy',
  'withdrawAnnouncement',
  'closeTube',
  'cancelSignup',
  'cancelShift',
  'archiveShiftTemplate',
  'closeVolunteerCall',
  'deleteResident',
];

/**
 * Successful mutations that write no audit entry, and why. Everything else that answers 2xx must add
 * at least one row to audit_log in the same request.
 */
const NOT_AUDITED: Record<string, string> = {
  login: 'a session, not community data; sign-in attempts are kept in login_attempts',
  logout: 'ends the caller’s own session',
  updateMe: 'the account’s own language, not community data',
  markNotificationsRead: 'the caller’s own inbox',
  markAnnouncementRead: 'the caller’s own read receipt',
  simulateRound: 'a what-if computation; nothing is written',
  previewRosterImport: 'a preview; the registry changes only on commit, which is audited',
  importParcels: 'probed with dryRun=1, which writes nothing (the real import is audited in import.test.ts)',
  recordQueueCount:
    'a tap of +/- at the gate changes nobody’s data (live-queues.service.ts); lane switches are audited',
};

async function auditCount(t: TestApp) {
  const result = await t.deps.db.execute(sql`select count(*)::int as n from audit_log`);
  return (result as unknown as { rows: { n: number }[] }).rows[0]!.n;
}

describe('the access-control matrix', () => {
  let t: TestApp;
  let w: AccessWorld;
  let ops: Operation[];
  const answers = new Map<string, Partial<Record<Identity, Answer>>>();
  const unaudited: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildAccessWorld(t);
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    ops = await listOperations(t);
    const record = (op: Operation, who: Identity, answer: Answer) => {
      const row = answers.get(op.operationId) ?? {};
      row[who] = answer;
      answers.set(op.operationId, row);
    };
    const rule = (op: Operation) => ACCESS_POLICY[op.operationId] ?? 'public';
    // Reads change nothing: every identity on every read at once, a few in flight.
    const reads = ops.filter((op) => op.method === 'GET');
    await inParallel(
      reads.flatMap((op) =>
        IDENTITIES.map((who) => async () => record(op, who, await knock(t, w, op, who, base))),
      ),
      12,
    );
    // Writes: those the table refuses together (they must change nothing), then those it allows one
    // by one, counting audit rows around each.
    const writes = ops
      .filter((op) => op.method !== 'GET')
      .sort((x, y) => LAST.indexOf(x.operationId) - LAST.indexOf(y.operationId));
    for (const op of writes) {
      const refused = IDENTITIES.filter((who) => expected(rule(op), who) !== 'allowed');
      await Promise.all(refused.map(async (who) => record(op, who, await knock(t, w, op, who, base))));
      // The first success must add to the audit log (a refusal before it rolled back and wrote nothing);
      // the same request again may be a no-op (closing a closed campaign, the same note twice).
      let before: number | null = await auditCount(t);
      for (const who of IDENTITIES.filter((x) => !refused.includes(x))) {
        const answer = await knock(t, w, op, who, base);
        record(op, who, answer);
        if (before === null || answer.status >= 300) continue;
        if (!(op.operationId in NOT_AUDITED) && (await auditCount(t)) === before)
          unaudited.push(`${op.operationId} as ${who}`);
        before = null;
      }
    }
  }, 180_000);
  afterAll(async () => {
    // ACCESS_MATRIX_DUMP=file.json keeps every answer of the walk, to study a difference.
    const dump = process.env.ACCESS_MATRIX_DUMP;
    if (dump) (await import('node:fs')).writeFileSync(dump, JSON.stringify(Object.fromEntries(answers)));
    await t?.close();
  });

  it('names every operation of the API, and only those', () => {
    const served = ops.map((op) => op.operationId).sort();
    expect(Object.keys(ACCESS_POLICY).sort()).toEqual(served);
  });

  it('gives every identity exactly what the table says, on every operation', () => {
    const differences: string[] = [];
    for (const op of ops) {
      const rule = ACCESS_POLICY[op.operationId];
      if (!rule) continue;
      for (const who of IDENTITIES) {
        const answer = answers.get(op.operationId)?.[who];
        const want = expected(rule, who);
        if (answer?.outcome !== want)
          differences.push(
            `${op.operationId} as ${who}: expected ${want}, got ${answer?.outcome} ${answer?.status} ${answer?.body.slice(0, 160)}`,
          );
      }
    }
    expect(differences).toEqual([]);
  });

  it('refuses an upload before reading it: without any body, a refused identity still gets its refusal', async () => {
    const uploads = ops.filter((op) => probes(w)[op.operationId]?.multipart);
    expect(uploads.map((op) => op.operationId).sort()).toEqual([
      'importParcels',
      'previewRosterImport',
      'uploadAnnouncementImage',
      'uploadDisinfectionPhoto',
      'uploadMedicineAttachment',
    ]);
    const differences: string[] = [];
    for (const op of uploads) {
      for (const who of IDENTITIES) {
        const want = expected(ACCESS_POLICY[op.operationId]!, who);
        if (want === 'allowed') continue;
        const answer = await knock(t, w, op, who, '', true);
        if (answer.outcome !== want)
          differences.push(`${op.operationId} as ${who}: ${answer.status} ${answer.body}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it('refuses with 403 and writes nothing: no refused mutation left an audit entry behind', async () => {
    const result = await t.deps.db.execute(
      sql`select count(*)::int as n from audit_log where account_id in (${sql.join(
        [w.ids['b-coordinator']!, w.ids.outsider!].map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
    expect((result as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
  });

  it('records an audit entry for every allowed mutation that succeeded', () => {
    const succeeded = [...answers.entries()].filter(([id, row]) => {
      const op = ops.find((o) => o.operationId === id)!;
      return op.method !== 'GET' && Object.values(row).some((a) => a!.status < 300);
    });
    // The walk is only worth this check if most mutations really went through.
    expect(succeeded.length).toBeGreaterThan(60);
    expect(unaudited).toEqual([]);
  });

  it('shows no full mobile number to a role that may not see one', () => {
    const mobiles = w.registry.residents.map((r) => r.mobile).filter((m): m is string => Boolean(m));
    const leaks: string[] = [];
    for (const [id, row] of answers) {
      for (const who of ['leader', 'volunteer', 'resident', 'viewer'] as const satisfies readonly Role[]) {
        const body = row[who]?.body ?? '';
        for (const mobile of mobiles) if (body.includes(mobile)) leaks.push(`${id} as ${who}: ${mobile}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('lets a resident see only their own household', async () => {
    const resident = w.sessions.resident;
    const co = w.sessions.coordinator;
    const [own, , other] = w.registry.households;
    const get = async (path: string) => {
      const res = await call(t.app, resident, 'GET', w.url(path));
      return { status: res.statusCode, body: res.body };
    };
    // the registry: their household and its people, nobody else
    const households = await get('/households');
    expect(households.status).toBe(200);
    expect(households.body).toContain(own!.id);
    expect(households.body).not.toContain(other!.id);
    const people = await get('/residents');
    expect(people.body).toContain('张伟');
    expect(people.body).not.toContain('王强');
    expect(people.body).not.toContain('陆伯伯');
    expect((await get(`/residents/${w.wang.id}`)).status).toBe(404);
    expect((await get(`/residents/${w.zhang.id}`)).status).toBe(200);
    // medicine: another household's request is neither listed nor readable, nor can they ask for it
    const theirs = await call(t.app, co, 'POST', w.url('/medicine-requests'), {
      residentId: w.wang.id,
      drugName: '阿司匹林肠溶片',
      quantity: '1盒',
      payment: 'yes',
    });
    expect(theirs.statusCode).toBe(201);
    const ours = await call(t.app, resident, 'POST', w.url('/medicine-requests'), {
      residentId: w.zhang.id,
      drugName: '维生素C',
      quantity: '1瓶',
      payment: 'yes',
    });
    expect(ours.statusCode).toBe(201);
    const list = await get('/medicine-requests');
    expect(list.status).toBe(200);
    expect(list.body).toContain('维生素C');
    expect(list.body).not.toContain('阿司匹林肠溶片');
    expect((await get(`/medicine-requests/${theirs.json().id}`)).status).toBe(404);
    const asking = await call(t.app, resident, 'POST', w.url('/medicine-requests'), {
      residentId: w.wang.id,
      drugName: '布洛芬',
      quantity: '1盒',
      payment: 'yes',
    });
    expect([403, 404]).toContain(asking.statusCode);
    // group buys: the order list holds their own order only
    const campaign = await call(t.app, co, 'POST', w.url('/group-buys'), {
      title: '牛奶',
      supplierName: '奶站',
      opensAt: '2026-04-08T00:00:00Z',
      closesAt: '2026-04-10T00:00:00Z',
      items: [{ name: '牛奶', unit: '箱', priceFen: 6000 }],
    });
    const milk = campaign.json();
    const lines = [{ itemId: milk.items[0].id, quantity: 1 }];
    const ordered = await call(t.app, co, 'POST', w.url(`/group-buys/${milk.id}/orders`), {
      householdId: other!.id,
      lines,
    });
    expect(ordered.statusCode).toBe(201);
    expect(
      (await call(t.app, resident, 'POST', w.url(`/group-buys/${milk.id}/orders`), { lines })).statusCode,
    ).toBe(201);
    const orders = await get(`/group-buys/${milk.id}/orders`);
    expect(orders.status).toBe(200);
    expect(orders.body).toContain(own!.id);
    expect(orders.body).not.toContain(other!.id);
    // testing codes: their household's people only
    const codes = await get('/my/testing-codes');
    expect(codes.status).toBe(200);
    expect(codes.body).toContain('张伟');
    expect(codes.body).not.toContain('王强');
    // parcels: those for another household's room are not theirs to see
    const parcel = await call(t.app, co, 'POST', w.url('/parcels'), {
      parcels: [{ waybill: 'YT-OTHER-1', buildingCode: '2', room: '502', source: 'typed' }],
    });
    expect(parcel.statusCode).toBeLessThan(300);
    const mine = await get('/my-parcels');
    expect(mine.status).toBe(200);
    expect(mine.body).not.toContain('YT-OTHER-1');
  });

  it('keeps mobiles and birth years masked unless a roster keeper asks, and audits the asking', async () => {
    const zhang = w.zhang;
    for (const who of ROLES) {
      const plain = await call(t.app, w.sessions[who], 'GET', w.url(`/residents/${zhang.id}`));
      expect(plain.statusCode, who).toBe(200);
      expect(plain.json(), who).toMatchObject({ mobile: '138****5678', birthYear: '198*', masked: true });
      const revealed = await call(t.app, w.sessions[who], 'GET', w.url(`/residents/${zhang.id}?reveal=1`));
      if (who === 'coordinator' || who === 'staff') {
        expect(revealed.statusCode, who).toBe(200);
        expect(revealed.json(), who).toMatchObject({
          mobile: '13812345678',
          birthYear: '1980',
          masked: false,
        });
      } else {
        expect(revealed.statusCode, who).toBe(403);
        expect(revealed.body, who).not.toContain('13812345678');
      }
    }
    const reveals = await t.deps.db.execute(
      sql`select count(*)::int as n from audit_log where action = 'resident.reveal' and target_id = ${zhang.id}`,
    );
    expect((reveals as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(2);
    // the lists too, for everyone: not one full number or birth year of the registry in them
    for (const who of ROLES) {
      const list = await call(t.app, w.sessions[who], 'GET', w.url('/residents?limit=500'));
      const households = await call(t.app, w.sessions[who], 'GET', w.url('/households?limit=500'));
      for (const body of [list.body, households.body]) {
        // not inside a longer run of hex: a random UUID's last part may hold eleven such digits
        expect(body, who).not.toMatch(/(?<![0-9a-f])1[3-9]\d{9}(?![0-9a-f])/i);
        expect(body, who).not.toMatch(/"birthYear":"\d{4}"/);
      }
    }
  });
});
