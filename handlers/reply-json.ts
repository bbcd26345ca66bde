import type { DeadlineItem, Intent, Language, Reply, Source } from './types.js';

/** The `ask --json` shape (also what `npm run eval` reads). */
export interface ReplyJson {
  readonly intent: Intent;
  readonly language: Language;
  readonly text: string;
  readonly sources: readonly Source[];
  readonly deadlines: readonly DeadlineItem[];
}

/** Flattens a reply into the stable JSON shape: sources and deadlines in block order, best first. */
export function replyToJson(reply: Reply): ReplyJson {
  const sources: Source[] = [];
  const deadlines: DeadlineItem[] = [];
  for (const block of reply.blocks) {
    if (block.kind === 'quote') sources.push(block.source);
    if (block.kind === 'sources') sources.push(...block.sources);
    if (block.kind === 'deadlines') deadlines.push(...block.deadlines);
    if (block.kind === 'checklist') sources.push(...block.items.flatMap((item) => (item.source ? [item.source] : [])));
  }
  return { intent: reply.intent, language: reply.language, text: reply.fallbackText, sources, deadlines };
}
