import { amsterdamDate, parseYmd } from '../knowledge/dates/calendar-date.js';
import type { DocumentMeta } from '../knowledge/documents.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Milestone } from '../knowledge/milestones/milestone.js';
import { previousOccurrence } from '../knowledge/milestones/occurrences.js';
import type { HandlerContext } from './context.js';
import { toDeadlineItem } from './deadline-item.js';
import { occurrenceToShow } from './deadline-occurrence.js';
import { type DeadlineQuestion, deadlineQuestionOf } from './deadline-question.js';
import type { Understanding } from './understand/understanding.js';
import { actorPhrase, statusPhrase, yearlyPhrase } from './deadline-text.js';
import { dateLabel } from './format-date.js';
import { rankMilestones, type RankedMilestone } from './rank-milestones.js';
import { sentenceSpans } from '../knowledge/ingest/sentences.js';
import { messages } from './messages/messages.js';
import { makeReply } from './reply.js';
import type { Block, DeadlineItem, Language, Reply, Source } from './types.js';

const MAX_ITEMS = 6;
/** Distinctive words a question must share with a milestone to name it without a known action word. */
const MIN_WORD_MATCH = 2;

function loadedPolicies(kb: KnowledgeBase, language: Language): string {
  return kb.documents
    .filter((d) => d.kind === 'insurer-policy' && d.insurer)
    .map((d) => `${d.insurer} (${kb.sectors.name(d.sector, language)}, ${messages(language).deadline.contractYear} ${d.contractYear ?? '?'})`)
    .join(', ');
}

/**
 * The policy of an insurer that answers: the one for the contract year asked, else the one of the
 * contracting season `today` falls in (contracting for next year runs through this year), else the
 * newest older one. Undefined when the insurer has no policy with dated steps.
 */
export function policyFor(kb: KnowledgeBase, insurer: string, askedYear: number | undefined, today: string): DocumentMeta | undefined {
  const policies = kb.documents.filter((d) => d.kind === 'insurer-policy' && d.insurer === insurer && d.contractYear !== null);
  if (policies.length === 0) return undefined;
  const season = askedYear ?? parseYmd(today).year + 1;
  const exact = policies.find((d) => d.contractYear === season);
  if (exact) return exact;
  const older = policies.filter((d) => (d.contractYear ?? 0) < season).sort((a, b) => (b.contractYear ?? 0) - (a.contractYear ?? 0));
  return older[0] ?? [...policies].sort((a, b) => (a.contractYear ?? 0) - (b.contractYear ?? 0))[0];
}

/** The date of an item in words; a span of months reads "januari 2025 – maart 2025". */
function whenLabel(m: Milestone, item: DeadlineItem, language: Language): string {
  const first = dateLabel(item.date, item.precision, language);
  return m.when.kind === 'month' && m.when.through !== undefined && m.when.through !== m.when.month ? `${first} – ${dateLabel(`${m.when.through}-01`, 'month', language)}` : first;
}

function explainItem(kb: KnowledgeBase, m: Milestone, item: DeadlineItem, today: string, language: Language): string {
  const t = messages(language).deadline;
  const lines = [
    `**${whenLabel(m, item, language)}** — ${item.label}${item.insurer ? ` (${item.insurer})` : ''}.`,
    `${t.status}: ${statusPhrase(item, language)}. ${t.whoseDeadline}: ${actorPhrase(m.actor, m.insurer, language)}.`,
  ];
  if (m.when.kind === 'yearly') {
    const prev = previousOccurrence(m, today);
    lines.push(t.yearlyRule(yearlyPhrase(m.when.month, m.when.day, language), dateLabel(item.date, 'day', language), prev ? dateLabel(prev.date, 'day', language) : undefined));
  }
  lines.push(`${t.source}: “${m.quote}” (${kb.requireDocument(m.documentId).title}, § ${m.section})`);
  return lines.join('\n');
}

function sourcesOf(kb: KnowledgeBase, ranked: readonly RankedMilestone[]): Source[] {
  const seen = new Set<string>();
  const out: Source[] = [];
  for (const r of ranked) {
    const key = `${r.milestone.documentId}|${r.milestone.quote}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(kb.source(r.milestone.documentId, r.milestone.section, r.milestone.quote, Math.round(r.score * 100) / 100));
  }
  return out.slice(0, 4);
}

/** The best milestones for a question: the top group (near-equal scores) first, then related ones. */
function pick(ranked: readonly RankedMilestone[]): { best: RankedMilestone[]; related: RankedMilestone[] } {
  const top = ranked[0];
  if (!top) return { best: [], related: [] };
  const best = ranked.filter((r) => r.score >= top.score - 0.75).slice(0, 3);
  const related = ranked.filter((r) => !best.includes(r) && r.score >= top.score - 3).slice(0, MAX_ITEMS - best.length);
  return { best, related };
}

function policyYearNote(kb: KnowledgeBase, insurer: string, chosen: DocumentMeta, question: DeadlineQuestion, today: string, language: Language): string | undefined {
  const docs = kb.documents.filter((d) => d.kind === 'insurer-policy' && d.insurer === insurer);
  const years = docs.map((d) => d.contractYear).filter((y): y is number => y !== null).sort((a, b) => a - b);
  if (years.length === 0 || chosen.contractYear === null) return undefined;
  const newest = chosen.contractYear;
  const contractingFor = parseYmd(today).year + 1;
  const t = messages(language).deadline;
  const asked = question.year;
  if (asked !== undefined && !years.includes(asked) && asked !== newest - 1 && asked !== newest) return t.askedYearNotLoaded(asked, insurer, years.join(', '));
  if (newest < contractingFor) return t.oldPolicy(insurer, newest, contractingFor);
  return undefined;
}

/**
 * Sentences of the documents behind the sector-wide rules that name this insurer, e.g. the GP good
 * contracting practices: "Met uitzondering van DSW Zorgverzekeraar, die zich distantieert van deze
 * nieuwe afspraken". They qualify the rules offered in place of the insurer's own dates.
 */
function insurerRemarks(kb: KnowledgeBase, name: string, documentIds: readonly string[]): { documentId: string; section: string; sentence: string }[] {
  const out: { documentId: string; section: string; sentence: string }[] = [];
  for (const documentId of new Set(documentIds)) {
    // Which insurers each sentence names depends on the knowledge base alone: read once per document.
    const naming = kb.derived(`insurer-sentences:${documentId}`, () => {
      const { text } = kb.cleaned(documentId);
      const found: { sentence: string; start: number; names: string[] }[] = [];
      for (const span of sentenceSpans(text)) {
        const sentence = text.slice(span.start, span.end);
        const names = sentence.length < 20 ? [] : kb.insurers.find(sentence).map((i) => i.name);
        if (names.length > 0) found.push({ sentence, start: span.start, names });
      }
      return found;
    });
    for (const { sentence, start, names } of naming) {
      if (names.includes(name)) out.push({ documentId, section: kb.sectionPathAt(documentId, start).join(' › '), sentence });
    }
  }
  return out;
}

function unknownInsurerReply(kb: KnowledgeBase, name: string, question: DeadlineQuestion, today: string, language: Language): Reply {
  const t = messages(language).deadline;
  const sectorWide = kb.milestones.filter((m) => m.insurer === null && m.when.kind === 'yearly');
  const ranked = question.actions.length > 0 ? rankMilestones({ ...question, actor: question.actor === 'zorgverzekeraar' ? undefined : question.actor }, sectorWide) : [];
  const picked = pick(ranked);
  const chosen = (ranked.length > 0 ? [...picked.best, ...picked.related] : sectorWide.filter((m) => m.overview).map((m) => ({ milestone: m, score: 1 }))).slice(0, 5);
  const items = chosen.map((r) => toDeadlineItem(r.milestone, occurrenceToShow(r.milestone, today, question.year), today, language));
  const sectorTitles = [...new Set(chosen.map((r) => kb.requireDocument(r.milestone.documentId).title))].join('; ');
  const intro = t.noPolicy(name, loadedPolicies(kb, language));
  const sectorNote = t.sectorWideInstead(name, sectorTitles);
  const remarks = insurerRemarks(kb, name, chosen.map((r) => r.milestone.documentId));
  const remarkText = remarks
    .map((r) => t.remark(kb.requireDocument(r.documentId).title, name, r.sentence))
    .join('\n');
  const blocks: Block[] = [
    { kind: 'text', markdown: [`${intro}\n\n${sectorNote}`, ...(remarkText ? [remarkText] : [])].join('\n\n') },
    { kind: 'deadlines', deadlines: items },
    { kind: 'sources', sources: [...remarks.map((r) => kb.source(r.documentId, r.section, r.sentence, 1)), ...sourcesOf(kb, chosen)].slice(0, 4) },
  ];
  return makeReply('deadline', language, blocks);
}

/**
 * Answers a when-question from the milestone catalog: the best matching dated step with weekday,
 * status relative to today (Europe/Amsterdam date of `context.now`), whose deadline, quote and
 * citation; yearly rules give their next occurrence and the rule. Questions about insurers whose
 * policy is not loaded get the honest answer and only sector-wide rules.
 */
export function answerDeadline(understanding: Understanding, context: HandlerContext): Reply {
  const kb = context.knowledge;
  const { language } = understanding;
  const today = amsterdamDate(context.now);
  const question = deadlineQuestionOf(understanding);
  const t = messages(language).deadline;
  const insurer = question.insurers[0];
  const policy = insurer ? policyFor(kb, insurer.name, question.year, today) : undefined;
  if (insurer && (!insurer.loaded || !policy)) return unknownInsurerReply(kb, insurer.name, question, today, language);

  const all = kb.milestones;
  const pool = insurer && policy ? all.filter((m) => m.insurer === insurer.name && m.documentId === policy.id) : all;
  let ranked = rankMilestones(question, pool);
  let overview = false;
  // Without a recognised step, the words of the question may still name one milestone clearly
  // ("de cyclus van beleidsvorming voor contractjaar 2018"); otherwise show the planning.
  const namedByWords = question.actions.length === 0 && (ranked[0]?.distinctive ?? 0) >= MIN_WORD_MATCH;
  if (ranked.length === 0 || (question.actions.length === 0 && !namedByWords)) {
    // No step named (or none matches): show the planning, chronologically, of the insurer or the sector.
    overview = true;
    const base = insurer ? pool : all.filter((m) => m.insurer === null && m.when.kind === 'yearly' && (!question.sector || m.sector === question.sector));
    const list = insurer ? base : base.filter((m) => m.overview);
    ranked = list.map((m) => ({ milestone: m, score: 1 }));
  }

  const { best, related } = overview ? { best: ranked.slice(0, MAX_ITEMS + 2), related: [] } : pick(ranked);
  const chosen = [...best, ...related];
  const items = chosen.map((r) => toDeadlineItem(r.milestone, occurrenceToShow(r.milestone, today, question.year), today, language));
  const parts: string[] = [];
  const note = insurer && policy ? policyYearNote(kb, insurer.name, policy, question, today, language) : undefined;
  if (note) parts.push(note);

  if (overview) {
    const head = insurer ? (question.actions.length > 0 ? t.noDateForStep(insurer.name) : t.planningOf(insurer.name)) : t.nameInsurerOrStep;
    parts.push(head);
    return makeReply('deadline', language, [
      { kind: 'text', markdown: parts.join('\n\n') },
      { kind: 'deadlines', deadlines: [...items].sort((a, b) => a.date.localeCompare(b.date)) },
      { kind: 'sources', sources: sourcesOf(kb, chosen) },
    ]);
  }

  best.forEach((r, i) => {
    const item = items[i];
    if (item) parts.push(explainItem(kb, r.milestone, item, today, language));
  });
  if (!insurer && best.some((r) => r.milestone.insurer !== null) && !best.some((r) => r.milestone.insurer === null)) {
    parts.push(t.notForOtherInsurers);
  }
  if (items.length > best.length) parts.push(t.allDatesFound);
  return makeReply('deadline', language, [
    { kind: 'text', markdown: parts.join('\n\n') },
    { kind: 'deadlines', deadlines: items, stated: best.length },
    { kind: 'sources', sources: sourcesOf(kb, chosen) },
  ]);
}
