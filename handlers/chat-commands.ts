import { fold } from '../knowledge/fold.js';
import type { ChatCommands } from '../knowledge/vocabulary/chat-commands.js';

export type ChatCommandId = ChatCommands['commands'][number]['id'];

/** A matched whole-message command and what follows its prefix (empty for a phrase). */
export interface ChatCommandMatch {
  readonly id: ChatCommandId;
  readonly rest: string;
}

/**
 * The command a whole message is, if any: its folded text, without trailing punctuation, equals a
 * phrase, or starts with a prefix and a space. `rest` keeps the user's own spelling.
 * @example matchChatCommand(kb.chatCommands, 'Kalender link?') → { id: 'calendar', rest: '' }
 * @example matchChatCommand(kb.chatCommands, 'feedback 👎 mist de bron') → { id: 'feedback', rest: '👎 mist de bron' }
 */
export function matchChatCommand(vocabulary: ChatCommands, text: string): ChatCommandMatch | undefined {
  const trimmed = text.trim();
  const folded = stripEnd(fold(trimmed), ' \t\n!?.');
  for (const command of vocabulary.commands) {
    if (command.phrases.some((p) => fold(p) === folded)) return { id: command.id, rest: '' };
    for (const prefix of command.prefixes ?? []) {
      const p = fold(prefix);
      if (folded === p) return { id: command.id, rest: '' };
      if (folded.startsWith(`${p} `)) return { id: command.id, rest: trimmed.slice(prefix.length).trim() };
    }
  }
  return undefined;
}

/** Reads a leading verdict word of a feedback argument: `👍 klopt` → helpful, comment "klopt". */
export function readVerdict(vocabulary: ChatCommands, rest: string): { helpful: boolean | undefined; comment: string } {
  const [first = '', ...others] = rest.trim().split(' ').filter((w) => w !== '');
  const word = stripEnd(fold(first), '!.,:;');
  const { helpful, notHelpful } = vocabulary.verdicts;
  if (helpful.some((w) => fold(w) === word)) return { helpful: true, comment: others.join(' ') };
  if (notHelpful.some((w) => fold(w) === word)) return { helpful: false, comment: others.join(' ') };
  return { helpful: undefined, comment: rest.trim() };
}

/** `text` without any of `chars` at its end. */
function stripEnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text.charAt(end - 1))) end -= 1;
  return text.slice(0, end);
}
