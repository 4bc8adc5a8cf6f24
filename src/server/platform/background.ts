import type { AppDeps } from './context.ts';

/**
 * Work the server does on its own (delivering notices, drawing places at a window's close). Each task
 * must be safe to run in several processes at once (claim rows with FOR UPDATE SKIP LOCKED or a
 * conditional UPDATE), and to run late: it acts on everything due by `deps.clock.now()`.
 */
export interface BackgroundTask {
  name: string;
  /** fixed, or read from the configuration (e.g. the notice worker's LINLI_NOTICE_INTERVAL_MS) */
  intervalMs: number | ((deps: AppDeps) => number);
  run(deps: AppDeps): Promise<unknown>;
}

const tasks: BackgroundTask[] = [];

/** Features register their tasks once, at module load. */
export function registerBackgroundTask(task: BackgroundTask) {
  if (!tasks.some((t) => t.name === task.name)) tasks.push(task);
}

/** Runs every registered task once, in order: what tests call after moving the clock. */
export async function runBackgroundTasksOnce(deps: AppDeps) {
  for (const task of tasks) await task.run(deps);
}

/** Starts the timers in a server process; the returned function stops them and waits for runs in flight. */
export function startBackgroundTasks(deps: AppDeps, log: { error(obj: unknown, msg: string): void }) {
  let stopped = false;
  const running = new Set<Promise<unknown>>();
  const timers = tasks.map((task) => {
    let busy = false;
    const intervalMs = typeof task.intervalMs === 'function' ? task.intervalMs(deps) : task.intervalMs;
    return setInterval(() => {
      if (busy || stopped) return;
      busy = true;
      const run = task
        .run(deps)
        .catch((err) => log.error({ err, task: task.name }, 'background task failed'))
        .finally(() => {
          busy = false;
          running.delete(run);
        });
      running.add(run);
    }, intervalMs);
  });
  return async () => {
    stopped = true;
    for (const t of timers) clearInterval(t);
    await Promise.allSettled([...running]);
  };
}
