import type { AdapterRegistry, ServeDeps } from '../serve-deps.js';
import type { ServerPart } from '../../adapters/server-part.js';
import { runSchedulerPass, type PassResult } from './run-scheduler-pass.js';

export interface SchedulerPart extends ServerPart {
  /** Resolves after the next pass has finished (tests, operators). */
  nextPass(): Promise<PassResult | undefined>;
}

/**
 * The reminder scheduler of `contractbot serve`: a pass right after start and then every
 * REMINDER_INTERVAL_SECONDS (default 60) on `deps.clock`, never two at once in one process (other
 * replicas are kept apart by the database claims). Undefined when the interval is 0. `stop()`
 * ends the loop after the message being sent.
 */
export async function createSchedulerPart(deps: ServeDeps, adapters: AdapterRegistry): Promise<SchedulerPart | undefined> {
  const intervalMs = deps.config.reminderIntervalMs;
  if (intervalMs <= 0) return undefined;
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let waiters: ((result: PassResult | undefined) => void)[] = [];

  const pass = async (): Promise<void> => {
    let result: PassResult | undefined;
    try {
      const store = await deps.store();
      result = await runSchedulerPass({ store, knowledge: await deps.refreshKnowledge(), adapters, holidays: deps.config.holidays, log: deps.log, now: deps.clock(), clock: deps.clock, signal: abort.signal });
      if (result.delivered.length > 0 || result.failed.length > 0) {
        deps.log.info('reminder pass', { delivered: result.delivered.length, failed: result.failed.length, late: result.delivered.filter((d) => d.late).length });
      }
    } catch (error) {
      deps.log.error('reminder pass failed', { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    }
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve(result);
  };

  const loop = (): void => {
    if (abort.signal.aborted) return;
    running = pass().finally(() => {
      running = undefined;
      if (!abort.signal.aborted) timer = setTimeout(loop, intervalMs);
    });
  };

  return {
    name: 'reminders',
    async start() {
      loop();
    },
    async stop() {
      abort.abort();
      if (timer) clearTimeout(timer);
      await running;
      for (const resolve of waiters.splice(0)) resolve(undefined);
    },
    nextPass: () => new Promise((resolve) => waiters.push(resolve)),
  };
}
