// CPU time used by the processes of a load run, read from /proc: on a machine whose speed drifts from
// minute to minute, CPU per request is a steadier figure than the throughput at saturation.
import fs from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux the bench runs on

function cpuMsOf(pid: string): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0; // the process ended between listing and reading
  }
}

function postgresCpuMs(): number {
  let total = 0;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') total += cpuMsOf(pid);
    } catch {
      // gone already
    }
  }
  return total;
}

export interface CpuUse {
  serverMs: number;
  /** all PostgreSQL processes on the machine; 0 on PGlite, which runs inside the server */
  postgresMs: number;
  /** this process: the load generator */
  generatorMs: number;
}

export function cpuUseNow(serverPid: number): CpuUse {
  const own = process.cpuUsage();
  return {
    serverMs: cpuMsOf(String(serverPid)),
    postgresMs: postgresCpuMs(),
    generatorMs: (own.user + own.system) / 1000,
  };
}

/**
 * Backends that ended during the run take their CPU time with them, so PostgreSQL's figure is a floor;
 * the server keeps its pool open, so in practice none do.
 */
export function cpuPerRequest(before: CpuUse, after: CpuUse, requests: number) {
  const per = (a: number, b: number) => (requests > 0 ? (b - a) / requests : 0);
  return {
    server: per(before.serverMs, after.serverMs),
    postgres: per(before.postgresMs, after.postgresMs),
    generator: per(before.generatorMs, after.generatorMs),
  };
}
