import type { ServeDeps } from '../../bot/serve-deps.js';
import type { ServerPart } from '../../bot/server-part.js';

// Placeholder: being implemented (owner: helper E).
export async function createTeamsPart(_deps: ServeDeps): Promise<ServerPart | undefined> {
  return undefined;
}
