import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './config-error.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, with its errors turned into one-line {@link UsageError}s. */
export function parseCommandArgs<O extends Options>(command: string, args: string[], options: O, allowPositionals = true) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UsageError(`${command}: ${message}. See "contractbot --help".`);
  }
}
