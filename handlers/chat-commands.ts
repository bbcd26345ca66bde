import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { fold } from '../knowledge/fold.js';
import { knowledgePath } from '../knowledge/paths.js';

const schema = z.object({
  note: z.string(),
  commands: z
    .array(z.object({ id: z.enum(['calendar', 'home', 'feedback']), phrases: z.array(z.string().min(1)), prefixes: z.array(z.string().min(1)).optional() }))
    .min(1),
  verdicts: z.object({ helpful: z.array(z.string().min(1)).min(1), notHelpful: z.array(z.string().min(1)).min(1) }),
});

export type ChatCommandId = z.infer<typeof schema>['commands'][number]['id'];

/** A matched whole-message command and what follows its prefix (empty for a phrase). */
export interface ChatCommandMatch {
  readonly id: ChatCommandId;
  readonly rest: string;
}

let loaded: z.infer<typeof schema> | undefined;

/** The validated `knowledge/data/chat-commands.json` (read once). */
export function chatCommands(): z.infer<typeof schema> {
  return (loaded ??= schema.parse(JSON.parse(readFileSync(knowledgePath('data', 'chat-commands.json'), 'utf8'))));
}

/**
 * The command a whole message is, if any: its folded text, without trailing punctuation, equals a
 * phrase, or starts with a prefix and a space. `rest` keeps the user's own spelling.
 * @example matchChatCommand('Kalender link?') → { id: 'calendar', rest: '' }
 * @example matchChatCommand('feedback 👎 mist de bron') → { id: 'feedback', rest: '👎 mist de bron' }
 */
export function matchChatCommand(text: string): ChatCommandMatch | undefined {
  const trimmed = text.trim();
  const folded = stripEnd(fold(trimmed), ' \t\n!?.');
  for (const command of chatCommands().commands) {
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
export function readVerdict(rest: string): { helpful: boolean | undefined; comment: string } {
  const [first = '', ...others] = rest.trim().split(' ').filter((w) => w !== '');
  const word = stripEnd(fold(first), '!.,:;');
  const { helpful, notHelpful } = chatCommands().verdicts;
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
