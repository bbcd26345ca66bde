import type { ServeDeps } from '../serve-deps.js';
import type { ServerPart } from '../server-part.js';

// Placeholder: being implemented (owner: helper C).
export async function createCalendarPart(_deps: ServeDeps): Promise<ServerPart | undefined> {
  return undefined;
}
