import { checkAnswer, type AskOutcome, type CheckResult } from './check-answer.js';
import type { EvalConversation } from './eval-question.js';

/** Asks one question at a date (YYYY-MM-DD) in a conversation address, as `contractbot ask --json --now <now> --conversation <address>` does. */
export type AskTurn = (question: string, now: string, address: string) => Promise<AskOutcome>;

/** A conversation checked turn by turn: every turn in the same address, each with its own checks. */
export interface ConversationResult {
  readonly turns: readonly CheckResult[];
  readonly pass: boolean;
}

/**
 * The eval's conversation runner: the turns of a conversation asked in order in one address (so
 * each sees the memory of the turns before), each checked on its own; the conversation passes when
 * every turn does. `ask` is the CLI for `contractbot eval`, the router in-process for tests.
 * @example await checkConversation(conversation, '2026-11-23', 'local:eval-k01', (q, now, address) => runAsk(bin, q, now, env, address))
 */
export async function checkConversation(conversation: EvalConversation, defaultNow: string, address: string, ask: AskTurn): Promise<ConversationResult> {
  const turns: CheckResult[] = [];
  for (const turn of conversation.turns) {
    turns.push(checkAnswer(turn, await ask(turn.q, turn.now ?? conversation.now ?? defaultNow, address)));
  }
  return { turns, pass: turns.every((t) => t.pass) };
}
