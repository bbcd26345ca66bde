import type { Handler } from './handler.js';

// Placeholder: being implemented (owner: helper B). Matches nothing until then.
export const deadlineHandler: Handler = {
  intent: 'deadline',
  match: () => 0,
  handle: async () => {
    throw new Error('not implemented');
  },
};

export const calculationHandler: Handler = {
  intent: 'calculation',
  match: () => 0,
  handle: async () => {
    throw new Error('not implemented');
  },
};
