import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { watchSlowRequests } from './slow-requests.ts';

const apps: ReturnType<typeof Fastify>[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

async function appLogging(lines: string[]) {
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(chunk.toString()).msg);
      done();
    },
  });
  const app = Fastify({ logger: { level: 'warn', stream } });
  apps.push(app);
  watchSlowRequests(app, 100);
  let release = () => {};
  const held = new Promise<void>((r) => {
    release = r;
  });
  app.get('/quick', async () => 'ok');
  app.get('/held', async () => {
    await held;
    return 'late';
  });
  app.get('/api/x/events', async () => {
    await held;
    return 'stream';
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as { port: number };
  return { base: `http://127.0.0.1:${address.port}`, release };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
};

describe('slow requests', () => {
  it('names a request still running, then how long it took; never a quick one or an event stream', async () => {
    const lines: string[] = [];
    const { base, release } = await appLogging(lines);
    await fetch(`${base}/quick`);
    const held = fetch(`${base}/held`);
    const stream = fetch(`${base}/api/x/events`);
    await until(() => lines.some((l) => l.startsWith('request still running')));
    expect(lines.filter((l) => l.includes('/held'))).toEqual([
      expect.stringMatching(/^request still running after \d+ ms: GET \/held$/),
    ]);
    release();
    await Promise.all([held, stream]);
    await until(() => lines.some((l) => l.startsWith('slow request')));
    expect(lines.filter((l) => l.startsWith('slow request'))).toEqual([
      expect.stringMatching(/^slow request: GET \/held 200 after \d+ ms$/),
    ]);
    expect(lines.join('\n')).not.toMatch(/quick|events/);
  });
});
