import type { Handler } from './handler.js';

// Placeholder: being implemented (owner: helper C). Matches nothing until then.
export const reminderHandler: Handler = {
  intent: 'reminder',
  match: () => 0,
  handle: async () => {
    throw new Error('not implemented');
  },
};
