/** Structured fields of a log line. Never put user text, tokens or personal data in them. */
export type LogFields = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** The logging port handlers and adapters write to; `bot/logger.ts` implements it. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}
