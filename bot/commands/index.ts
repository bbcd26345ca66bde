import type { Command } from '../cli-io.js';
import { UsageError } from '../config-error.js';

// Placeholder: being implemented (owner: helper A).
export const indexCommand: Command = async () => {
  throw new UsageError('index: not available yet.');
};
