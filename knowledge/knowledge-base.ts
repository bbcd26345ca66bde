import { createHash } from 'node:crypto';
import { buildCleanedDocument, sectionPathIn, type CleanedDocument, type DocumentText } from './cleaned-documents.js';
import type { DocumentMeta } from './documents.js';
import type { EscalationSteps } from './escalation/escalation-item.js';
import type { Glossary } from './glossary.js';
import { buildPassages, type Passage } from './ingest/passages.js';
import type { Milestone } from './milestones/milestone.js';
import type { RelativeRule } from './rules/relative-rule.js';
import { buildIndexData, isCurrentIndex, toSearchIndex, type DocumentToIndex, type IndexData, type SearchIndex } from './search/search-index.js';
import { makeSource, type Source } from './source.js';
import { createInsurerCatalog, type InsurerCatalog } from './vocabulary/insurer-catalog.js';
import { createSectorCatalog, type SectorCatalog } from './vocabulary/sector-catalog.js';
import type { Bundle } from './bundle.js';
import type { ChatCommands } from './vocabulary/chat-commands.js';
import { createReminderWords, type ReminderWords } from './vocabulary/reminder-words.js';
import { PhraseList } from './vocabulary/phrase-list.js';
import { StepVocabulary } from './milestones/step-vocabulary.js';

export type SmalltalkId = 'greeting' | 'thanks' | 'capabilities' | 'help' | 'filler';
export type ControlId = 'language-en' | 'language-nl' | 'stop' | 'cancel' | 'filler';
export type CueId =
  | 'calendar-app'
  | 'calendar-word'
  | 'subscribe'
  | 'deadline-word'
  | 'question-start'
  | 'checklist-keep'
  | 'checklist-replace'
  | 'escalation-word'
  | 'checklist-word'
  | 'artefact'
  | 'nza'
  | 'signal-word'
  | 'draft-verb'
  | 'first-person'
  | 'deadlock'
  | 'what-now'
  | 'filler';

export type WhenId =
  | 'when'
  | 'strong'
  | 'end'
  | 'explicit-end'
  | 'within'
  | 'event'
  | 'expect'
  | 'other-intent'
  | 'bare-when'
  | 'when-link'
  | 'asking-after'
  | 'subject-after'
  | 'planning-word'
  | 'planning-link'
  | 'english-data';
export type ChecklistWordId = 'tick' | 'untick' | 'number-word' | 'number-joiner' | 'export' | 'show' | 'checklist' | 'plan' | 'escalation' | 'article' | 'format';
export type ReminderCommandWordId =
  | 'reminder-word'
  | 'reminder-noun'
  | 'stop-verb'
  | 'stop-after'
  | 'not-stop'
  | 'list-verb'
  | 'list-after'
  | 'subscribe-verb'
  | 'subscribe-link'
  | 'subscribe-word'
  | 'remind-target'
  | 'question-start'
  | 'thread'
  | 'language-nl'
  | 'language-en'
  | 'all-insurers';
export type PeriodWordId = 'working-days' | 'working-weeks' | 'days' | 'weeks' | 'months' | 'after' | 'before' | 'currency';
/** `document:<id>` and `trigger:<rule trigger>` entries besides these. */
export type DeadlineCueId = 'year-this' | 'year-next' | 'year-last' | 'actor-provider' | 'actor-insurer' | 'nza' | 'nza-recipient' | `document:${string}` | `trigger:${string}`;

/** Time-window and reference-day words (vocabulary/time-words.json): `month:N`, `number:N`, `unit:X` / `units:X`, `day:N`, `quarter:N`, `ordinal:N` besides these. */
export type TimeWordId =
  | `month:${number}`
  | `number:${number}`
  | `unit:${string}`
  | `units:${string}`
  | `day:${number}`
  | `quarter:${number}`
  | `ordinal:${number}`
  | 'deadlines'
  | 'coming'
  | 'next'
  | 'this'
  | 'next-one'
  | 'rest-of-year'
  | 'upcoming'
  | 'between'
  | 'in'
  | 'joiner'
  | 'of'
  | 'article'
  | 'before'
  | 'until'
  | 'end-of';
/** Follow-up and comparison words (vocabulary/conversation.json). */
export type ConversationCueId = 'lead' | 'anaphor' | 'reask' | 'filler' | 'subset' | 'compare' | 'which-insurer' | 'rank';

/** The compiled bilingual word lists the understanding reads (knowledge/data/vocabulary/). */
export interface Phrases {
  readonly smalltalk: PhraseList<SmalltalkId>;
  readonly control: PhraseList<ControlId>;
  readonly cues: PhraseList<CueId>;
  readonly when: PhraseList<WhenId>;
  readonly deadline: PhraseList<DeadlineCueId>;
  /** Typed commands on the open escalation checklist. */
  readonly checklist: PhraseList<ChecklistWordId>;
  /** Reminder commands: subscribe, list, stop. */
  readonly reminder: PhraseList<ReminderCommandWordId>;
  /** Periods ("10 werkdagen na") and amounts in calculation questions. */
  readonly periods: PhraseList<PeriodWordId>;
  readonly time: PhraseList<TimeWordId>;
  readonly conversation: PhraseList<ConversationCueId>;
}

/** A document added at run time (`documents add`, a chat upload), as the database keeps it. */
export interface StoredDocument {
  readonly meta: DocumentMeta;
  readonly cleaned: CleanedDocument;
  readonly passages: readonly Passage[];
  /** Page number of each block start (PDF); empty for formats without pages. */
  readonly pages: readonly { readonly page: number; readonly start: number }[];
  readonly addedAt: string;
}

/** An uploaded document without its body (metadata and when it was added): what a cold start lists. */
export type StoredDocumentHead = Pick<StoredDocument, 'meta' | 'addedAt'>;

/** The knowledge base's inputs need the bodies of uploaded documents to build an index, and none were given. */
export class IndexNeedsBodiesError extends Error {
  constructor() {
    super('no current index for these uploads, and their bodies were not given to build one');
    this.name = 'IndexNeedsBodiesError';
  }
}

/**
 * Everything the bot knows, as one value: documents (shipped and uploaded), their cleaned text and
 * passages, the search index, confirmed milestones and relative rules, the glossary, insurers,
 * sectors and the escalation steps. Built by `bot/` from the shipped bundle plus the database and
 * handed to handlers in their context, like `now`; nothing in the core reads it from a module.
 * Expensive parts (cleaning, index) are built on first use and kept in the value.
 */
export interface KnowledgeBase {
  /** Changes whenever a document or a confirmed milestone or rule changes (replicas compare it). */
  readonly version: string;
  readonly documents: readonly DocumentMeta[];
  document(id: string): DocumentMeta | undefined;
  /** Metadata of a document the knowledge base holds; throws for an unknown id (a programming error). */
  requireDocument(id: string): DocumentMeta;
  /** A document's cleaned text and sections (an uploaded one's from the index, not from its stored body). */
  cleaned(id: string): DocumentText;
  sectionPathAt(id: string, offset: number): string[];
  /** Page of a character offset of an uploaded paged document (PDF), if known. */
  pageAt(id: string, offset: number): number | undefined;
  index(): SearchIndex;
  readonly glossary: Glossary;
  /** Confirmed milestones only: proposals never reach answers, reminders or the calendar. */
  readonly milestones: readonly Milestone[];
  readonly rules: readonly RelativeRule[];
  readonly insurers: InsurerCatalog;
  readonly sectors: SectorCatalog;
  readonly escalation: EscalationSteps;
  /** Whole-message chat commands and feedback verdict words (data). */
  readonly chatCommands: ChatCommands;
  /** The words of reminder requests: personal, sector statements, natural lead days, times of day (data). */
  readonly reminderWords: ReminderWords;
  /** Small talk, control phrases and intent cues (data), compiled once per knowledge base. */
  readonly phrases: Phrases;
  /** The steps of the contracting process and their words (data), compiled once per knowledge base. */
  readonly steps: StepVocabulary;
  /** A citation of a passage of a document. */
  source(documentId: string, section: string, snippet: string, score: number): Source;
  /**
   * A value derived from this knowledge base alone (a pure function of it), built on first use and
   * kept with it, like the index: e.g. the sentences of a document that name insurers.
   */
  derived<T>(key: string, build: () => T): T;
}

export interface KnowledgeInputs {
  readonly bundle: Bundle;
  /**
   * Uploaded documents. With a current `indexData` their heads suffice (the index holds their text
   * and passages); to build an index their bodies are needed.
   */
  readonly uploads?: readonly (StoredDocument | StoredDocumentHead)[];
  /** Confirmed milestones and rules of uploaded documents (the bundle's curated ones are confirmed by shipping). */
  readonly milestones?: readonly Milestone[];
  readonly rules?: readonly RelativeRule[];
  readonly glossary: Glossary;
  /** A serialised index of exactly these inputs (cached by a replica); used instead of building one when current. */
  readonly indexData?: IndexData;
}

function hashOf(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(p).update('\u0000');
  return hash.digest('hex').slice(0, 16);
}

/**
 * Builds the knowledge base. An uploaded document with the id of a shipped one replaces it.
 * @example const kb = buildKnowledgeBase({ bundle: readBundle(), glossary }); kb.insurers.find('Z&Z')
 */
export function buildKnowledgeBase(inputs: KnowledgeInputs): KnowledgeBase {
  const { bundle } = inputs;
  const uploads = inputs.uploads ?? [];
  const uploadIds = new Set(uploads.map((u) => u.meta.id));
  const shipped = bundle.documents.filter((d) => !uploadIds.has(d.id));
  const documents: DocumentMeta[] = [...shipped, ...uploads.map((u) => u.meta)];
  const byId = new Map(documents.map((d) => [d.id, d]));
  const bodyById = new Map(uploads.filter((u): u is StoredDocument => 'cleaned' in u).map((u) => [u.meta.id, u]));
  const milestones = [...bundle.milestones.filter((m) => !uploadIds.has(m.documentId)), ...(inputs.milestones ?? [])];
  const rules = [...bundle.rules.filter((r) => !uploadIds.has(r.documentId)), ...(inputs.rules ?? [])];

  const cleanedCache = new Map<string, CleanedDocument>();
  const shippedCleaned = (id: string): CleanedDocument => {
    const hit = cleanedCache.get(id);
    if (hit) return hit;
    const raw = bundle.rawText(id);
    if (raw === undefined) throw new Error(`Unknown document id: ${id}`);
    const doc = buildCleanedDocument(id, raw);
    cleanedCache.set(id, doc);
    return doc;
  };

  const version = hashOf([
    bundle.version,
    ...uploads.map((u) => `${u.meta.id}@${u.addedAt}`),
    ...(inputs.milestones ?? []).map((m) => JSON.stringify(m)),
    ...(inputs.rules ?? []).map((r) => JSON.stringify(r)),
  ]);

  const cached = uploads.length > 0 && inputs.indexData && isCurrentIndex(inputs.indexData, version) ? inputs.indexData : undefined;
  if (!cached && bodyById.size < uploads.length) throw new IndexNeedsBodiesError();
  const toIndex = (): DocumentToIndex[] => [
    ...shipped.map((d) => {
      const doc = shippedCleaned(d.id);
      return { document: doc, passages: buildPassages(doc) };
    }),
    ...[...bodyById.values()].map((u) => ({ document: u.cleaned, passages: u.passages, pages: u.pages })),
  ];
  let index: SearchIndex | undefined;
  const buildIndex = (): SearchIndex => {
    if (uploads.length === 0) return bundle.index(toIndex);
    if (cached) return toSearchIndex(cached);
    return toSearchIndex(buildIndexData(toIndex(), version));
  };
  const buildIndexOnce = (): SearchIndex => (index ??= buildIndex());

  const cleaned = (id: string): DocumentText => {
    const body = bodyById.get(id);
    if (body) return body.cleaned;
    if (uploadIds.has(id)) {
      const fromIndex = buildIndexOnce().document(id);
      if (!fromIndex) throw new Error(`Uploaded document ${id} is not in the index`);
      return fromIndex;
    }
    return shippedCleaned(id);
  };
  // A single real word of the documents is never taken for a misspelt insurer alias.
  const knownWord = (folded: string): boolean => buildIndexOnce().hasWord(folded);
  const policyInsurers = documents.filter((d) => d.kind === 'insurer-policy' && d.insurer).map((d) => d.insurer as string);
  const insurers = createInsurerCatalog(bundle.insurers, policyInsurers, knownWord);
  const sectors = createSectorCatalog(bundle.sectors, documents.map((d) => d.sector));

  const derivedValues = new Map<string, unknown>();
  const requireDocument = (id: string): DocumentMeta => {
    const doc = byId.get(id);
    if (!doc) throw new Error(`Unknown document id: ${id}`);
    return doc;
  };

  return {
    version,
    documents,
    document: (id) => byId.get(id),
    requireDocument,
    cleaned,
    sectionPathAt: (id, offset) => sectionPathIn(cleaned(id), offset),
    pageAt(id, offset) {
      if (!uploadIds.has(id)) return undefined;
      const pages = bodyById.get(id)?.pages ?? buildIndexOnce().document(id)?.pages ?? [];
      let page: number | undefined;
      for (const p of pages) if (p.start <= offset) page = p.page;
      return page;
    },
    index: buildIndexOnce,
    glossary: inputs.glossary,
    milestones,
    rules,
    insurers,
    sectors,
    escalation: bundle.escalation,
    chatCommands: bundle.chatCommands,
    reminderWords: createReminderWords(bundle.reminderWords),
    phrases: {
      smalltalk: new PhraseList<SmalltalkId>(bundle.phrases.smalltalk),
      control: new PhraseList<ControlId>(bundle.phrases.control),
      cues: new PhraseList<CueId>(bundle.phrases.cues),
      when: new PhraseList<WhenId>(bundle.phrases.when),
      deadline: new PhraseList<DeadlineCueId>(bundle.phrases.deadline),
      checklist: new PhraseList<ChecklistWordId>(bundle.phrases.checklist),
      reminder: new PhraseList<ReminderCommandWordId>(bundle.phrases.reminder),
      periods: new PhraseList<PeriodWordId>(bundle.phrases.periods),
      time: new PhraseList<TimeWordId>(bundle.phrases.time),
      conversation: new PhraseList<ConversationCueId>(bundle.phrases.conversation),
    },
    steps: new StepVocabulary(bundle.steps),
    source: (documentId, section, snippet, score) => makeSource(requireDocument(documentId), section, snippet, score),
    derived<T>(key: string, build: () => T): T {
      if (!derivedValues.has(key)) derivedValues.set(key, build());
      return derivedValues.get(key) as T;
    },
  };
}
