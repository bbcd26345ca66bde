import { handlers } from '../handlers/registry.js';
import { createRouter } from '../handlers/router.js';

/** The router over every registered handler: what all adapters call. */
export const route = createRouter(handlers);
