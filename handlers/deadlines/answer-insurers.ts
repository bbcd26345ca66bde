import type { HandlerContext } from '../context.js';
import { actorPhrase, statusPhrase } from '../deadline-text.js';
import { dateLabel } from '../format-date.js';
import { makeReply } from '../reply.js';
import type { Understanding } from '../understand/understanding.js';
import type { Block, IncomingMessage, Reply, Source } from '../types.js';
import { insurerDeadline, type InsurerDeadline } from './insurer-deadline.js';

const WORDS = {
  nl: {
    header: ['Zorgverzekeraar', 'Datum', 'Status', 'Stap', 'Bron'],
    noPolicy: 'geen inkoopbeleid geladen',
    noStep: 'geen datum voor deze stap',
    noPolicyLine: (name: string) => `**${name}**: van ${name} heb ik geen inkoopbeleid geladen, dus ik noem geen datum van ${name}.`,
    noStepLine: (name: string, title: string) => `**${name}**: in ${title} vind ik geen datum voor precies deze stap.`,
    first: (name: string, when: string) => `Het eerst: **${name}** (${when}).`,
    compared: 'Naast elkaar, vroegste datum eerst:',
    whose: 'wiens deadline',
  },
  en: {
    header: ['Insurer', 'Date', 'Status', 'Step', 'Source'],
    noPolicy: 'no purchasing policy loaded',
    noStep: 'no date for this step',
    noPolicyLine: (name: string) => `**${name}**: no purchasing policy of ${name} is loaded, so I give no ${name} date.`,
    noStepLine: (name: string, title: string) => `**${name}**: ${title} gives no date for exactly this step.`,
    first: (name: string, when: string) => `First: **${name}** (${when}).`,
    compared: 'Side by side, earliest date first:',
    whose: 'whose deadline',
  },
} as const;

/**
 * Answers a step question for every insurer the understanding names (or remembers), each from
 * its own policy (`policyFor`), never one insurer's date for another. `compare` ("compare VGZ and
 * Z&Z on signing", "verschil tussen …", "which insurer closes first") gives a side-by-side table,
 * one row per insurer (date, status, step, source), earliest first; a deadline question naming
 * several insurers gives one answer per insurer, in the order named. `deadlines` holds each
 * insurer's date in the same order.
 */
export async function answerInsurers(_message: IncomingMessage, u: Understanding, context: HandlerContext): Promise<Reply> {
  const kb = context.knowledge;
  const language = u.language;
  const words = WORDS[language];
  const answers = u.insurers.map((insurer) => insurerDeadline(kb, u, insurer, context.now, language));
  const comparing = u.intent === 'compare';
  const ordered = comparing ? [...answers].sort(byDate) : answers;
  const found = ordered.filter((a): a is Extract<InsurerDeadline, { kind: 'found' }> => a.kind === 'found');
  const sources: Source[] = found.map((a) => kb.source(a.milestone.documentId, a.milestone.section, a.milestone.quote, 1));
  const when = (a: Extract<InsurerDeadline, { kind: 'found' }>) => dateLabel(a.item.date, a.item.precision, language);

  const blocks: Block[] = [];
  if (comparing) {
    const first = found[0];
    blocks.push({ kind: 'text', markdown: words.compared });
    blocks.push({
      kind: 'table',
      header: words.header,
      rows: ordered.map((a) => {
        switch (a.kind) {
          case 'found':
            return [a.insurer, when(a), statusPhrase(a.item, language), a.item.label, `${kb.requireDocument(a.milestone.documentId).title}, § ${a.milestone.section}`];
          case 'no-step':
            return [a.insurer, '—', words.noStep, '—', a.policyTitle];
          case 'no-policy':
            return [a.insurer, '—', words.noPolicy, '—', '—'];
        }
      }),
    });
    if (first && found.length > 1) blocks.push({ kind: 'text', markdown: words.first(first.insurer, when(first)) });
  } else {
    const lines = ordered.map((a) => {
      switch (a.kind) {
        case 'found':
          return `**${a.insurer}** — **${when(a)}**: ${a.item.label}. ${statusPhrase(a.item, language)}; ${words.whose}: ${actorPhrase(a.milestone.actor, a.milestone.insurer, language)}.\n“${a.milestone.quote}” (${kb.requireDocument(a.milestone.documentId).title}, § ${a.milestone.section})`;
        case 'no-step':
          return words.noStepLine(a.insurer, a.policyTitle);
        case 'no-policy':
          return words.noPolicyLine(a.insurer);
      }
    });
    blocks.push({ kind: 'text', markdown: lines.join('\n\n') });
  }
  // The text (or the table) states every date found; the list is for `ask --json` and calendars.
  blocks.push({ kind: 'deadlines', deadlines: found.map((a) => a.item), stated: found.length }, { kind: 'sources', sources });
  return makeReply('deadline', language, blocks);
}

/** Found dates first, earliest first; insurers without a date after them, in the order named. */
function byDate(a: InsurerDeadline, b: InsurerDeadline): number {
  if (a.kind === 'found' && b.kind === 'found') return a.item.date.localeCompare(b.item.date);
  return Number(a.kind !== 'found') - Number(b.kind !== 'found');
}
