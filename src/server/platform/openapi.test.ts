import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';

describe('the API contract', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists every operation of the foundation with a stable operationId', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const spec = res.json();
    expect(spec.openapi).toMatch(/^3\./);
    const ids = Object.values(spec.paths as Record<string, Record<string, { operationId?: string }>>).flatMap(
      (ops) => Object.values(ops).map((op) => op.operationId),
    );
    for (const id of [
      'health',
      'login',
      'logout',
      'getSession',
      'listMyCommunities',
      'createCommunity',
      'listAuditLog',
    ]) {
      expect(ids).toContain(id);
    }
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names the dashboard, street view and day report operations as issue 10 asks', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const ops = Object.values(spec.paths as Record<string, Record<string, { operationId?: string }>>).flatMap(
      (methods) => Object.values(methods),
    );
    for (const id of [
      'getDashboard',
      'streamDashboard',
      'getTrends',
      'getStreetOverview',
      'getDailyReport',
      'exportDailyReport',
    ]) {
      expect(ops.map((op) => op.operationId)).toContain(id);
    }
  });

  it('serves browsable docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });

  it('reports health with the kind of database', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', db: t.deps.dbKind, version: 'test' });
  });
});
