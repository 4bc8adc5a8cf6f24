import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCompound } from '../domain/parcels/test-compounds.ts';
import { runLinli } from './process-helpers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'linli-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function instanceFile(name: string, content: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const metres = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.round(Math.hypot(a.x - b.x, a.y - b.y));

describe('linli plan-deliveries', () => {
  it('prints runs that visit every building once within capacity, with true loads and distances', () => {
    const { depot, stops } = generateCompound(40, 11);
    const file = instanceFile('good.json', { depot, vehicleCapacity: 80, stops });
    const run = runLinli(['plan-deliveries', '--input', file]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect(Object.keys(plan).sort()).toEqual(['routes', 'seconds', 'totalDistance']);
    expect(plan.seconds).toBeGreaterThan(0);
    const byId = new Map(stops.map((s) => [s.buildingId, s]));
    const visited: string[] = [];
    for (const route of plan.routes) {
      expect(Object.keys(route).sort()).toEqual(['distance', 'load', 'stops']);
      const points = route.stops.map((id: string) => byId.get(id)!);
      visited.push(...route.stops);
      expect(route.load).toBe(points.reduce((sum: number, s: { parcels: number }) => sum + s.parcels, 0));
      expect(route.load).toBeLessThanOrEqual(80);
      const legs = [depot, ...points, depot];
      expect(route.distance).toBe(legs.slice(1).reduce((sum, p, i) => sum + metres(legs[i]!, p), 0));
    }
    expect(visited.sort()).toEqual([...byId.keys()].sort());
    expect(plan.totalDistance).toBe(
      plan.routes.reduce((sum: number, r: { distance: number }) => sum + r.distance, 0),
    );

    const again = JSON.parse(runLinli(['plan-deliveries', '--input', file]).stdout);
    expect({ ...again, seconds: 0 }).toEqual({ ...plan, seconds: 0 });
  });

  it('explains itself', () => {
    const help = runLinli(['plan-deliveries', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: linli plan-deliveries --input');
    expect(runLinli(['--help']).stdout).toContain('plan-deliveries');
  });

  const good = { buildingId: 'B1', x: 10, y: 20, parcels: 5 };
  const badInputs: [string, string | object, RegExp][] = [
    ['a missing field', { depot: { x: 0, y: 0 }, stops: [good] }, /vehicleCapacity: missing/],
    [
      'a missing stop field',
      { depot: { x: 0, y: 0 }, vehicleCapacity: 80, stops: [{ ...good, x: undefined }] },
      /stops\[0\]\.x: missing/,
    ],
    [
      'a stop over capacity',
      {
        depot: { x: 0, y: 0 },
        vehicleCapacity: 80,
        stops: [good, { ...good, buildingId: 'B2', parcels: 81 }],
      },
      /stops\[1\]\.parcels: building B2 has 81 parcels, more than a vehicle carries \(80\)/,
    ],
    [
      'a non-numeric coordinate',
      { depot: { x: 0, y: 0 }, vehicleCapacity: 80, stops: [{ ...good, y: 'north' }] },
      /stops\[0\]\.y: must be a number of metres, got "north"/,
    ],
    ['invalid JSON', '{"depot": {"x": 0, "y": 0},', /is not valid JSON/],
  ];
  it.each(badInputs)('refuses %s with one line on stderr and exit code 2', (name, content, message) => {
    const run = runLinli([
      'plan-deliveries',
      '--input',
      instanceFile(`${name.replace(/ /g, '-')}.json`, content),
    ]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('refuses an unreadable file and a missing --input with exit code 2', () => {
    const missing = runLinli(['plan-deliveries', '--input', path.join(dir, 'no-such-file.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*no-such-file\.json: ENOENT/);
    const directory = runLinli(['plan-deliveries', '--input', dir]);
    expect(directory.status).toBe(2);
    expect(directory.stderr).toMatch(/cannot read .*: EISDIR/);
    const noInput = runLinli(['plan-deliveries']);
    expect(noInput.status).toBe(2);
    expect(noInput.stderr).toMatch(/missing --input/);
  });
});
