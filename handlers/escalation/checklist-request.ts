import { fold } from '../../knowledge/fold.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';

const ESCALATION = String.raw`escal\w*|stappenplan`;
const NZA_SIGNAL = String.raw`nza[- ]?(?:signaal|signal|melding|report)|(?:signaal|melding|signal|report)\s+(?:aan|bij|naar|voor|to|for|at)\s+(?:de\s+|the\s+)?nza`;
/** The thing being drafted: a checklist or plan about escalation, or an NZa signal. */
const ARTEFACT = new RegExp(
  [
    String.raw`(?:${ESCALATION})[- ]?(?:check[- ]?list|plan|route|stappen|steps)`,
    String.raw`check[- ]?list\b.*\b(?:${ESCALATION}|nza|signaal|melding)`,
    String.raw`(?:${ESCALATION}|nza|signaal|melding)\b.*\bcheck[- ]?list`,
    String.raw`(?:stappenplan|plan|route|steps)\s+(?:voor|for|bij|om\s+te|to)\s+(?:de\s+|een\s+|an\s+|the\s+)?escal\w*`,
    NZA_SIGNAL,
  ].join('|'),
  'u',
);
const DRAFT_VERB =
  /(?<![\p{L}])(?:draft|make|create|prepare|write|generate|build|produce|give me|set up|maak|maken|opstellen|stel\b.*\bop|schrijf|genereer|geef|bouw|zet\b.*\bop)(?![\p{L}])/u;
const PERSONAL_ESCALATION = /(?<![\p{L}])(?:escalat\w*|escaleer\w*|escaleren)/u;
const FIRST_PERSON = /(?<![\p{L}])(?:i|me|my|we|us|our|ik|mij|me|mijn|wij|we|ons|onze)(?![\p{L}])/u;
const CHECKLIST_WORD = /(?<![\p{L}])check[- ]?list/u;
const QUESTION_START = /^(?:what|which|how|why|when|who|where|should|can|could|do|does|is|are|wat|welke|hoe|waarom|wanneer|wie|waar|moet|kan|mag|is|zijn)\b/u;

/**
 * How sure it is that a message asks to draft an escalation checklist (0 or a high score).
 * Drafting requests name a checklist, an escalation plan or an NZa signal ("Draft an escalation
 * checklist for VGZ about tariff discounts", "escalatie checklist Zorg en Zekerheid, cruciale ggz",
 * "maak een escalatieplan voor Menzis over wachttijden"); questions about escalation ("How should
 * providers and insurers agree on escalation in advance?") are left to the question handler.
 */
export function checklistRequestScore(text: string, kb: KnowledgeBase): number {
  const folded = fold(text).trim();
  // Someone in a dispute with a named insurer who wants to escalate ("Help me escalate with VGZ",
  // "Hoe escaleer ik een conflict met Menzis?") gets the checklist too: it is their situation.
  const personal = PERSONAL_ESCALATION.test(folded) && FIRST_PERSON.test(folded) && kb.insurers.find(text).length > 0;
  if (!ARTEFACT.test(folded)) return personal ? 0.75 : 0;
  const drafting = DRAFT_VERB.test(folded);
  const question = QUESTION_START.test(folded) || folded.endsWith('?');
  if (CHECKLIST_WORD.test(folded)) return question && !drafting ? 0.6 : 0.95;
  if (drafting) return question ? 0.5 : 0.9;
  // "What escalation steps can we take against VGZ?": their own dispute, so the checklist answers it.
  return question ? (personal ? 0.75 : 0) : 0.8;
}
