import { readBundle, type Bundle } from '../bundle.js';
import { buildCleanedDocument, type CleanedDocument } from '../cleaned-documents.js';
import { loadGlossary } from '../glossary.js';
import { buildKnowledgeBase, type KnowledgeBase } from '../knowledge-base.js';
import { searchSpaceOf, type SearchSpace } from '../search.js';

let shipped: KnowledgeBase | undefined;
let bundle: Bundle | undefined;
const cleanedCache = new Map<string, CleanedDocument>();

/** The shipped knowledge base (bundle only), built once per test file: what a fresh install knows. */
export function testKnowledge(): KnowledgeBase {
  bundle ??= readBundle();
  shipped ??= buildKnowledgeBase({ bundle, glossary: loadGlossary() });
  return shipped;
}

/** The shipped knowledge base with other milestones (scheduler and calendar edge cases). */
export function knowledgeWithMilestones(milestones: KnowledgeBase['milestones']): KnowledgeBase {
  // Derived values may depend on the milestones: the copy keeps its own.
  const derived = new Map<string, unknown>();
  return {
    ...testKnowledge(),
    milestones,
    derived<T>(key: string, build: () => T): T {
      if (!derived.has(key)) derived.set(key, build());
      return derived.get(key) as T;
    },
  };
}

/** The shipped knowledge base's index and glossary, for search tests. */
export function testSearchSpace(): SearchSpace {
  return searchSpaceOf(testKnowledge());
}

/** A shipped document cleaned with its blocks (what ingest builds passages and proposals from). */
export function shippedCleaned(id: string): CleanedDocument {
  bundle ??= readBundle();
  let doc = cleanedCache.get(id);
  if (!doc) {
    const raw = bundle.rawText(id);
    if (raw === undefined) throw new Error(`Unknown shipped document: ${id}`);
    doc = buildCleanedDocument(id, raw);
    cleanedCache.set(id, doc);
  }
  return doc;
}
