import { addressKey } from '../../handlers/address-key.js';
import { oneLine } from '../../handlers/one-line.js';
import type { Feedback } from '../../handlers/store.js';
import type { Command } from '../cli-io.js';
import { loadConfig } from '../config.js';
import { UsageError } from '../config-error.js';
import { lazyStore } from '../create-context.js';
import { parseCommandArgs } from '../parse-args.js';

const USAGE = 'feedback: use "feedback list [--json]".';

/**
 * `contractbot feedback list [--json]`: what people said about answers, oldest first, for review:
 * time, conversation, 👍/👎, what it was about (intent and answer hash, or `chat` for typed
 * feedback) and the comment (privacy-guarded when it was stored). `--json` prints the stored records.
 */
export const feedbackCommand: Command = async (args, io) => {
  const [sub, ...rest] = args;
  if (sub !== 'list') throw new UsageError(sub ? `feedback: unknown subcommand "${oneLine(sub.slice(0, 40))}". ${USAGE.slice('feedback: '.length)}` : USAGE);
  const { values } = parseCommandArgs('feedback list', rest, { json: { type: 'boolean' } }, false);
  const config = loadConfig(io.env);
  const store = lazyStore(config.databaseUrl);
  try {
    const feedback = await (await store.get()).listFeedback();
    io.stdout.write(values.json ? `${JSON.stringify(feedback)}\n` : `${feedbackTable(feedback)}\n`);
    return 0;
  } finally {
    await store.close();
  }
};

/** One line per feedback; comments on one line with control characters escaped. */
export function feedbackTable(feedback: readonly Feedback[]): string {
  if (feedback.length === 0) return 'No feedback yet.';
  const rows = feedback.map((f) => [f.at, addressKey(f.address), f.helpful ? '👍' : '👎', f.subject, oneLine(f.comment ?? '')]);
  const header = ['At', 'Conversation', 'Verdict', 'About', 'Comment'];
  const widths = header.map((h, c) => Math.min(48, Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length))));
  const line = (cells: readonly string[]) => cells.map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
