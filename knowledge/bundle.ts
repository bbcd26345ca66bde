import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { readBundleDocuments, readRawBundleDocument, type DocumentMeta } from './documents.js';
import type { EscalationSteps } from './escalation/escalation-item.js';
import { validateEscalationSteps } from './escalation/load-escalation-steps.js';
import { milestoneCatalogSchema } from './milestones/load-milestones.js';
import { stepVocabularySchema, type StepVocabularyFile } from './milestones/step-vocabulary.js';
import type { Milestone } from './milestones/milestone.js';
import { knowledgePath } from './paths.js';
import { readValidated, type ValidatedMode } from './validated-data.js';
import { relativeRuleSchema, type RelativeRule } from './rules/relative-rule.js';
import { loadBundleIndex, sourceHash, type DocumentToIndex, type SearchIndex } from './search/search-index.js';
import { chatCommandsSchema, type ChatCommands } from './vocabulary/chat-commands.js';
import { reminderWordsSchema, type ReminderWordsData } from './vocabulary/reminder-words.js';
import { phraseListSchema, type PhraseListFile } from './vocabulary/phrase-list.js';
import { insurersFileSchema, type InsurerEntry } from './vocabulary/insurer-catalog.js';
import { sectorsFileSchema, type SectorEntry } from './vocabulary/sector-catalog.js';

/**
 * What ships with the product under `knowledge/`: the five documents and their curated, confirmed
 * milestones and rules, the insurer and sector vocabularies and the escalation steps. Read from
 * disk once per call of {@link readBundle}; the knowledge base built from it keeps it.
 */
export interface Bundle {
  /** Hash of the shipped documents (and the index format): the serialised index must match it. */
  readonly version: string;
  readonly documents: readonly DocumentMeta[];
  rawText(id: string): string | undefined;
  readonly milestones: readonly Milestone[];
  readonly rules: readonly RelativeRule[];
  readonly insurers: readonly InsurerEntry[];
  readonly sectors: readonly SectorEntry[];
  readonly escalation: EscalationSteps;
  readonly chatCommands: ChatCommands;
  readonly reminderWords: ReminderWordsData;
  /** The bilingual word lists of `knowledge/data/vocabulary/` (small talk, control phrases, intent cues). */
  readonly phrases: BundlePhrases;
  /** The step words (`knowledge/data/vocabulary/steps.json`). */
  readonly steps: StepVocabularyFile;
  /** The shipped documents' search index (the prebuilt file when current, else built from `documents`). */
  index(documents: () => readonly DocumentToIndex[]): SearchIndex;
}

/** The word lists of `knowledge/data/vocabulary/`, one file each. */
export interface BundlePhrases {
  readonly smalltalk: PhraseListFile;
  readonly control: PhraseListFile;
  readonly cues: PhraseListFile;
  readonly when: PhraseListFile;
  readonly deadline: PhraseListFile;
  readonly checklist: PhraseListFile;
  readonly reminder: PhraseListFile;
  readonly periods: PhraseListFile;
  readonly time: PhraseListFile;
  readonly conversation: PhraseListFile;
}

/** A shipped data file failed validation: names the file and the first problem. */
export class BundleError extends Error {
  readonly code = 'BUNDLE_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'BundleError';
  }
}

function validateData<S extends z.ZodTypeAny>(file: string, schema: S, text: string): z.output<S> {
  const parsed = schema.safeParse(JSON.parse(text) as unknown);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BundleError(`knowledge/data/${file} is invalid at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'unknown problem'}`);
  }
  return parsed.data as z.output<S>;
}

const rulesFileSchema = z.object({ note: z.string(), rules: z.array(relativeRuleSchema).min(1) });

/**
 * Reads and validates the shipped bundle. `validated: 'write'` (what `contractbot index` does)
 * validates every data file and keeps its validated form for the built CLI's next starts.
 */
export function readBundle(options: { readonly validated?: ValidatedMode } = {}): Bundle {
  const readData = <S extends z.ZodTypeAny>(file: string, schema: S): z.output<S> =>
    readValidated(file, knowledgePath('data', file), (text) => validateData(file, schema, text), options.validated);
  const metas = readBundleDocuments();
  const documents: DocumentMeta[] = metas.map(({ file: _file, ...meta }) => ({ ...meta, origin: 'bundle' as const }));
  const files = new Map(metas.map((m) => [m.id, m]));
  const insurers = readData('insurers.json', insurersFileSchema).insurers;
  const escalation = validateEscalationSteps(JSON.parse(readFileSync(knowledgePath('data', 'escalation-steps.json'), 'utf8')), {
    documentIds: documents.map((d) => d.id),
    insurers: insurers.map((i) => i.name),
  });
  let version: string | undefined;
  const hash = () => (version ??= sourceHash(metas.map((m) => m.file)));
  return {
    get version() {
      return hash();
    },
    documents,
    rawText: (id) => {
      const meta = files.get(id);
      return meta ? readRawBundleDocument(meta) : undefined;
    },
    milestones: readData('milestones.json', milestoneCatalogSchema).milestones,
    rules: readData('relative-rules.json', rulesFileSchema).rules,
    insurers,
    sectors: readData('sectors.json', sectorsFileSchema).sectors,
    escalation,
    chatCommands: readData('chat-commands.json', chatCommandsSchema),
    reminderWords: readData('reminder-words.json', reminderWordsSchema),
    phrases: {
      smalltalk: readData('vocabulary/smalltalk.json', phraseListSchema),
      control: readData('vocabulary/control.json', phraseListSchema),
      cues: readData('vocabulary/intent-cues.json', phraseListSchema),
      when: readData('vocabulary/when-words.json', phraseListSchema),
      deadline: readData('vocabulary/deadline-cues.json', phraseListSchema),
      checklist: readData('vocabulary/checklist-commands.json', phraseListSchema),
      reminder: readData('vocabulary/reminder-commands.json', phraseListSchema),
      periods: readData('vocabulary/periods.json', phraseListSchema),
      time: readData('vocabulary/time-words.json', phraseListSchema),
      conversation: readData('vocabulary/conversation.json', phraseListSchema),
    },
    steps: readData('vocabulary/steps.json', stepVocabularySchema),
    index: (documents) => loadBundleIndex(hash(), documents),
  };
}
