import type { ExtractErrorCode } from '../../knowledge/ingest/extract/index.js';
import type { KnowledgeItem } from '../../knowledge/knowledge-item.js';
import type { HandlerContext } from '../context.js';
import type { Handler } from '../handler.js';
import { makeReply } from '../reply.js';
import { assertNever, type Address, type Block, type Button, type IncomingMessage, type Language, type Reply } from '../types.js';
import { tokenize } from '../../knowledge/vocabulary/term-matcher.js';
import type { AddDocumentError } from './add-document.js';
import { itemJson } from './describe-item.js';
import { acceptAll, editItem, setItemStatus, type EditResult } from './review-items.js';

export const DOCUMENTS_ACCEPT = 'documents.accept';
export const DOCUMENTS_REJECT = 'documents.reject';
export const DOCUMENTS_EDIT = 'documents.edit';
export const DOCUMENTS_ACCEPT_ALL = 'documents.accept-all';

/** Proposals shown with their own buttons in one reply; the rest are confirmed with "Confirm all" or reviewed on the command line. */
const SHOWN = 8;

const EXTRACT_MESSAGES: Record<ExtractErrorCode, { nl: string; en: string }> = {
  empty: { nl: 'Het bestand is leeg.', en: 'The file is empty.' },
  'too-large': { nl: 'Het bestand is groter dan 50 MB.', en: 'The file is larger than 50 MB.' },
  'unknown-type': { nl: 'Dit bestandstype lees ik niet; stuur een PDF, Word (.docx), HTML, Markdown of tekstbestand.', en: 'I cannot read this type of file; send a PDF, Word (.docx), HTML, Markdown or text file.' },
  'not-a-pdf': { nl: 'Het bestand heet .pdf maar is geen PDF.', en: 'The file is named .pdf but is not a PDF.' },
  encrypted: { nl: 'De PDF is versleuteld of met een wachtwoord beveiligd; stuur een onbeveiligde versie.', en: 'The PDF is encrypted or password-protected; send an unprotected copy.' },
  corrupt: { nl: 'Het bestand is beschadigd en niet te lezen.', en: 'The file is damaged and cannot be read.' },
  'needs-ocr': { nl: 'De PDF bevat alleen scans zonder tekstlaag; laat hem eerst door OCR halen.', en: 'The PDF holds only scanned pages without a text layer; run it through OCR first.' },
  'not-a-docx': { nl: 'Het bestand heet .docx maar is geen Word-document.', en: 'The file is named .docx but is not a Word document.' },
  'not-text': { nl: 'Het bestand heet als tekst maar bevat binaire gegevens.', en: 'The file is named as text but holds binary data.' },
};

const M = {
  nl: {
    refused: 'Alleen beheerders kunnen documenten toevoegen; ik heb niets opgeslagen. Vraag je beheerder (CONTRACTBOT_ADMINS) om het beleid toe te voegen.',
    bad: (why: string) => `Ik heb het bestand niet toegevoegd: ${why}`,
    unknownSector: (s: string, known: string) => `Onbekende sector "${s}"; bekend: ${known}.`,
    noPassages: 'er staat geen leesbare tekst in.',
    notDownloaded: 'ik kon het bestand niet ophalen; stuur het nog eens.',
    added: (title: string, who: string, year: string, sections: number, passages: number, replaced: boolean) =>
      `${replaced ? 'Vervangen' : 'Toegevoegd'}: **${title}** (${who}, contractjaar ${year}) — ${sections} secties, ${passages} passages. Vragen over de tekst beantwoord ik meteen.`,
    proposals: (n: number) => `Ik stel ${n} datum(s) en regel(s) voor. Ze tellen pas als deadline, herinnering en in de kalender als iemand ze bevestigt:`,
    none: 'Ik vond geen data of termijnen om voor te stellen.',
    more: (n: number, id: string) => `Nog ${n} voorstel(len): "Alles bevestigen" bevestigt ook die, of bekijk ze met \`contractbot milestones review --document ${id}\`.`,
    confirm: 'Bevestigen',
    reject: 'Afwijzen',
    edit: 'Wijzigen',
    confirmAll: 'Alles bevestigen',
    confirmed: (n: number) => `✔ ${n} bevestigd: ze tellen nu mee voor deadlines, herinneringen en de kalender.`,
    rejected: (n: number) => `✖ ${n} afgewezen.`,
    unchanged: 'Dat voorstel was al verwerkt (of is intussen door iemand anders verwerkt).',
    unknown: 'Dat voorstel bestaat niet (meer).',
    editHow: (id: string) => `Typ de correctie, bijvoorbeeld: \`wijzig ${id} datum 2027-11-15\` (of \`label <tekst>\`, \`wie zorgaanbieder\`).`,
    edited: (line: string) => `Gewijzigd: ${line}`,
    editError: (code: Exclude<EditResult, { kind: 'edited' }>['code']) =>
      ({
        'unknown-item': 'Dat voorstel bestaat niet (meer).',
        'bad-date': 'Geef de datum als JJJJ-MM-DD, bijvoorbeeld 2027-11-15.',
        'bad-actor': 'Wie handelt: zorgaanbieder, zorgverzekeraar of NZa.',
        'not-a-milestone': 'Alleen data kun je wijzigen; wijs een verkeerde regel af.',
        'nothing-to-change': 'Zeg wat er moet veranderen: datum, label of wie.',
        conflict: 'Iemand anders wijzigde het tegelijk; probeer het nog eens.',
      })[code],
  },
  en: {
    refused: 'Only administrators can add documents; I stored nothing. Ask your administrator (CONTRACTBOT_ADMINS) to add the policy.',
    bad: (why: string) => `I did not add the file: ${why}`,
    unknownSector: (s: string, known: string) => `Unknown sector "${s}"; known: ${known}.`,
    noPassages: 'it holds no readable text.',
    notDownloaded: 'I could not fetch the file; please send it again.',
    added: (title: string, who: string, year: string, sections: number, passages: number, replaced: boolean) =>
      `${replaced ? 'Replaced' : 'Added'}: **${title}** (${who}, contract year ${year}) — ${sections} sections, ${passages} passages. I answer questions about its text right away.`,
    proposals: (n: number) => `I propose ${n} date(s) and rule(s). They count for deadlines, reminders and the calendar only once someone confirms them:`,
    none: 'I found no dates or periods to propose.',
    more: (n: number, id: string) => `${n} more proposal(s): "Confirm all" confirms those too, or review them with \`contractbot milestones review --document ${id}\`.`,
    confirm: 'Confirm',
    reject: 'Reject',
    edit: 'Edit',
    confirmAll: 'Confirm all',
    confirmed: (n: number) => `✔ ${n} confirmed: they now count for deadlines, reminders and the calendar.`,
    rejected: (n: number) => `✖ ${n} rejected.`,
    unchanged: 'That proposal was already handled (or someone else just handled it).',
    unknown: 'That proposal does not exist (any more).',
    editHow: (id: string) => `Type the correction, for example: \`edit ${id} date 2027-11-15\` (or \`label <text>\`, \`actor zorgaanbieder\`).`,
    edited: (line: string) => `Edited: ${line}`,
    editError: (code: Exclude<EditResult, { kind: 'edited' }>['code']) =>
      ({
        'unknown-item': 'That proposal does not exist (any more).',
        'bad-date': 'Give the date as YYYY-MM-DD, e.g. 2027-11-15.',
        'bad-actor': 'Who acts: zorgaanbieder, zorgverzekeraar or NZa.',
        'not-a-milestone': 'Only dates can be edited; reject a wrong rule instead.',
        'nothing-to-change': 'Say what to change: date, label or actor.',
        conflict: 'Someone else changed it at the same moment; try again.',
      })[code],
  },
} as const;

/** True when the sender is one of CONTRACTBOT_ADMINS (`slack:<user id>`, `teams:<aad object id>`). */
export function isAdmin(context: Pick<HandlerContext, 'admins'>, address: Address): boolean {
  return address.userId !== undefined && (context.admins ?? []).includes(`${address.platform}:${address.userId}`);
}

function text(language: Language, markdown: string, replaceOriginal = false): Reply {
  return makeReply('documents', language, [{ kind: 'text', markdown }], { replaceOriginal });
}

function line(item: KnowledgeItem): string {
  const j = itemJson(item);
  const when = item.kind === 'milestone' ? `**${String(j.date ?? '?')}**${j.precision === 'month' ? ' (maand)' : ''}` : `**${String(j.rule ?? '')}**`;
  const page = j.page ? `, p. ${String(j.page)}` : '';
  return `${when} — ${String(j.label)} (${String(j.actor)}${page})\n“${String(j.quote)}”`;
}

function errorText(error: AddDocumentError, language: Language): string {
  switch (error.code) {
    case 'extract':
      return EXTRACT_MESSAGES[error.error.code][language];
    case 'unknown-sector':
      return M[language].unknownSector(error.sector.slice(0, 40), error.known.join(', '));
    case 'no-passages':
      return M[language].noPassages;
  }
}

/**
 * Reads what an administrator typed with the file: the insurer (a known name or alias, else the
 * words left once sector and year are taken out: a new insurer), the sector and a contract year
 * ("CZ ggz 2027", "Zorgverzekeraar Noorderlicht 2027").
 */
export function describedBy(message: Pick<IncomingMessage, 'text'>, context: Pick<HandlerContext, 'knowledge'>): { insurer?: string; sector?: string; contractYear?: number } {
  const kb = context.knowledge;
  const tokens = tokenize(message.text);
  const known = kb.insurers.find(tokens)[0]?.name;
  const sector = kb.sectors.find(tokens)[0];
  const yearToken = tokens.find((t) => t.folded.length === 4 && Number(t.folded) >= 2000 && Number(t.folded) <= 2100);
  const rest = tokens.filter((t) => t !== yearToken && kb.sectors.canonical(t.text) === undefined);
  const named = rest.map((t) => t.text).join(' ').trim();
  const insurer = known ?? (named.length >= 2 && named.length <= 60 ? named : undefined);
  return { ...(insurer ? { insurer } : {}), ...(sector ? { sector } : {}), ...(yearToken ? { contractYear: Number(yearToken.folded) } : {}) };
}

async function upload(message: IncomingMessage, context: HandlerContext, language: Language): Promise<Reply> {
  const m = M[language];
  const file = message.file;
  if (!file) return text(language, m.unknown);
  // Checked before the download: a refused sender's file is never fetched.
  if (!isAdmin(context, message.address)) return text(language, m.refused);
  const fetched = await file.fetch();
  switch (fetched.kind) {
    case 'ok':
      break;
    case 'too-large':
      return text(language, m.bad(EXTRACT_MESSAGES['too-large'][language]));
    case 'failed':
      return text(language, m.bad(m.notDownloaded));
    default:
      return assertNever(fetched);
  }
  // Extraction (pdf.js, mammoth, html-to-text) loads only when a file arrives: answers stay fast to start.
  const { addDocument } = await import('./add-document.js');
  const result = await addDocument({ bytes: fetched.bytes, fileName: fetched.name, ...describedBy(message, context) }, { knowledge: context.knowledge, store: await context.store(), now: context.now });
  if (result.kind === 'error') return text(language, m.bad(errorText(result.error, language)));
  context.log.info('document added', { documentId: result.document.id, items: result.items.length, replaced: result.replaced });
  const doc = result.document;
  const proposals = result.items.filter((i) => i.status === 'proposed');
  const blocks: Block[] = [
    { kind: 'text', markdown: m.added(doc.title, doc.insurer ?? doc.publisher, String(doc.contractYear ?? '-'), result.sections, result.passages, result.replaced) },
    { kind: 'text', markdown: proposals.length > 0 ? m.proposals(proposals.length) : m.none },
  ];
  for (const item of proposals.slice(0, SHOWN)) {
    const buttons: Button[] = [
      { id: DOCUMENTS_ACCEPT, label: m.confirm, value: item.id, style: 'primary' },
      ...(item.kind === 'milestone' ? [{ id: DOCUMENTS_EDIT, label: m.edit, value: item.id }] : []),
      { id: DOCUMENTS_REJECT, label: m.reject, value: item.id, style: 'danger' as const },
    ];
    blocks.push({ kind: 'text', markdown: line(item) }, { kind: 'actions', buttons });
  }
  if (proposals.length > SHOWN) blocks.push({ kind: 'text', markdown: m.more(proposals.length - SHOWN, doc.id) });
  if (proposals.length > 0) blocks.push({ kind: 'actions', buttons: [{ id: DOCUMENTS_ACCEPT_ALL, label: m.confirmAll, value: doc.id, style: 'primary' }] });
  return makeReply('documents', language, blocks);
}

async function review(message: IncomingMessage, context: HandlerContext, language: Language): Promise<Reply> {
  const m = M[language];
  if (!isAdmin(context, message.address)) return text(language, m.refused);
  const value = message.action?.value ?? '';
  const store = await context.store();
  switch (message.action?.id) {
    case DOCUMENTS_ACCEPT:
    case DOCUMENTS_REJECT: {
      const status = message.action.id === DOCUMENTS_ACCEPT ? 'confirmed' : 'rejected';
      const outcome = await setItemStatus(store, [value], status, context.now);
      const changed = outcome.changed[0];
      if (!changed) return text(language, outcome.unknown.length > 0 ? m.unknown : m.unchanged);
      return text(language, `${status === 'confirmed' ? m.confirmed(1) : m.rejected(1)}\n${line(changed)}`);
    }
    case DOCUMENTS_ACCEPT_ALL: {
      const outcome = await acceptAll(store, value, context.now);
      return text(language, outcome.changed.length > 0 ? m.confirmed(outcome.changed.length) : m.unchanged);
    }
    case DOCUMENTS_EDIT:
      return text(language, m.editHow(value));
    default:
      return text(language, m.unknown);
  }
}

const EDIT_WORDS = new Set(['wijzig', 'edit', 'change', 'corrigeer']);
const FIELD_WORDS: Record<string, 'date' | 'label' | 'actor'> = { datum: 'date', date: 'date', label: 'label', wie: 'actor', actor: 'actor', who: 'actor' };

/** A typed correction of a proposed item: which item, which field, the new value. */
export interface EditCommand {
  readonly id: string;
  readonly field: 'date' | 'label' | 'actor';
  readonly value: string;
}

/** "wijzig <id> datum 2027-11-15" / "edit <id> label …": the typed correction the Edit button asks for. */
export function parseEditCommand(raw: string): EditCommand | undefined {
  const words = raw.trim().split(' ').filter((w) => w !== '');
  const [verb, id, field, ...rest] = words;
  if (!verb || !id || !field || rest.length === 0 || !EDIT_WORDS.has(verb.toLowerCase())) return undefined;
  const which = FIELD_WORDS[field.toLowerCase()];
  return which ? { id, field: which, value: rest.join(' ') } : undefined;
}

async function typedEdit(message: IncomingMessage, command: EditCommand | undefined, context: HandlerContext, language: Language): Promise<Reply> {
  const m = M[language];
  if (!isAdmin(context, message.address)) return text(language, m.refused);
  if (!command) return text(language, m.unknown);
  const result = await editItem(await context.store(), command.id, { [command.field]: command.value }, context.now);
  return text(language, result.kind === 'edited' ? m.edited(line(result.item)) : m.editError(result.code));
}

/**
 * Next year's policy in chat: an administrator sends the file in a direct message, the bot adds it
 * and answers with the proposed dates to Confirm / Edit / Reject (or Confirm all); anyone else gets a
 * polite refusal and nothing is stored.
 */
export const documentsHandler: Handler = {
  intent: 'documents',
  actionPrefix: 'documents.',
  handle: async (message, understanding, context) => {
    const { language } = understanding;
    if (message.action) return review(message, context, language);
    if (message.file) return upload(message, context, language);
    return typedEdit(message, understanding.edit, context, language);
  },
};
