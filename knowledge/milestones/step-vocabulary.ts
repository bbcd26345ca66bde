import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { knowledgePath } from '../paths.js';
import { TermMatcher, tokenize, type Token } from '../vocabulary/term-matcher.js';
import { ACTION_IDS, type Action } from './actions.js';

const terms = z.array(z.string().min(1));

export const stepVocabularySchema = z.object({
  note: z.string(),
  steps: z
    .array(
      z
        .object({
          id: z.enum(ACTION_IDS),
          nl: terms,
          en: terms,
          not: terms.default([]),
          clauseEnd: terms.default([]),
          separable: z.array(z.object({ verbs: terms.min(1), particle: z.string().min(1), within: z.number().int().positive() }).strict()).default([]),
        })
        .strict(),
    )
    .refine((steps) => new Set(steps.map((s) => s.id)).size === steps.length, 'step ids must be unique')
    .refine((steps) => ACTION_IDS.every((id) => steps.some((s) => s.id === id)), `every step id needs an entry (${ACTION_IDS.join(', ')})`),
});
export type StepVocabularyFile = z.infer<typeof stepVocabularySchema>;

/** Characters that end a clause: a clause-final word or a separable particle stands before one of these (or at the end). */
const CLAUSE_END = ['?', '.', '!'];
/** Characters a separable verb and its particle may not have between them. */
const CLAUSE_BREAK = [...CLAUSE_END, '\n'];
/** Characters that join compound words ("ggz-contract", "aanmelden/inschrijven"): the step words are read on their parts. */
const COMPOUND_JOINERS = ['-', '/'];

interface CompiledStep {
  readonly id: Action;
  /** `true` for a term of the step, `false` for a longer phrase that is not (`not`). */
  readonly terms: TermMatcher<boolean>;
  readonly clauseEnd: ReadonlySet<string>;
  readonly separable: readonly { readonly verbs: ReadonlySet<string>; readonly particle: string; readonly within: number }[];
}

/** Compound joiners become spaces, character for character (offsets stay those of the text). */
function splitCompounds(text: string): string {
  let out = text;
  for (const joiner of COMPOUND_JOINERS) out = out.split(joiner).join(' ');
  return out;
}

function foldedWord(word: string): string {
  return tokenize(word)[0]?.folded ?? word.toLowerCase();
}

/** Whether the token is the last word of its clause: only spaces, then the end or a clause mark. */
function endsClause(text: string, token: Token): boolean {
  const rest = text.slice(token.end).trimStart();
  return rest === '' || CLAUSE_END.includes(rest.charAt(0));
}

/**
 * The compiled step vocabulary: which steps a text names, each matched on its own words (so one
 * word may name two steps: "sign up" is applying, and signing), reported in the data's order.
 *
 * @example readStepVocabulary().stepsIn('Wanneer moet ik tekenen bij Z&Z?') // ['sign']
 * @example readStepVocabulary().stepsIn('Wanneer gaat de zorgovereenkomst in?') // ['start']
 */
export class StepVocabulary {
  private readonly steps: readonly CompiledStep[];

  constructor(file: StepVocabularyFile) {
    this.steps = file.steps.map((s) => ({
      id: s.id,
      terms: new TermMatcher<boolean>([
        [true, [...s.nl, ...s.en].map(splitCompounds)],
        [false, s.not.map(splitCompounds)],
      ]),
      clauseEnd: new Set(s.clauseEnd.map(foldedWord)),
      separable: s.separable.map((v) => ({ verbs: new Set(v.verbs.map(foldedWord)), particle: foldedWord(v.particle), within: v.within })),
    }));
  }

  /** The steps the text names, in the vocabulary's order. */
  stepsIn(text: string): Action[] {
    const plain = splitCompounds(text);
    const tokens = tokenize(plain);
    return this.steps.filter((step) => this.names(step, plain, tokens)).map((s) => s.id);
  }

  private names(step: CompiledStep, text: string, tokens: readonly Token[]): boolean {
    if (step.terms.find(tokens).some((m) => m.value)) return true;
    if (tokens.some((t) => step.clauseEnd.has(t.folded) && endsClause(text, t))) return true;
    return step.separable.some((verb) =>
      tokens.some((particle, j) => {
        if (particle.folded !== verb.particle || !endsClause(text, particle)) return false;
        return tokens.slice(0, j).some((t) => {
          if (!verb.verbs.has(t.folded)) return false;
          const between = text.slice(t.end, particle.start);
          return between.length <= verb.within && !CLAUSE_BREAK.some((c) => between.includes(c));
        });
      }),
    );
  }
}

/** Reads and validates the shipped step vocabulary; callers keep the value (the knowledge bundle, a proposal run). */
export function readStepVocabularyFile(): StepVocabularyFile {
  const raw: unknown = JSON.parse(readFileSync(knowledgePath('data', 'vocabulary', 'steps.json'), 'utf8'));
  const parsed = stepVocabularySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`knowledge/data/vocabulary/steps.json is invalid at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'unknown problem'}`);
  }
  return parsed.data;
}

let shipped: StepVocabulary | undefined;

/** The shipped step vocabulary, compiled once per process (the file ships with the code and does not change while it runs). */
export function readStepVocabulary(): StepVocabulary {
  return (shipped ??= new StepVocabulary(readStepVocabularyFile()));
}
