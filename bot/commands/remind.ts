import type { Command } from '../cli-io.js';
import { UsageError } from '../config-error.js';

// Placeholder: being implemented (owner: helper C).
export const remindCommand: Command = async () => {
  throw new UsageError('remind: not available yet.');
};
