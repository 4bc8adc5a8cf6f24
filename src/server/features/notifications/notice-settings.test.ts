import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../cli/process-helpers.ts';
import { databaseFingerprint, seedTwoCommunities } from '../../test-support/fixtures.ts';
import { type GatewayReceiver, startGatewayReceiver } from '../../test-support/gateway-receiver.ts';
import { call, createTestApp, type Session, signIn, type TestApp } from '../../test-support/test-app.ts';

const SECRET = 'abcdefghijklmnop-7f3e';

describe('notification preferences and the notice gateway settings', () => {
  let t: TestApp;
  let a: string;
  let b: string;
  let gateway: GatewayReceiver;
  const s = {} as Record<string, Session>;
  const url = (path: string, community = a) => `/api/communities/${community}${path}`;
  const prefs = (who: Session, body?: unknown) =>
    body === undefined
      ? call(t.app, who, 'GET', url('/notification-preferences'))
      : call(t.app, who, 'PUT', url('/notification-preferences'), body);
  const setGateway = (who: Session, body: unknown) => call(t.app, who, 'PUT', url('/notice-gateway'), body);
  const errorOf = (res: { statusCode: number; json(): any }) => [res.statusCode, res.json().error?.code];
  const auditActions = async () =>
    (await call(t.app, s.coordinator!, 'GET', url('/audit')))
      .json()
      .items.map((e: { action: string }) => e.action);

  beforeAll(async () => {
    t = await createTestApp();
    ({ a, b } = await seedTwoCommunities(t.deps.db));
    for (const who of ['coordinator', 'staff', 'leader', 'volunteer', 'resident', 'outsider']) {
      s[who] = await signIn(t.app, who);
    }
    gateway = await startGatewayReceiver();
  });
  afterAll(async () => {
    await gateway.close();
    await t.close();
  });

  it('starts everyone on every channel and no quiet hours, and says the gateway is not on yet', async () => {
    expect((await prefs(s.resident!)).json()).toEqual({
      channels: ['webhook'],
      quietHours: null,
      saved: false,
      available: [{ channel: 'webhook', enabled: false }],
      timeZone: 'Asia/Shanghai',
    });
  });

  it('keeps each person’s own choice, quiet hours passing midnight included', async () => {
    const saved = await prefs(s.resident!, { channels: [], quietHours: { start: '22:30', end: '06:45' } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      channels: [],
      quietHours: { start: '22:30', end: '06:45' },
      saved: true,
    });
    expect((await prefs(s.resident!)).json()).toMatchObject({ channels: [], saved: true });
    // Someone else's stay as they were.
    expect((await prefs(s.volunteer!)).json()).toMatchObject({ channels: ['webhook'], saved: false });
    const back = await prefs(s.resident!, { channels: ['webhook', 'webhook'], quietHours: null });
    expect(back.json()).toMatchObject({ channels: ['webhook'], quietHours: null });
    expect(await auditActions()).toContain('notice.preferences');
  });

  it('refuses quiet hours that are not two different "HH:MM" times, and changes nothing', async () => {
    const before = (await prefs(s.resident!)).json();
    const fingerprint = await databaseFingerprint(t.deps.db);
    const bad = await prefs(s.resident!, { channels: [], quietHours: { start: '24:00', end: '7:00' } });
    expect(errorOf(bad)).toEqual([400, 'NOTICE_QUIET_HOURS_INVALID']);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'body.quietHours.start',
      'body.quietHours.end',
    ]);
    const same = await prefs(s.resident!, { channels: [], quietHours: { start: '22:00', end: '22:00' } });
    expect(errorOf(same)).toEqual([400, 'NOTICE_QUIET_HOURS_INVALID']);
    expect(same.json().error.message).toContain('两者不能相同');
    expect(errorOf(await prefs(s.resident!, { channels: ['sms'], quietHours: null }))).toEqual([
      400,
      'VALIDATION_FAILED',
    ]);
    expect((await prefs(s.resident!)).json()).toEqual(before);
    expect(await databaseFingerprint(t.deps.db)).toBe(fingerprint);
  });

  it('lets only coordinators and staff see or set the gateway', async () => {
    for (const who of ['leader', 'volunteer', 'resident']) {
      expect(errorOf(await call(t.app, s[who]!, 'GET', url('/notice-gateway')))).toEqual([403, 'FORBIDDEN']);
      expect(errorOf(await setGateway(s[who]!, { url: gateway.url, secret: SECRET, enabled: true }))).toEqual(
        [403, 'FORBIDDEN'],
      );
      expect(errorOf(await call(t.app, s[who]!, 'POST', url('/notice-gateway/test')))).toEqual([
        403,
        'FORBIDDEN',
      ]);
    }
    expect((await call(t.app, s.outsider!, 'GET', url('/notice-gateway'))).statusCode).toBe(404);
    expect((await call(t.app, s.coordinator!, 'GET', url('/notice-gateway', b))).statusCode).toBe(404);
    expect((await call(t.app, s.staff!, 'GET', url('/notice-gateway'))).json()).toEqual({
      configured: false,
      url: null,
      secretMasked: null,
      enabled: false,
      updatedAt: null,
      updatedBy: null,
    });
    expect(errorOf(await call(t.app, s.staff!, 'POST', url('/notice-gateway/test')))).toEqual([
      409,
      'NOTICE_GATEWAY_NOT_CONFIGURED',
    ]);
  });

  it('takes an http(s) address and a secret of 16 characters or more, and shows the secret masked', async () => {
    for (const bad of ['ftp://gateway.example/x', 'gateway.example/notices', 'javascript:alert(1)']) {
      expect(errorOf(await setGateway(s.staff!, { url: bad, secret: SECRET, enabled: true }))).toEqual([
        400,
        'NOTICE_GATEWAY_URL_INVALID',
      ]);
    }
    const short = await setGateway(s.staff!, { url: gateway.url, secret: 'too-short', enabled: true });
    expect(errorOf(short)).toEqual([400, 'NOTICE_GATEWAY_SECRET_TOO_SHORT']);
    expect(short.json().error.message).toContain('16');
    // Nothing saved yet, so a secret is needed.
    expect(errorOf(await setGateway(s.staff!, { url: gateway.url, enabled: true }))).toEqual([
      400,
      'NOTICE_GATEWAY_SECRET_TOO_SHORT',
    ]);
    const saved = await setGateway(s.staff!, { url: gateway.url, secret: SECRET, enabled: false });
    expect(saved.json()).toMatchObject({
      configured: true,
      url: gateway.url,
      secretMasked: '••••••••7f3e',
      enabled: false,
      updatedBy: 'staff 测试',
    });
    expect(saved.body).not.toContain(SECRET);
    expect((await call(t.app, s.coordinator!, 'GET', url('/notice-gateway'))).body).not.toContain(SECRET);
    // Switching it on without typing the secret again keeps it.
    const on = await setGateway(s.coordinator!, { url: gateway.url, enabled: true });
    expect(on.json()).toMatchObject({
      enabled: true,
      secretMasked: '••••••••7f3e',
      updatedBy: 'coordinator 测试',
    });
    expect((await prefs(s.volunteer!)).json().available).toEqual([{ channel: 'webhook', enabled: true }]);
    expect(await auditActions()).toEqual(expect.arrayContaining(['notice.gateway_off', 'notice.gateway_on']));
    const auditText = (await call(t.app, s.coordinator!, 'GET', url('/audit'))).body;
    expect(auditText).not.toContain(SECRET);
  });

  it('sends a signed test message and reports what the gateway answered', async () => {
    const ok = await call(t.app, s.staff!, 'POST', url('/notice-gateway/test'));
    expect(ok.json()).toMatchObject({ ok: true, status: 200, error: null });
    const [received] = gateway.calls;
    expect(received!.idempotencyKey).toBe(ok.json().messageId);
    expect(gateway.signedWith(SECRET, received!)).toBe(true);
    expect(received!.body).toMatchObject({
      kind: 'gateway.test',
      test: true,
      communityId: a,
      title: { 'zh-CN': '邻里测试消息', en: 'Linli test message' },
    });
    expect(received!.body.body['zh-CN']).toContain('甲小区');

    gateway.answer({ failFirst: 1 });
    expect((await call(t.app, s.staff!, 'POST', url('/notice-gateway/test'))).json()).toMatchObject({
      ok: false,
      status: 503,
      error: 'the gateway answered 503 Service Unavailable',
    });
    // Nobody listening there.
    const nowhere = `http://127.0.0.1:${await freePort()}/x`;
    await setGateway(s.staff!, { url: nowhere, enabled: true });
    expect((await call(t.app, s.staff!, 'POST', url('/notice-gateway/test'))).json()).toMatchObject({
      ok: false,
      status: null,
      error: 'no answer from the gateway (ECONNREFUSED)',
    });
    expect(await auditActions()).toContain('notice.gateway_test');
  });
});
