// The anchor of bench/load.ts: how many requests a bare Fastify route answers on this machine, with the
// same client, so a figure for Linli reads against what the machine can do at all.
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';

const SERVER = `
const app = require('fastify')();
app.get('/noop', async () => ({ ok: true }));
app.listen({ port: 0, host: '127.0.0.1' }).then(() => process.stdout.write(String(app.server.address().port) + '\\n'));
`;

export async function measureNoopCeiling(seconds: number) {
  const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<string>((resolve, reject) => {
      child.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim()));
      child.once('exit', (code) => reject(new Error(`no-op server exited with ${code}`)));
    });
    const result = await autocannon({
      url: `http://127.0.0.1:${port}/noop`,
      connections: 50,
      duration: seconds,
    });
    return { rps: result.requests.total / seconds, p50: result.latency.p50, p99: result.latency.p99 };
  } finally {
    child.kill();
  }
}
