import type { Command } from '../cli-io.js';
import { UsageError } from '../config-error.js';

// Placeholder: being implemented (owner: helper C).
export const calendarCommand: Command = async () => {
  throw new UsageError('calendar: not available yet.');
};
