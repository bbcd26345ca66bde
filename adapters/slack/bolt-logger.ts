import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../handlers/logger.js';

/**
 * Bolt's and the Web API client's log lines, through the project logger. Their debug output is
 * dropped: it contains request bodies (user text, answers). Other lines keep only their text,
 * shortened, under `source: 'slack'`.
 */
export function boltLogger(log: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const line = (msg: unknown[]): string =>
    msg
      .map((m) => (m instanceof Error ? `${m.name}: ${m.message}` : typeof m === 'string' ? m : safeJson(m)))
      .join(' ')
      .slice(0, 500);
  return {
    debug: () => undefined,
    info: (...msg: unknown[]) => log.info(line(msg), { source: 'slack' }),
    warn: (...msg: unknown[]) => log.warn(line(msg), { source: 'slack' }),
    error: (...msg: unknown[]) => log.error(line(msg), { source: 'slack' }),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
