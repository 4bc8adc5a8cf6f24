import { describe, expect, it } from 'vitest';
import { runLinli } from './process-helpers.ts';

describe('the linli command', () => {
  it('explains itself and each command', () => {
    const main = runLinli(['--help']);
    expect(main.status).toBe(0);
    for (const command of ['serve', 'migrate', 'seed']) {
      expect(main.stdout).toContain(command);
      const sub = runLinli([command, '--help']);
      expect(sub.status).toBe(0);
      expect(sub.stdout).toContain(`Usage: linli ${command}`);
    }
    for (const command of ['backup', 'restore', 'export-community']) expect(main.stdout).toContain(command);
    const restore = runLinli(['restore', '--help']);
    expect(restore.status).toBe(0);
    expect(restore.stdout).toContain('Usage: linli restore --in FILE [--force]');
  });

  it('refuses an unknown command or option clearly', () => {
    const unknown = runLinli(['frobnicate']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    const badOption = runLinli(['seed', '--colour', 'red']);
    expect(badOption.status).toBe(1);
    expect(badOption.stderr).toMatch(/Unknown option '--colour'/);
  });
});
