import { buildCleanedDocument, type CleanedDocument } from '../../knowledge/cleaned-documents.js';
import { amsterdamDate } from '../../knowledge/dates/calendar-date.js';
import type { DocumentMeta } from '../../knowledge/documents.js';
import { fold } from '../../knowledge/fold.js';
import { describeExtractError, extractDocument, locateInRaw, type ExtractedDocument, type ExtractError } from '../../knowledge/ingest/extract/index.js';
import { buildPassages } from '../../knowledge/ingest/passages.js';
import { proposeForDocument } from '../../knowledge/ingest/propose-for-document.js';
import { itemQuote, type KnowledgeItem } from '../../knowledge/knowledge-item.js';
import type { KnowledgeBase, StoredDocument } from '../../knowledge/knowledge-base.js';
import { quoteKey } from '../../knowledge/milestones/locate-quote.js';
import type { RelativeRule } from '../../knowledge/rules/relative-rule.js';
import { isSectorId } from '../../knowledge/vocabulary/sector-catalog.js';
import { tokenize } from '../../knowledge/vocabulary/term-matcher.js';
import type { DocumentStore } from '../document-store.js';

/** What an administrator says about a file; everything but the bytes and name is optional. */
export interface AddDocumentInput {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  /** Insurer name or alias; a name the bot does not know yet becomes a new insurer. Omitted for sector-wide documents. */
  readonly insurer?: string;
  /** Sector id or name; default: the sector the text names most. */
  readonly sector?: string;
  /** Default: the year the title names, else the year the text names most from `now`'s year on, else next year. */
  readonly contractYear?: number;
  readonly title?: string;
  readonly publisher?: string;
  readonly url?: string | null;
  readonly onProgress?: (done: number, total: number) => void;
}

export type AddDocumentError =
  | { readonly code: 'extract'; readonly error: ExtractError }
  | { readonly code: 'unknown-sector'; readonly sector: string; readonly known: readonly string[] }
  | { readonly code: 'no-passages' };

export type AddDocumentResult =
  | {
      readonly kind: 'added';
      readonly document: DocumentMeta;
      readonly replaced: boolean;
      readonly sections: number;
      readonly passages: number;
      /** Every stored item of the document: the proposals and the confirmed items kept from the replaced version. */
      readonly items: readonly KnowledgeItem[];
      /** Confirmed items of the replaced version whose quote is still in the text (kept confirmed). */
      readonly kept: number;
    }
  | { readonly kind: 'error'; readonly error: AddDocumentError };

/** One line (English) for the command line; chat renders the codes from its message catalog. */
export function describeAddDocumentError(error: AddDocumentError): string {
  switch (error.code) {
    case 'extract':
      return describeExtractError(error.error);
    case 'unknown-sector':
      return `Unknown sector "${error.sector.slice(0, 40)}"; known: ${error.known.join(', ')} (a new sector is a lower-case id such as mondzorg).`;
    case 'no-passages':
      return 'The file has text, but no paragraphs the bot can answer from.';
  }
}

function slug(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}

/** A document's id follows from what it is: the same insurer, sector and contract year replace each other. */
export function documentIdFor(insurer: string | null, sector: string, contractYear: number | null, title: string): string {
  return insurer ? [slug(insurer), sector, contractYear ?? 'doorlopend'].join('-') : `${slug(title) || 'document'}-${contractYear ?? 'doorlopend'}`;
}

/** The years a text names (four digits, 2000–2099), with counts. */
function yearCounts(text: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (const t of tokenize(text)) {
    if (t.folded.length !== 4 || !t.folded.startsWith('20')) continue;
    const year = Number(t.folded);
    if (Number.isInteger(year)) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return counts;
}

function guessContractYear(title: string, text: string, thisYear: number): number {
  const inTitle = [...yearCounts(title).keys()].sort((a, b) => b - a)[0];
  if (inTitle !== undefined) return inTitle;
  const ranked = [...yearCounts(text.slice(0, 20_000))].filter(([y]) => y >= thisYear).sort((a, b) => b[1] - a[1] || b[0] - a[0]);
  return ranked[0]?.[0] ?? thisYear + 1;
}

function guessSector(kb: KnowledgeBase, text: string): string {
  const counts = new Map<string, number>();
  for (const id of kb.sectors.find(text.slice(0, 50_000))) counts.set(id, (counts.get(id) ?? 0) + 1);
  // find() gives distinct ids in order; count mentions properly for the most-named one.
  const tokens = tokenize(text.slice(0, 50_000));
  for (const id of counts.keys()) counts.set(id, tokens.filter((t) => kb.sectors.canonical(t.text) === id).length);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'ggz';
}

/** Section start → page, from where each section heading stands in the raw text. */
function sectionPages(cleaned: CleanedDocument, pageOfQuote: (quote: string) => number | undefined): { page: number; start: number }[] {
  const pages: { page: number; start: number }[] = [];
  for (const section of cleaned.sections) {
    const heading = section.path[section.path.length - 1];
    const page = heading ? pageOfQuote(heading) : undefined;
    if (page !== undefined) pages.push({ page, start: section.start });
  }
  return pages;
}

/**
 * Adds (or replaces) a document: extracts its text (PDF, Word, HTML, Markdown, text), runs the
 * same cleaning, sectioning and passage cutting as the shipped documents, proposes its dated
 * milestones and relative rules, and stores everything in one transaction. Replacing a document
 * keeps its confirmed items whose quote is still in the new text; everything else is a proposal
 * until a person confirms it. Bad files change nothing.
 *
 * @example await addDocument({ bytes, fileName: 'cz-ggz-2027.pdf', insurer: 'CZ' }, { knowledge, store, now })
 */
export async function addDocument(input: AddDocumentInput, deps: { readonly knowledge: KnowledgeBase; readonly store: DocumentStore; readonly now: Date }): Promise<AddDocumentResult> {
  const { knowledge: kb, store, now } = deps;
  const extracted = await extractDocument(input.bytes, input.fileName, { onProgress: input.onProgress });
  if (extracted.kind === 'error') return { kind: 'error', error: { code: 'extract', error: extracted.error } };
  const document = extracted.document;

  let sector: string | undefined;
  if (input.sector !== undefined) {
    sector = kb.sectors.canonical(input.sector) ?? (isSectorId(input.sector.trim()) ? input.sector.trim() : undefined);
    if (!sector) return { kind: 'error', error: { code: 'unknown-sector', sector: input.sector, known: kb.sectors.ids } };
  }
  const insurer = input.insurer !== undefined && input.insurer.trim() !== '' ? (kb.insurers.canonical(input.insurer) ?? input.insurer.trim()) : null;
  const title = input.title?.trim() || input.fileName.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim() || 'Document';
  const thisYear = Number(amsterdamDate(now).slice(0, 4));
  const contractYear = input.contractYear ?? guessContractYear(title, document.rawText, thisYear);
  const provisionalId = documentIdFor(insurer, sector ?? 'ggz', contractYear, title);
  const cleaned0 = buildCleanedDocument(provisionalId, document.rawText);
  sector ??= guessSector(kb, cleaned0.text);
  const id = documentIdFor(insurer, sector, contractYear, title);
  const cleaned = id === provisionalId ? cleaned0 : buildCleanedDocument(id, document.rawText);
  const passages = buildPassages(cleaned);
  if (passages.length === 0) return { kind: 'error', error: { code: 'no-passages' } };

  const meta: DocumentMeta = {
    id,
    title,
    publisher: input.publisher?.trim() || insurer || 'onbekend',
    kind: insurer ? 'insurer-policy' : 'good-practices',
    sector,
    insurer,
    published: amsterdamDate(now),
    contractYear,
    language: 'nl',
    url: input.url ?? null,
    origin: 'upload',
  };
  const aliases = insurer ? [insurer] : [];
  const proposals = proposeForDocument(document, cleaned, { documentId: id, insurer, sector, contractYear, insurerAliases: aliases }, undefined, kb.steps);

  // A replaced document keeps its confirmed items whose quote is still in the text.
  const previous = await store.listKnowledgeItems({ documentId: id });
  const textKey = quoteKey(cleaned.text);
  const kept = previous.filter((item) => item.status === 'confirmed' && textKey.includes(quoteKey(itemQuote(item))));
  const keptKeys = new Set(kept.map((item) => `${item.kind}|${quoteKey(itemQuote(item))}`));
  const fresh: KnowledgeItem[] = [];
  const seen = new Set(kept.map((k) => k.id));
  const uniqueId = (base: string): string => {
    let candidate = base.startsWith(id) ? base : `${id}-${base}`;
    for (let n = 2; seen.has(candidate); n++) candidate = `${base.startsWith(id) ? base : `${id}-${base}`}-${n}`;
    seen.add(candidate);
    return candidate;
  };
  for (const m of proposals.milestones) {
    if (keptKeys.has(`milestone|${quoteKey(m.quote)}`)) continue;
    const { page, ...milestone } = m;
    const itemId = uniqueId(milestone.id);
    fresh.push({ kind: 'milestone', id: itemId, documentId: id, status: 'proposed', ...(page !== undefined ? { page } : {}), milestone: { ...milestone, id: itemId, documentId: id, verified: true } });
  }
  for (const r of proposals.rules) {
    if (keptKeys.has(`rule|${quoteKey(r.quote)}`)) continue;
    const { page, verified: _verified, ...rule } = r;
    const itemId = uniqueId(rule.id);
    fresh.push({ kind: 'rule', id: itemId, documentId: id, status: 'proposed', ...(page !== undefined ? { page } : {}), rule: { ...rule, id: itemId, documentId: id } as RelativeRule });
  }

    const stored: StoredDocument = { meta, cleaned, passages, pages: sectionPages(cleaned, (quote) => pageOf(document, quote)), addedAt: now.toISOString() };
  const items = [...kept, ...fresh];
  const { replaced } = await store.saveDocument(stored, items, now);
  return { kind: 'added', document: meta, replaced, sections: cleaned.sections.length, passages: passages.length, items, kept: kept.length };
}

/** The page a quote stands on in the extracted text, when the document is paged. */
function pageOf(document: ExtractedDocument, quote: string): number | undefined {
  return document.pages.length <= 1 ? undefined : locateInRaw(document, quote)?.page;
}
