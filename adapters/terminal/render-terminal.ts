import type { Reply } from '../../handlers/types.js';

/**
 * Renders a reply for a terminal: the plain-text form, with any escape or control character that
 * slipped into quoted material removed so nothing can drive the user's terminal.
 */
export function renderTerminal(reply: Reply): string {
  // eslint-disable-next-line no-control-regex
  return reply.fallbackText.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}
