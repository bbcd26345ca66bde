import type { Handler } from './handler.js';

// Placeholder: being implemented (owner: helper A). Matches nothing until then.
export const questionHandler: Handler = {
  intent: 'question',
  match: () => 0,
  handle: async () => {
    throw new Error('not implemented');
  },
};
