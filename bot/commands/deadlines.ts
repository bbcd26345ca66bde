import type { Command } from '../cli-io.js';
import { UsageError } from '../config-error.js';

// Placeholder: being implemented (owner: helper B).
export const deadlinesCommand: Command = async () => {
  throw new UsageError('deadlines: not available yet.');
};
