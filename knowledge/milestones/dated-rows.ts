import { bulletLength } from '../ingest/bullets.js';
import type { CleanedDocument } from '../cleaned-documents.js';
import { fold } from '../fold.js';
import { extractDates, type ExtractedDate } from '../dates/extract-dates.js';
import { sentenceSpans } from '../ingest/sentences.js';
import { wordsOf } from './phrase-index.js';
import type { ProposalVocabulary } from './proposal-vocabulary.js';

/** A sentence or table row of a cleaned document that spells out dates. */
export interface DatedRow {
  /** Offset of the row in the cleaned text. */
  readonly start: number;
  /** The row as quoted: verbatim, whitespace runs as one space. */
  readonly text: string;
  /** Its dates; `index` is relative to `text`. */
  readonly dates: readonly ExtractedDate[];
  /** Length of a capitalised leader before the first date ("Uiterlijk "), 0 when none. */
  readonly leaderLength: number;
}

/** A prefix of at least this many words before the first table row is a table header, not part of the row. */
const HEADER_WORDS = 4;

interface Words {
  readonly leaders: ReadonlySet<string>;
  readonly joiners: ReadonlySet<string>;
}

/** The word before `at` in `text`, with its start. */
function wordBefore(text: string, at: number): { word: string; start: number } | undefined {
  const m = /(\S+)\s+$/u.exec(text.slice(0, at));
  return m?.[1] ? { word: m[1], start: at - m[0].length } : undefined;
}

/** Where the row of a date starts: at the date, or at a capitalised leader word just before it ("Uiterlijk 1 oktober"). */
function leadOf(text: string, d: ExtractedDate, words: Words): number {
  const before = wordBefore(text, d.index);
  return before && /^\p{Lu}/u.test(before.word) && words.leaders.has(fold(before.word)) ? before.start : d.index;
}

/**
 * Whether a date opens a new table row inside a run of text the cleaning joined ("… bevestigd door
 * zorgaanbieder Uiterlijk 1 oktober Openstelling …", "… Kanaal 1 mei 2019 Openstelling …"): it is
 * not led by a preposition or leader word, and it or the word before it is capitalised (or a
 * footnote mark), which prose does not do.
 */
function opensRow(text: string, lead: number, words: Words): boolean {
  if (lead === 0) return true;
  const before = wordBefore(text, lead);
  if (!before || /[,;(]$/.test(before.word)) return false;
  const folded = fold(before.word).replace(/[^\p{L}\p{N}]/gu, '');
  if (words.joiners.has(folded) || words.leaders.has(folded)) return false;
  return /^\p{Lu}/u.test(text.slice(lead)) || /^[\p{Lu}\d]/u.test(before.word) || before.word.endsWith('*');
}

/** Splits a sentence into rows at the dates that open one; a short prefix (a row label such as "Vrijgevestigden") stays with the first row, a long one (a table header) is dropped. */
function rowRanges(text: string, dates: readonly ExtractedDate[], words: Words): [number, number][] {
  const starts = [...new Set(dates.map((d) => leadOf(text, d, words)).filter((lead) => opensRow(text, lead, words)))].sort((a, b) => a - b);
  const first = starts[0];
  if (first === undefined) return [[0, text.length]];
  const prose = dates.some((d) => d.index < first);
  const label = !prose && first > 0 && wordsOf(text.slice(0, first)).length < HEADER_WORDS;
  // Rows that open with a label ("Vrijgevestigden Van 1 januari …"): the next row starts right after
  // the previous row's dates, so its label goes with it.
  const bounds = prose ? [0, ...starts.filter((s) => s > 0)] : label ? [0, ...starts.slice(1).map((s) => dateEndBefore(text, dates, s))] : starts;
  return bounds.map((s, i) => [s, bounds[i + 1] ?? text.length]);
}

/** Just after the last date before `at` (and its footnote marks), or `at` when none. */
function dateEndBefore(text: string, dates: readonly ExtractedDate[], at: number): number {
  const last = dates.filter((d) => d.index + d.text.length <= at).pop();
  if (!last) return at;
  let end = last.index + last.text.length;
  while (end < at && /[*\s]/.test(text[end] ?? '')) end++;
  return end;
}

/**
 * Joins "tussen 1 oktober en 12 november 2026" (an opener before the first date, a joiner between
 * the two) into one period; the start takes the end's year when it has none.
 */
function joinPeriods(text: string, dates: readonly ExtractedDate[], vocabulary: ProposalVocabulary): ExtractedDate[] {
  const openers = new Set(vocabulary.periodWords.openers.map(fold));
  const joiners = new Set(vocabulary.periodWords.joiners.map(fold));
  const out: ExtractedDate[] = [];
  for (let i = 0; i < dates.length; i++) {
    const a = dates[i];
    const b = dates[i + 1];
    if (!a) continue;
    const opener = wordBefore(text, a.index);
    const between = b ? text.slice(a.index + a.text.length, b.index).trim() : '';
    if (b && !a.end && !b.end && opener && openers.has(fold(opener.word)) && joiners.has(fold(between))) {
      const startYear = a.start.year ?? (b.start.year === undefined ? undefined : a.start.month * 100 + (a.start.day ?? 1) > b.start.month * 100 + (b.start.day ?? 1) ? b.start.year - 1 : b.start.year);
      out.push({ ...a, text: text.slice(a.index, b.index + b.text.length), start: { ...a.start, ...(startYear === undefined ? {} : { year: startYear }) }, end: b.start });
      i++;
    } else out.push(a);
  }
  return out;
}

/**
 * The sentences and table rows of a cleaned document that spell out a date. Sentences come from
 * `sentenceSpans` per block (headings skipped, list bullets dropped); a sentence in which the
 * cleaning joined several table rows is split at the dates that open a row; "tussen … en …" is
 * one period ({@link joinPeriods}); a row that is only a
 * date ("Uiterlijk 1 november 2019", its activity cell came out as the next block) takes the next
 * block's first sentence with it.
 */
export function datedRows(cleaned: Pick<CleanedDocument, 'text' | 'blocks'>, vocabulary: ProposalVocabulary): DatedRow[] {
  const words: Words = {
    leaders: new Set(vocabulary.rowLeaders.map(fold)),
    joiners: new Set([...vocabulary.prepositions, ...vocabulary.rowLeaders, 'en', 'of', 'tot', 'and', 'or', 'op', 'in', 'na', 'on', 'at'].map(fold)),
  };
  const out: DatedRow[] = [];
  cleaned.blocks.forEach(({ block, start }, blockIndex) => {
    if (block.kind === 'heading') return;
    for (const span of sentenceSpans(block.text, start)) {
      const raw = cleaned.text.slice(span.start, span.end);
      const bullet = bulletLength(raw, true);
      const sentence = raw.slice(bullet);
      if (sentence.length < 10) continue;
      const dates = joinPeriods(sentence, extractDates(sentence, { thorough: true }), vocabulary);
      if (dates.length === 0) continue;
      for (const [from, to] of rowRanges(sentence, dates, words)) {
        const inRow = dates.filter((d) => d.index >= from && d.index < to);
        if (inRow.length === 0) continue;
        let absoluteEnd = span.start + bullet + to;
        const rowText = sentence.slice(from, to);
        const rest = wordsOf(inRow.reduce((t, d) => t.replace(d.text, ' '), rowText)).filter((w) => !words.leaders.has(w));
        const next = cleaned.blocks[blockIndex + 1];
        if (rest.length === 0 && to === sentence.length && next && (next.block.kind === 'paragraph' || next.block.kind === 'list-item')) {
          const nextSentence = sentenceSpans(next.block.text, next.start)[0];
          const nextDates = nextSentence ? extractDates(cleaned.text.slice(nextSentence.start, nextSentence.end), { thorough: true }) : [];
          if (nextSentence && !nextDates.some((d) => d.index <= 3)) absoluteEnd = nextSentence.end;
        }
        const absoluteStart = span.start + bullet + from;
        const verbatim = cleaned.text.slice(absoluteStart, absoluteEnd);
        const leading = verbatim.length - verbatim.trimStart().length;
        const text = verbatim.replace(/\s+/g, ' ').trim();
        const shift = from + leading;
        const shifted = inRow.map((d) => ({ ...d, index: d.index - shift }));
        const firstDate = shifted[0];
        const leaderLength = firstDate && firstDate.index > 0 && leadOf(text, firstDate, words) === 0 ? firstDate.index : 0;
        out.push({ start: absoluteStart + leading, text, dates: shifted, leaderLength });
      }
    }
  });
  return out;
}
