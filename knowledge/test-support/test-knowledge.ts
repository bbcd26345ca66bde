import { readBundle } from '../bundle.js';
import { loadGlossary } from '../glossary.js';
import { buildKnowledgeBase, type KnowledgeBase } from '../knowledge-base.js';
import { searchSpaceOf, type SearchSpace } from '../search.js';

let shipped: KnowledgeBase | undefined;

/** The shipped knowledge base (bundle only), built once per test file: what a fresh install knows. */
export function testKnowledge(): KnowledgeBase {
  shipped ??= buildKnowledgeBase({ bundle: readBundle(), glossary: loadGlossary() });
  return shipped;
}

/** The shipped knowledge base with other milestones (scheduler and calendar edge cases). */
export function knowledgeWithMilestones(milestones: KnowledgeBase['milestones']): KnowledgeBase {
  return { ...testKnowledge(), milestones };
}

/** The shipped knowledge base's index and glossary, for search tests. */
export function testSearchSpace(): SearchSpace {
  return searchSpaceOf(testKnowledge());
}
