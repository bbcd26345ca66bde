import type { SearchHit, WeightedConcept } from '../knowledge/search.js';
import type { EvidenceFeatures } from '../knowledge/search/evidence-features.js';
import type { EvidenceRule, EvidenceVerdict } from '../knowledge/search/evidence-rule.js';
import type { InsurerMention } from '../knowledge/vocabulary/insurer-catalog.js';
import type { HandlerContext } from './context.js';
import type { Handler } from './handler.js';
import { makeReply } from './reply.js';
import { assertNever, type Block, type DeadlineItem, type Language, type Reply, type Source } from './types.js';

const LABELS = {
  nl: {
    answer: (publisher: string) => `Volgens ${publisher}:`,
    weak: 'De documenten beantwoorden deze vraag mogelijk niet. Dit zijn de passages die er het dichtst bij komen:',
    none: (titles: string) =>
      `Daarover vind ik niets in de documenten over contractering die ik ken (${titles}). Ik beantwoord alleen vragen over die documenten; stel je vraag anders of typ "help".`,
    notLoaded: (names: string) =>
      `Let op: van ${names} heb ik geen inkoopbeleid geladen; hieronder staat wat de andere documenten zeggen.`,
  },
  en: {
    answer: (publisher: string) => `According to ${publisher}:`,
    weak: 'The documents may not answer this question. These are the closest passages I found:',
    none: (titles: string) =>
      `I found nothing about this in the contracting documents I know (${titles}). I only answer questions about those documents; try rephrasing or type "help".`,
    notLoaded: (names: string) => `Note: no purchasing policy of ${names} is loaded; below is what the other documents say.`,
  },
} as const;

function quote(text: string, before: boolean, after: boolean): string {
  return `${before ? '… ' : ''}${text}${after ? ' …' : ''}`;
}

/** What a search found for a question, before deciding whether it answers. */
export interface QuestionEvidence {
  readonly concepts: readonly WeightedConcept[];
  readonly hits: readonly SearchHit[];
  readonly features: EvidenceFeatures | undefined;
  /** Insurers the question names whose policy is not loaded. */
  readonly notLoaded: readonly string[];
}

/** Answers free questions from the knowledge documents, with citations; the fallback handler. */
export const questionHandler: Handler = {
  intent: 'question',
  handle: async (_message, understanding, context) => {
    const { language } = understanding;
    // Several insurers with a loaded policy: an answer for each.
    const loaded = understanding.insurers.filter((i) => i.loaded);
    if (loaded.length > 1) {
      const { answerEachInsurer } = await import('./question-each-insurer.js');
      return answerEachInsurer(understanding, loaded, context);
    }
    const found = await findEvidence(understanding.text, context, understanding.insurers);
    if (!('hits' in found)) return found.reply(language);
    const { judgeEvidence, loadEvidenceRule } = await import('../knowledge/search/evidence-rule.js');
    const rule = loadEvidenceRule();
    return questionReply(found, judgeEvidence(found.features, rule), rule, context, language);
  },
};

/**
 * Searches the documents for a question: the policy of an insurer the question names (the
 * understanding's insurers, which a follow-up may have filled) counts more, other insurers' policies less.
 */
export async function findEvidence(
  text: string,
  context: HandlerContext,
  mentioned: readonly InsurerMention[] = context.knowledge.insurers.find(text),
): Promise<QuestionEvidence | { reply: (language: Language) => Reply }> {
  const kb = context.knowledge;
  const [{ searchWithConcepts, searchSpaceOf }, { evidenceFeatures }] = await Promise.all([import('../knowledge/search.js'), import('../knowledge/search/evidence-features.js')]);
  const loadedNames = new Set(mentioned.filter((m) => m.loaded).map((m) => m.name));
  const documentBoosts: Record<string, number> = {};
  if (loadedNames.size > 0) {
    for (const d of kb.documents) if (d.insurer) documentBoosts[d.id] = loadedNames.has(d.insurer) ? 1.5 : 0.3;
  }
  const { concepts, hits } = searchWithConcepts(searchSpaceOf(kb), text, { limit: 6, documentBoosts });
  return { concepts, hits, features: evidenceFeatures(concepts, hits), notLoaded: mentioned.filter((m) => !m.loaded).map((m) => m.name) };
}

/**
 * The reply for a verdict on the evidence: the answering passage quoted once with its citation,
 * the dated steps it states (with their status, not their sentence again) and up to two further
 * sources; or, when weak, a hedge with the closest passages; or, when nothing relevant was found,
 * an honest "nothing found".
 */
export async function questionReply(
  evidence: QuestionEvidence,
  verdict: EvidenceVerdict,
  rule: EvidenceRule,
  context: HandlerContext,
  language: Language,
): Promise<Reply> {
  const labels = LABELS[language];
  const kb = context.knowledge;
  const { answerSnippet } = await import('../knowledge/search/answer-snippet.js');
  const { concepts, hits, notLoaded } = evidence;
  const toSource = (hit: SearchHit, maxChars: number): { source: Source; shown: string } => {
    const owner = { insurer: kb.document(hit.passage.documentId)?.insurer ?? null, insurers: kb.insurers };
    // The index built the passage's sentences and their terms: quoting stems nothing at answer time.
    const snippet = answerSnippet(hit.passage, concepts, 'nl', maxChars, owner, kb.index().sentences(hit.passage, 'nl'));
    const source = kb.source(
      hit.passage.documentId,
      hit.passage.sectionPath.join(' › '),
      quote(snippet.text, snippet.trimmedBefore, snippet.trimmedAfter),
      Math.round(hit.score * 1000) / 1000,
    );
    return { source, shown: snippet.text };
  };
  const notes: Block[] = notLoaded.length > 0 ? [{ kind: 'text', markdown: labels.notLoaded(notLoaded.join(', ')) }] : [];
  const best = hits[0];

  switch (verdict) {
    case 'none': {
      const titles = kb.documents.map((d) => d.title).join('; ');
      return makeReply('question', language, [...notes, { kind: 'text', markdown: labels.none(titles) }]);
    }
    case 'weak': {
      const closest = hits.filter((h) => h.coverage >= rule.noneBelowCoverage).slice(0, 3).map((h) => toSource(h, 300).source);
      return makeReply('question', language, [...notes, { kind: 'text', markdown: labels.weak }, { kind: 'sources', sources: closest }]);
    }
    case 'answer':
      break;
    default:
      return assertNever(verdict);
  }
  if (!best) return makeReply('question', language, [...notes, { kind: 'text', markdown: labels.none('') }]);

  // Further sources: other passages that also cover the question well and say something the main quote does not.
  const main = toSource(best, 420);
  const further = hits
    .slice(1)
    .filter((h) => h.coverage >= rule.furtherMinCoverage && h.score >= best.score * rule.furtherMinScoreRatio)
    .map((h) => toSource(h, 260))
    .filter((f) => !main.shown.includes(f.shown) && !f.shown.includes(main.shown))
    .slice(0, 2)
    .map((f) => f.source);
  // A quoted passage that states a catalogued dated step also gives it as a deadline with its status;
  // the step's sentence is not repeated when the quote already shows it.
  const { datedStepsIn } = await import('./dated-steps-in.js');
  const { quoteKey } = await import('../knowledge/milestones/locate-quote.js');
  const shownKey = quoteKey(main.shown);
  const dated = datedStepsIn(kb, best.passage.documentId, best.passage.text, context.now, language).map((d) =>
    d.quote !== undefined && shownKey.includes(quoteKey(d.quote)) ? withoutQuote(d) : d,
  );
  return makeReply('question', language, [
    ...notes,
    { kind: 'quote', intro: labels.answer(main.source.publisher), source: main.source },
    ...(dated.length > 0 ? [{ kind: 'deadlines' as const, deadlines: dated }] : []),
    ...(further.length > 0 ? [{ kind: 'sources' as const, sources: further, further: true }] : []),
  ]);
}

/** A deadline item without its source sentence (shown elsewhere in the reply). */
function withoutQuote(item: DeadlineItem): DeadlineItem {
  const { quote: _quote, section: _section, ...rest } = item;
  return rest;
}
