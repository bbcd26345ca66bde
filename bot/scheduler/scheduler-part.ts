import type { AdapterRegistry, ServeDeps } from '../serve-deps.js';
import type { ServerPart } from '../server-part.js';

// Placeholder: being implemented (owner: helper C).
export async function createSchedulerPart(_deps: ServeDeps, _adapters: AdapterRegistry): Promise<ServerPart | undefined> {
  return undefined;
}
