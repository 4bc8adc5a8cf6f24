import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runLinli } from './process-helpers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'linli-round-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function roundFile(name: string, content: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const building = (id: string, gate: string, residents: number, walkSeconds = 120) => ({
  id,
  gate,
  residents,
  walkSeconds,
});
const round = {
  lanes: 6,
  serviceSeconds: { mean: 12.6, sd: 4 },
  switchSeconds: 60,
  crowdLimit: 60,
  callIntervalSeconds: 180,
  fixedSplit: { east: 3, west: 3 },
  buildings: [
    ...Array.from({ length: 14 }, (_, i) => building(`E${i}`, 'east', 48, 90 + i * 20)),
    ...Array.from({ length: 6 }, (_, i) => building(`W${i}`, 'west', 48, 100 + i * 20)),
  ],
  policy: 'planned',
  seed: 1,
};

describe('linli simulate-round', () => {
  it("prints the round's figures, the calls and the lane history as JSON, the same for the same seed", () => {
    const file = roundFile('round.json', round);
    const run = runLinli(['simulate-round', '--input', file]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    for (const key of [
      'makespanSeconds',
      'lowerBoundSeconds',
      'laneUtilization',
      'switches',
      'idleLaneSeconds',
    ])
      expect(typeof result[key]).toBe('number');
    expect(Object.keys(result.maxQueue).sort()).toEqual(['east', 'west']);
    expect(result.makespanSeconds).toBeGreaterThanOrEqual(result.lowerBoundSeconds);
    expect(result.residentsServed).toBe(20 * 48);
    expect(result.maxQueue.east).toBeLessThanOrEqual(60);
    expect(new Set(result.calls.map((c: { buildingId: string }) => c.buildingId)).size).toBe(20);
    expect(result.laneHistory[0].atSeconds).toBe(0);
    expect(JSON.parse(runLinli(['simulate-round', '--input', file]).stdout)).toEqual(result);

    const fixed = JSON.parse(
      runLinli(['simulate-round', '--input', roundFile('fixed.json', { ...round, policy: 'fixed' })]).stdout,
    );
    expect(fixed.switches).toBe(0);
    expect(fixed.makespanSeconds).toBeGreaterThan(result.makespanSeconds);
  });

  it('runs the story example: fixed about 5 h, tidal about 3.5 h, planned closer still to the bound', () => {
    const example = JSON.parse(
      readFileSync(path.join(import.meta.dirname, '../../examples/gelin-round.json'), 'utf8'),
    );
    const hours: Record<string, { makespan: number; bound: number }> = {};
    for (const policy of ['fixed', 'tidal', 'planned']) {
      const run = runLinli([
        'simulate-round',
        '--input',
        roundFile(`gelin-${policy}.json`, { ...example, policy }),
      ]);
      expect(run.status).toBe(0);
      const result = JSON.parse(run.stdout);
      hours[policy] = { makespan: result.makespanSeconds / 3600, bound: result.lowerBoundSeconds / 3600 };
    }
    expect(hours.fixed!.makespan).toBeGreaterThan(4.6);
    expect(hours.fixed!.makespan).toBeLessThan(5.4);
    expect(hours.tidal!.makespan).toBeGreaterThan(3.3);
    expect(hours.tidal!.makespan).toBeLessThan(3.7);
    expect(hours.planned!.makespan).toBeLessThan(hours.tidal!.makespan);
  });

  it('explains itself', () => {
    const help = runLinli(['simulate-round', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: linli simulate-round --input');
    expect(runLinli(['--help']).stdout).toContain('simulate-round');
  });

  const badInputs: [string, string | object, RegExp][] = [
    ['a missing field', { ...round, crowdLimit: undefined }, /crowdLimit: missing/],
    [
      'a non-numeric value',
      { ...round, switchSeconds: 'a minute' },
      /switchSeconds: must be a number of seconds, got "a minute"/,
    ],
    [
      'a building at an unknown gate',
      { ...round, buildings: [building('N1', 'north', 10)] },
      /buildings\[0\]\.gate: building N1 uses gate "north", which is not among the gates of fixedSplit \("east", "west"\)/,
    ],
    ['no lanes', { ...round, lanes: 0, fixedSplit: { east: 0, west: 0 } }, /lanes: must be 1 or more, got 0/],
    [
      'a split that does not add up',
      { ...round, fixedSplit: { east: 4, west: 3 } },
      /fixedSplit: the gates' lanes add up to 7, not the round's 6 lanes/,
    ],
    [
      'an unknown policy',
      { ...round, policy: 'random' },
      /policy: must be "fixed", "tidal" or "planned", got "random"/,
    ],
    ['invalid JSON', '{"lanes": 6,', /is not valid JSON/],
  ];
  it.each(badInputs)('refuses %s with one line on stderr and exit code 2', (name, content, message) => {
    const run = runLinli([
      'simulate-round',
      '--input',
      roundFile(`${name.replace(/ /g, '-')}.json`, content),
    ]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('refuses an unreadable file and a missing --input with exit code 2', () => {
    const missing = runLinli(['simulate-round', '--input', path.join(dir, 'no-such-file.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*no-such-file\.json: ENOENT/);
    const noInput = runLinli(['simulate-round']);
    expect(noInput.status).toBe(2);
    expect(noInput.stderr).toMatch(/missing --input/);
  });
});
