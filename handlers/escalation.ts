import type { Handler } from './handler.js';

// Placeholder: being implemented (owner: helper F). Matches nothing until then.
export const escalationHandler: Handler = {
  intent: 'escalation',
  match: () => 0,
  handle: async () => {
    throw new Error('not implemented');
  },
};
