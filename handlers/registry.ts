import type { Handler } from './handler.js';

/**
 * The handlers of the core, in priority order (ties in match score go to the earlier one).
 * The help handler is always first and added by the router.
 */
export const handlers: readonly Handler[] = [];
