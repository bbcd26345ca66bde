import { extractDates } from '../knowledge/dates/extract-dates.js';
import { fold } from '../knowledge/fold.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { DeadlineQuestion } from './deadline-question.js';
import { rankMilestones } from './rank-milestones.js';
import type { Language } from './types.js';

const WHEN = /\b(wanneer|tot wanneer|vanaf wanneer|uiterlijk|uiterste|deadline\w*|datum|data|date|dates|\w+datum|welke dag|hoe laat|when|until when|by when|what date|which date|what day|last day|laatste dag|due|planning|tijdpad|tijdlijn|timeline|schedule|kalender|calendar|(in )?(welke?|what|which) (maand|maanden|month|months|periode|period|kwartaal|quarter|week))\b/;
const STRONG = /\b(deadline\w*|uiterlijk|uiterste|einddatum|sluitingsdatum|vervaldatum|end date|closing date|due date|tot wanneer|until when|by when|last day|laatste dag|what date|welke datum|planning|tijdpad|tijdlijn|timeline)\b/;
const OTHER_INTENT = /\b(herinner\w*|remind\w*|abonneer\w*|subscribe\w*|unsubscribe|escalat\w*|escaleer\w*|checklist|stappenplan opstellen)\b/;
const PERIOD = /\b(\d{1,4}\s*(werkdagen|werkdag|working days?|business days?|werkweken|working weeks?|dagen|days?|weken|weeks?|maanden|months?)|binnen|within)\b/;
const EVENT = /\b(vraag|vragen|question\w*|asked|gesteld|gemaild|e-?mail\w*|emailed|gereageerd|reageren|reactie|antwoord\w*|answer\w*|reply|respond\w*|knelpunt\w*|conflict\w*|aanbod|contractaanbod|offer\w*|machtiging\w*|authori[sz]ation|verblijf|stay|opname|opgenomen|admitted|aanspraak|entitlement|plafond|ceiling|tussentijds\w*|mid-?year|interim)\b/;

const BARE_WHEN = /\b(when|wanneer)\b/g;
// After a bare "when"/"wanneer" that asks for a time comes a verb ("when must", "wanneer opent"); after
// the conjunction comes a subject ("what happens when waiting times exceed", "wat als wanneer de …").
const SUBJECT_AFTER = /^\s+(de|het|een|u|je|jij|ik|we|wij|zij|ze|hij|men|er|mijn|onze|uw|hun|zo'?n|a|an|the|you|i|they|he|she|it|my|our|your|their|there|this|that|these|those|\p{L}+ing|\p{L}+(s|en))\b/u;
const ASKING_AFTER = /^\s+(do|does|did|must|is|are|was|were|will|would|can|could|should|shall|may|has|have|had)\b/;

/**
 * "Planning", "timeline", "schedule" ask for dates when they are what the question is about
 * ("wat is de planning van VGZ?", "the timeline for GP care"), not when they are one item of a
 * list ("make their purchasing policy and planning available on time").
 */
function withoutIncidentalPlanning(folded: string): string {
  return folded.replace(/\b(planning|tijdpad|tijdlijn|timeline|schedule|kalender|calendar)\b(?!\s+(van|of|voor|for|bij|at|in)\b|\s*[?.!]*\s*$)/g, ' ');
}

/**
 * Whether a when-word asks for a time rather than joining clauses: any other when-word counts
 * (deadline, uiterlijk, tot wanneer …); a bare "when"/"wanneer" counts at the start of a clause,
 * after until/by/from/tot/vanaf/per, or before a verb — not as the conjunction of "what happens
 * when waiting times exceed the Treeknorm". Takes folded text {@link withoutIncidentalPlanning}.
 */
function asksWhen(folded: string): boolean {
  if (!onlyBareWhen(folded)) return true;
  for (const m of folded.matchAll(BARE_WHEN)) {
    const before = folded.slice(0, m.index).trimEnd();
    const after = folded.slice(m.index + m[0].length);
    if (before === '' || /[.?!:;,(]$/.test(before) || /\b(until|by|from|since|tot|vanaf|per|sinds|en|and|of|or)$/.test(before)) return true;
    if (ASKING_AFTER.test(after)) return true;
    if (!SUBJECT_AFTER.test(after)) return true;
  }
  return false;
}

/**
 * True when the only when-word is a bare "when"/"wanneer" (no date, deadline, planning … word).
 * Takes folded text {@link withoutIncidentalPlanning}.
 */
function onlyBareWhen(folded: string): boolean {
  return !WHEN.test(folded.replace(BARE_WHEN, ' '));
}

/**
 * How strongly a text is a date calculation: an event date plus an event ("vraag gesteld op …",
 * "asked on …") or a period ("10 werkdagen na …"). A cost-ceiling question with an amount also counts.
 */
export function calculationScore(text: string): number {
  const f = fold(text);
  if (OTHER_INTENT.test(f)) return 0.02;
  if (/\b(plafond|ceiling|zorgkostenplafond)\b/.test(f) && /(€|\beur\b|\beuro\b)\s*\d|\d\s*(€|eur\b|euro\b)/.test(f)) return 0.9;
  if (!extractDates(text).some((d) => d.start.day !== undefined)) return 0;
  if (EVENT.test(f) && (WHEN.test(f) || PERIOD.test(f) || /\b(verwachten|expect|moet|must|should|latest|laatst)\b/.test(f))) return 0.92;
  if (PERIOD.test(f)) return 0.9;
  return 0.2;
}

/**
 * How strongly a text asks for a date of the contracting process: when/wanneer/until/uiterlijk/
 * deadline words together with a step (sign, apply, offer …) or an insurer score high; a bare
 * "when" stays below the question handler (0.1); texts without such words (plain document questions) score low.
 */
export function deadlineScore(text: string, language: Language, knowledge: KnowledgeBase, question: DeadlineQuestion): number {
  // Dutch "data" are dates; English "data" are facts ("What data must I send to VGZ?").
  const f = language === 'en' ? fold(text).replace(/\bdata\b/g, 'gegevens') : fold(text);
  const asked = withoutIncidentalPlanning(f);
  if (!asksWhen(asked)) return 0.02;
  if (OTHER_INTENT.test(f)) return 0.05;
  const strong = STRONG.test(asked);
  const step = question.actions.length > 0;
  const insurer = question.insurers.length > 0;
  if (strong && (step || insurer)) return 0.9;
  if (step) return 0.85;
  // An insurer and a bare "when" but no step ("Z&Z's phone number, and when can I call?") is
  // rarely about the contracting calendar, unless its words name a milestone or ask for dates.
  if (insurer) return onlyBareWhen(asked) && bestMilestoneOverlap(question, knowledge) < 2 ? 0.08 : 0.85;
  if (strong) return 0.7;
  // A bare "when" without a step or insurer ("Wanneer is een machtiging nodig?") is usually a
  // content question: stay below the question handler, unless its words clearly name a dated
  // step of the catalog ("wanneer moest de cyclus van beleidsvorming doorlopen zijn?").
  if (bestMilestoneOverlap(question, knowledge) >= 2) return 0.5;
  return 0.08;
}

/** The most distinctive content words a text shares with one milestone of the catalog (labels and quote). */
function bestMilestoneOverlap(question: DeadlineQuestion, knowledge: KnowledgeBase): number {
  return Math.max(0, ...rankMilestones({ ...question, actions: [] }, knowledge.milestones).map((r) => r.distinctive ?? 0));
}
