import lunr from 'lunr';
import nlPlugin from 'lunr-languages/lunr.nl.js';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';

/**
 * Which stemmers the index uses: Dutch only, or English then Dutch on every token (what
 * `lunr.multiLanguage('en', 'nl')` does).
 */
export type IndexLanguage = 'nl' | 'en-nl';

/** The index language ContractBot ships with (measured: see README "Search"). */
export const INDEX_LANGUAGE: IndexLanguage = 'nl';

let registered = false;

/** Folds accents and case so "patient" finds "patiënt"; runs before stop words and stemming. */
function fold(token: lunr.Token): lunr.Token {
  return token.update((s) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase());
}

/** Like lunr's trimmer, but keeps digits ("80%" → "80", "2024" stays). */
function trimmer(token: lunr.Token): lunr.Token {
  return token.update((s) => s.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
}

/**
 * lunr with lunr-languages' stemmer support and Dutch registered, plus ContractBot's own pipeline
 * functions (registered under fixed labels, as `lunr.Index.load` requires). Idempotent.
 */
export function dutchLunr(): typeof lunr {
  if (registered) return lunr;
  stemmerSupport(lunr);
  nlPlugin(lunr);
  lunr.Pipeline.registerFunction(fold, 'contractbot-fold');
  lunr.Pipeline.registerFunction(trimmer, 'contractbot-trimmer');
  registered = true;
  return lunr;
}

/** The builder plugin: tokens folded, trimmed, Dutch stop words removed, stemmed. */
export function pipelinePlugin(language: IndexLanguage): lunr.Builder.Plugin {
  const l = dutchLunr();
  return function (this: lunr.Builder) {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.pipeline.add(fold, trimmer, l.nl.stopWordFilter!);
    if (language === 'en-nl') this.pipeline.add(l.stopWordFilter);
    for (const stem of stemmers(language)) {
      this.pipeline.add(stem);
      this.searchPipeline.add(stem);
    }
  };
}

function stemmers(language: IndexLanguage): lunr.PipelineFunction[] {
  const l = dutchLunr();
  return language === 'en-nl' ? [l.stemmer, l.nl.stemmer!] : [l.nl.stemmer!];
}

let analyzers = new Map<IndexLanguage, lunr.Pipeline>();

/**
 * The index terms a text produces (folded, trimmed, stop words removed, stemmed), in order.
 * Used for queries (so user text never reaches lunr's query parser) and for scoring sentences.
 *
 * @example analyze('De afslagen op maximumtarieven') // → ['afslag', 'maximumtariev']
 */
export function analyze(text: string, language: IndexLanguage = INDEX_LANGUAGE): string[] {
  const l = dutchLunr();
  let pipeline = analyzers.get(language);
  if (!pipeline) {
    pipeline = new l.Pipeline();
    pipeline.add(fold, trimmer, l.nl.stopWordFilter!);
    if (language === 'en-nl') pipeline.add(l.stopWordFilter);
    for (const stem of stemmers(language)) pipeline.add(stem);
    analyzers = new Map(analyzers).set(language, pipeline);
  }
  // "*" would be a wildcard in lunr's token sets: never let one through.
  return pipeline
    .run(l.tokenizer(text))
    .map((t) => String(t).replace(/\*/g, ''))
    .filter((t) => t.length > 1 || /\d/.test(t));
}
