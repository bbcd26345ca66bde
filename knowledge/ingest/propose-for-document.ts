import type { CleanedDocument } from '../cleaned-documents.js';
import type { Milestone } from '../milestones/milestone.js';
import { readProposalVocabulary, type ProposalVocabulary } from '../milestones/proposal-vocabulary.js';
import type { ProposalContext } from '../milestones/proposal-context.js';
import { proposeMilestones } from '../milestones/propose-milestones.js';
import { readStepVocabulary, type StepVocabulary } from '../milestones/step-vocabulary.js';
import { proposeRules, type RuleProposal } from '../rules/propose-rules.js';
import type { ExtractedDocument } from './extract/extracted-document.js';
import { locateInRaw } from './extract/locate-in-raw.js';

/** A proposal with the page its quote stands on (undefined when the quote is not found in the raw text). */
export type Paged<T> = T & { readonly page: number | undefined };

/**
 * The milestone and rule proposals of an uploaded document, each with its page: the proposals
 * come from the cleaned text ({@link proposeMilestones}, {@link proposeRules}), the pages from
 * finding their quotes in the extracted raw text ({@link locateInRaw}).
 *
 * @example
 * const cleaned = buildCleanedDocument(id, extracted.rawText);
 * const { milestones, rules } = proposeForDocument(extracted, cleaned, { documentId: id, insurer: 'CZ', sector: 'ggz', contractYear: 2027 });
 */
export function proposeForDocument(
  document: ExtractedDocument,
  cleaned: Pick<CleanedDocument, 'text' | 'blocks' | 'sections'>,
  context: ProposalContext,
  vocabulary: ProposalVocabulary = readProposalVocabulary(),
  steps: StepVocabulary = readStepVocabulary(),
): { milestones: Paged<Milestone>[]; rules: Paged<RuleProposal>[] } {
  const page = (quote: string) => locateInRaw(document, quote)?.page;
  return {
    milestones: proposeMilestones(cleaned, context, vocabulary, steps).map((m) => ({ ...m, page: page(m.quote) })),
    rules: proposeRules(cleaned, context, vocabulary).map((r) => ({ ...r, page: page(r.quote) })),
  };
}
