import type { InsurerMention } from '../knowledge/vocabulary/insurer-catalog.js';
import type { HandlerContext } from './context.js';
import { findEvidence, questionReply } from './question.js';
import { makeReply } from './reply.js';
import type { Block, Reply } from './types.js';
import type { Understanding } from './understand/understanding.js';

/** The question's text about one insurer: the other insurers named are left out. */
function textFor(u: Understanding, insurer: InsurerMention): string {
  let text = u.text;
  for (const other of u.insurers) if (other.name !== insurer.name) text = text.split(other.matched).join(' ');
  return text;
}

/**
 * A document question naming several insurers with a loaded policy ("Wat zeggen VGZ en Zorg en
 * Zekerheid over wachttijden?") answered for each, in the order named: each insurer's answer from
 * a search about that insurer alone (its own policy counts more), under the insurer's name, with
 * its answering passage only (no further sources), so every insurer's source is among the first.
 */
export async function answerEachInsurer(u: Understanding, insurers: readonly InsurerMention[], context: HandlerContext): Promise<Reply> {
  const { judgeEvidence, loadEvidenceRule } = await import('../knowledge/search/evidence-rule.js');
  const rule = loadEvidenceRule();
  const blocks: Block[] = [];
  for (const insurer of insurers) {
    const found = await findEvidence(textFor(u, insurer), context, [insurer]);
    const reply = 'hits' in found ? await questionReply(found, judgeEvidence(found.features, rule), rule, context, u.language) : found.reply(u.language);
    blocks.push({ kind: 'text', markdown: `**${insurer.name}**` });
    for (const block of reply.blocks) {
      if (block.kind === 'sources') {
        // A weak answer's closest passage stays; further sources of an answer are left out.
        if (!reply.blocks.some((b) => b.kind === 'quote') && block.sources[0]) blocks.push({ ...block, sources: [block.sources[0]] });
        continue;
      }
      blocks.push(block);
    }
  }
  return makeReply('question', u.language, blocks);
}
