import type { Command } from '../cli-io.js';
import { UsageError } from '../config-error.js';

// Placeholder: being implemented (owner: helper A).
export const evalCommand: Command = async () => {
  throw new UsageError('eval: not available yet.');
};
