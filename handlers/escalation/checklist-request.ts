import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import { tokenize } from '../../knowledge/vocabulary/term-matcher.js';

/**
 * Whether a message asks to draft an escalation checklist, from the cue words of
 * `knowledge/data/vocabulary/intent-cues.json`. A request names what is drafted (a checklist, an
 * escalation plan or steps, an NZa signal): "Draft an escalation checklist for VGZ about tariff
 * discounts", "stappenplan escalatie", "maak een escalatieplan voor Menzis over wachttijden".
 * Someone escalating with a named insurer in their own words ("Help me escalate with VGZ",
 * "Escalatie naar de NZa over VGZ: …, wacht al 20 weken") gets the checklist too: it is their
 * situation. Questions about escalation ("How should providers and insurers agree on escalation
 * in advance?") are left to the documents.
 */
export function isChecklistRequest(text: string, kb: KnowledgeBase, isQuestion: boolean): boolean {
  const tokens = tokenize(text);
  const cues = kb.phrases.cues.mentioned(tokens);
  const escalation = cues.has('escalation-word');
  const insurer = kb.insurers.find(tokens).length > 0;
  const personal = escalation && insurer && (cues.has('first-person') || !isQuestion);
  const checklist = cues.has('checklist-word');
  const signal = cues.has('signal-word') && cues.has('nza');
  const artefact = (cues.has('artefact') && escalation) || (checklist && (escalation || cues.has('nza') || cues.has('signal-word'))) || signal;
  if (!artefact) return personal;
  return checklist || cues.has('draft-verb') || !isQuestion || personal;
}
