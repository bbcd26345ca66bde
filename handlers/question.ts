import type { HandlerContext } from './context.js';
import type { Handler } from './handler.js';
import { makeReply } from './reply.js';
import type { Block, Language, Reply, Source } from './types.js';

/**
 * Below this share of the question's (rarity-weighted) concepts found in the best passage, the
 * documents probably do not answer: the reply says so and shows the closest passages. Calibrated
 * on in-domain and out-of-domain questions (see handlers/question.test.ts and the README).
 */
export const WEAK_EVIDENCE_COVERAGE = 0.5;
/** Below this, nothing found is worth showing as "closest" either. */
const NO_EVIDENCE_COVERAGE = 0.2;

const LABELS = {
  nl: {
    answer: (title: string) => `Volgens *${title}*:`,
    section: 'Sectie',
    weak: 'De documenten beantwoorden deze vraag mogelijk niet. Dit zijn de passages die er het dichtst bij komen:',
    none: (titles: string) =>
      `Daarover vind ik niets in de documenten over contractering die ik ken (${titles}). Ik beantwoord alleen vragen over die documenten; stel je vraag anders of typ "help".`,
    notLoaded: (names: string) =>
      `Let op: van ${names} heb ik geen inkoopbeleid geladen; hieronder staat wat de andere documenten zeggen.`,
    glossary: (message: string) => `De extra woordenlijst (CONTRACTBOT_GLOSSARY) is ongeldig, vraag de beheerder dit te herstellen: ${message}`,
  },
  en: {
    answer: (title: string) => `According to *${title}*:`,
    section: 'Section',
    weak: 'The documents may not answer this question. These are the closest passages I found:',
    none: (titles: string) =>
      `I found nothing about this in the contracting documents I know (${titles}). I only answer questions about those documents; try rephrasing or type "help".`,
    notLoaded: (names: string) => `Note: no purchasing policy of ${names} is loaded; below is what the other documents say.`,
    glossary: (message: string) => `The extra glossary (CONTRACTBOT_GLOSSARY) is invalid; ask the administrator to fix it: ${message}`,
  },
} as const;

function quote(text: string, before: boolean, after: boolean): string {
  return `${before ? '… ' : ''}${text}${after ? ' …' : ''}`;
}

/** Answers free questions from the knowledge documents, with citations; the fallback handler. */
export const questionHandler: Handler = {
  intent: 'question',
  // Any text may be a question about the documents; every more specific handler outranks this.
  match: (text) => (text.trim() === '' ? 0 : 0.1),
  handle: async (message, context, language) => answerQuestion(message.text, context, language),
};

async function answerQuestion(text: string, context: HandlerContext, language: Language): Promise<Reply> {
  const labels = LABELS[language];
  const [{ searchWithConcepts }, { loadGlossary, GlossaryError }, { answerSnippet }, { makeSource }, { findInsurers }, { loadDocuments }] =
    await Promise.all([
      import('../knowledge/search.js'),
      import('../knowledge/glossary.js'),
      import('../knowledge/search/answer-snippet.js'),
      import('../knowledge/source.js'),
      import('../knowledge/insurers.js'),
      import('../knowledge/documents.js'),
    ]);

  let glossary;
  try {
    glossary = loadGlossary(context.glossaryPath);
  } catch (error) {
    if (!(error instanceof GlossaryError)) throw error;
    context.log.error('glossary invalid', { error: error.message });
    return makeReply('unknown', language, [{ kind: 'text', markdown: labels.glossary(error.message) }]);
  }

  // The policy of an insurer the question names counts more; other insurers' policies less.
  const documents = loadDocuments();
  const mentioned = findInsurers(text);
  const loadedNames = new Set(mentioned.filter((m) => m.loaded).map((m) => m.name));
  const documentBoosts: Record<string, number> = {};
  if (loadedNames.size > 0) {
    for (const d of documents) if (d.insurer) documentBoosts[d.id] = loadedNames.has(d.insurer) ? 1.5 : 0.3;
  }
  const notLoaded = mentioned.filter((m) => !m.loaded).map((m) => m.name);

  const { concepts, hits } = searchWithConcepts(text, { limit: 6, documentBoosts, glossary });
  const best = hits[0];
  const toSource = (hit: (typeof hits)[number], maxChars: number): Source => {
    const snippet = answerSnippet(hit.passage, concepts, 'nl', maxChars);
    return makeSource(
      hit.passage.documentId,
      hit.passage.sectionPath.join(' › '),
      quote(snippet.text, snippet.trimmedBefore, snippet.trimmedAfter),
      Math.round(hit.score * 1000) / 1000,
    );
  };
  const notes: Block[] = notLoaded.length > 0 ? [{ kind: 'text', markdown: labels.notLoaded(notLoaded.join(', ')) }] : [];

  if (!best || best.coverage < NO_EVIDENCE_COVERAGE) {
    const titles = documents.map((d) => d.title).join('; ');
    return makeReply('question', language, [...notes, { kind: 'text', markdown: labels.none(titles) }]);
  }

  if (best.coverage < WEAK_EVIDENCE_COVERAGE) {
    const closest = hits.filter((h) => h.coverage >= NO_EVIDENCE_COVERAGE).slice(0, 3).map((h) => toSource(h, 300));
    return makeReply('question', language, [...notes, { kind: 'text', markdown: labels.weak }, { kind: 'sources', sources: closest }]);
  }

  // Further sources: other passages that also cover the question well, preferring other sections.
  const main = toSource(best, 420);
  const further = hits
    .slice(1)
    .filter((h) => h.coverage >= WEAK_EVIDENCE_COVERAGE * 0.8 && h.score >= best.score * 0.3)
    .slice(0, 2)
    .map((h) => toSource(h, 260));
  const heading = `${labels.answer(main.title)}${main.section ? ` (${labels.section.toLowerCase()} ${main.section})` : ''}`;
  // A quoted passage that states a catalogued dated step also gives it as a deadline, with its status.
  const { datedStepsIn } = await import('./dated-steps-in.js');
  const dated = datedStepsIn(best.passage.documentId, best.passage.text, context.now, language);
  return makeReply('question', language, [
    ...notes,
    { kind: 'text', markdown: `${heading}\n\n> ${main.snippet.replace(/\n/g, '\n> ')}` },
    ...(dated.length > 0 ? [{ kind: 'deadlines' as const, deadlines: dated }] : []),
    { kind: 'sources', sources: [main, ...further] },
  ]);
}
