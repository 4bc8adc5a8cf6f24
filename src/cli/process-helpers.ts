import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const LINLI_BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/linli.js');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export function runLinli(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [LINLI_BIN, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

/** runLinli without blocking this process's event loop (so a test can keep serving or writing meanwhile). */
export function runLinliAsync(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LINLI_BIN, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.once('error', reject);
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

export interface RunningLinli {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/**
 * Starts `linli serve` on a free port and waits until it answers /api/health. `bin`: another entry
 * point, e.g. a server bundle (a test that starts many servers saves most of each start with one).
 */
/** What each running server started here has printed lately: a failed test prints it. */
export const runningServerOutputs = new Set<() => string>();

export async function startLinli(
  env: NodeJS.ProcessEnv,
  timeoutMs = 90_000,
  bin = LINLI_BIN,
): Promise<RunningLinli> {
  let output = '';
  // BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof") lets a benchmark profile the server it starts.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, bin, 'serve'], {
    // The system picks the port as the server binds it: a port found free beforehand could be taken
    // by a server started alongside, whose health check would then answer for this one.
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  // If the test process dies without stopping it, the server must not outlive it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const recent = () => output;
  runningServerOutputs.add(recent);
  child.once('exit', () => {
    process.off('exit', killOnExit);
    runningServerOutputs.delete(recent);
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`linli exited early:\n${output}`);
    const ready = /Linli is ready at http:\/\/localhost:(\d+)/.exec(output);
    const url = ready ? `http://127.0.0.1:${ready[1]}` : undefined;
    try {
      if (url && (await fetch(`${url}/api/health`)).ok) return { child, url, output: () => output };
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`linli did not become healthy:\n${output}`);
}

/** SIGTERM, as a service manager would; SIGKILL if it has not exited within 15 s. */
export function stopLinli(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    child.kill('SIGTERM');
  });
}

/** Signs in over HTTP: the session's cookie and CSRF token, as a browser would hold them. */
export async function httpSession(baseUrl: string, username: string, password: string) {
  const res = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': '1' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { session } = await res.json();
  return { cookie, csrf: session.csrfToken as string };
}

/** Signs in over HTTP and returns a caller that carries the session's cookie and CSRF token. */
export async function signInOverHttp(baseUrl: string, username: string, password: string) {
  const { cookie, csrf } = await httpSession(baseUrl, username, password);
  return (method: string, p: string, body?: unknown) =>
    fetch(`${baseUrl}${p}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrf,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
}
