export { ConfigError } from '../adapters/config-error.js';

/** A command-line usage error: printed as one line on stderr, exit code 2. */
export class UsageError extends Error {
  readonly code = 'USAGE';
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
