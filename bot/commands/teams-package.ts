import type { Command } from '../cli-io.js';
import { UsageError } from '../config-error.js';

// Placeholder: being implemented (owner: helper E).
export const teamsPackageCommand: Command = async () => {
  throw new UsageError('teams-package: not available yet.');
};
