import { messages } from '../../handlers/messages/messages.js';
import type { Block, Reply } from '../../handlers/types.js';

/**
 * Renders a reply for a terminal: the plain-text form, then what to type for the buttons and
 * fields that have a typed equivalent (feedback), with any escape or control character that
 * slipped into quoted material removed so nothing can drive the user's terminal.
 */
export function renderTerminal(reply: Reply): string {
  const hints = reply.blocks.flatMap(typedCommands);
  const text = hints.length === 0 ? reply.fallbackText : `${reply.fallbackText}\n\n${messages(reply.language).rendering.type}: ${hints.join(' · ')}`;
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

function typedCommands(block: Block): string[] {
  switch (block.kind) {
    case 'actions':
      return block.buttons.flatMap((b) => (b.command ? [`${b.command} (${b.label})`] : []));
    case 'input':
      return block.command ? [`${block.command} (${block.label})`] : [];
    case 'text':
    case 'fields':
    case 'quote':
    case 'sources':
    case 'deadlines':
    case 'table':
    case 'checklist':
      return [];
    default: {
      const never: never = block;
      return never;
    }
  }
}
