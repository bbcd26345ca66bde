import type { ServeDeps } from '../../bot/serve-deps.js';
import type { ServerPart } from '../../bot/server-part.js';

// Placeholder: being implemented (owner: helper D).
export async function createSlackPart(_deps: ServeDeps): Promise<ServerPart | undefined> {
  return undefined;
}
