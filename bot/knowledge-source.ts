import type { Store } from '../handlers/store.js';
import type { Logger } from '../handlers/logger.js';
import { readBundle, type Bundle } from '../knowledge/bundle.js';
import { GlossaryError, loadGlossary, type Glossary } from '../knowledge/glossary.js';
import { buildKnowledgeBase, type KnowledgeBase, type KnowledgeInputs } from '../knowledge/knowledge-base.js';
import type { Milestone } from '../knowledge/milestones/milestone.js';
import type { RelativeRule } from '../knowledge/rules/relative-rule.js';
import type { IndexData } from '../knowledge/search/search-index.js';
import { ConfigError } from './config-error.js';

/** How long a replica may answer from an older knowledge base before it checks the database again. */
export const KNOWLEDGE_REFRESH_MS = 30_000;

/**
 * The composition root's hold on the knowledge base: built from the shipped bundle plus the
 * database's uploaded documents and confirmed items, and rebuilt when the database's knowledge
 * version moves (a document added or a date confirmed on any replica).
 */
export interface KnowledgeSource {
  /** The knowledge base as last loaded (call {@link refresh} first at least once). */
  latest(): KnowledgeBase;
  /** Rebuilds when the database changed since the last load; resolves to the current value. */
  refresh(): Promise<KnowledgeBase>;
}

/**
 * With uploads the index covers more than the shipped one, and holds the uploaded documents' text
 * and passages: load the index a replica stored for this knowledge version and answer from the
 * documents' heads alone (no body is read), else read the bodies, build the index once and store
 * it, so the next cold start only loads it.
 */
async function withCachedIndex(db: Store, version: number, build: (uploads: KnowledgeInputs['uploads'], indexData?: IndexData) => KnowledgeBase, log: Logger | undefined): Promise<KnowledgeBase> {
  const heads = await db.listDocumentHeads();
  if (heads.length === 0) return build([]);
  const cached = await db.getIndexCache(version);
  if (cached) {
    try {
      return build(heads, JSON.parse(cached) as IndexData);
    } catch {
      // A damaged or stale cache entry (another format, other documents) is rebuilt below.
    }
  }
  const kb = build(await db.listDocuments());
  try {
    await db.putIndexCache(version, JSON.stringify(kb.index().data));
  } catch (error) {
    log?.warn('index cache not stored', { error: error instanceof Error ? error.message : String(error) });
  }
  return kb;
}

/** The glossary with CONTRACTBOT_GLOSSARY merged in; an invalid file is a configuration error. */
function glossaryOf(path: string | undefined): Glossary {
  try {
    return loadGlossary(path);
  } catch (error) {
    if (error instanceof GlossaryError) throw new ConfigError(`Invalid configuration: ${error.message}`);
    throw error;
  }
}

/**
 * Creates the source. Without a store (`store` undefined) the knowledge base is the bundle alone.
 * @example const source = createKnowledgeSource({ glossaryPath }, store.get); const kb = await source.refresh();
 */
export function createKnowledgeSource(options: { readonly glossaryPath?: string | undefined; readonly log?: Logger }, store?: () => Promise<Store>): KnowledgeSource {
  let bundle: Bundle | undefined;
  let glossary: Glossary | undefined;
  let current: KnowledgeBase | undefined;
  let loadedVersion = -1;
  let pending: Promise<KnowledgeBase> | undefined;

  const load = async (): Promise<KnowledgeBase> => {
    bundle ??= readBundle();
    glossary ??= glossaryOf(options.glossaryPath);
    if (!store) {
      current ??= buildKnowledgeBase({ bundle, glossary });
      return current;
    }
    const db = await store();
    const version = await db.knowledgeVersion();
    if (current && version === loadedVersion) return current;
    const items = version === 0 ? [] : await db.listKnowledgeItems({ status: 'confirmed' });
    const milestones: Milestone[] = [];
    const rules: RelativeRule[] = [];
    for (const item of items) {
      switch (item.kind) {
        case 'milestone':
          milestones.push(item.milestone);
          break;
        case 'rule':
          rules.push(item.rule);
          break;
      }
    }
    const build = (uploads: KnowledgeInputs['uploads'], indexData?: IndexData) =>
      buildKnowledgeBase({ bundle: bundle as Bundle, glossary: glossary as Glossary, ...(uploads ? { uploads } : {}), milestones, rules, ...(indexData ? { indexData } : {}) });
    current = version === 0 ? build([]) : await withCachedIndex(db, version, build, options.log);
    if (loadedVersion >= 0) options.log?.info('knowledge reloaded', { version, documents: current.documents.length });
    loadedVersion = version;
    return current;
  };

  return {
    latest() {
      if (!current) throw new Error('knowledge source used before its first refresh');
      return current;
    },
    refresh() {
      pending ??= load().finally(() => {
        pending = undefined;
      });
      return pending;
    },
  };
}
