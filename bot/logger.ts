import type { LogFields, Logger } from '../handlers/logger.js';

export type { Logger } from '../handlers/logger.js';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** A JSON-lines logger writing to a sink (stderr by default, so stdout stays clean for `--json`). */
export function createLogger(level: LogLevel, sink: (line: string) => void = (l) => process.stderr.write(l + '\n')): Logger {
  const write = (at: Exclude<LogLevel, 'silent'>, message: string, fields?: LogFields): void => {
    if (ORDER[at] < ORDER[level]) return;
    sink(JSON.stringify({ level: at, time: new Date().toISOString(), msg: message, ...fields }));
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

/** A logger that drops everything. */
export const silentLogger: Logger = createLogger('silent', () => undefined);
