import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import { tokenize } from '../../knowledge/vocabulary/term-matcher.js';

/**
 * Whether a message asks to draft an escalation checklist, from the cue words of
 * `knowledge/data/vocabulary/intent-cues.json`. A request names what is drafted (a checklist, an
 * escalation plan or steps, an NZa signal): "Draft an escalation checklist for VGZ about tariff
 * discounts", "stappenplan escalatie", "maak een escalatieplan voor Menzis over wachttijden".
 * Someone escalating with a named insurer in their own words ("Help me escalate with VGZ",
 * "Escalatie naar de NZa over VGZ: …, wacht al 20 weken") gets the checklist too: it is their
 * situation; so does someone asking for escalation steps for their own case ("stappenplan
 * escalatie contractering ggz, wat moet ik doen als we er niet uitkomen?", "What escalation steps can we take?"), and
 * someone stuck with a named insurer asking what now ("We komen er niet uit met VGZ over de afslagen op de tarieven, wat nu?"). Questions about escalation ("How should providers and insurers agree on escalation
 * in advance?") are left to the documents.
 */
export function isChecklistRequest(text: string, kb: KnowledgeBase, isQuestion: boolean): boolean {
  const tokens = tokenize(text);
  const cues = kb.phrases.cues.mentioned(tokens);
  const escalation = cues.has('escalation-word');
  const insurer = kb.insurers.find(tokens).length > 0;
  // Their own situation: an escalation with a named insurer, or escalation steps asked for in the
  // first person ("stappenplan escalatie …, wat moet ik doen als we er niet uitkomen?").
  const personal = escalation && (insurer || cues.has('artefact')) && (cues.has('first-person') || !isQuestion);
  // Their own dispute without the word escalation: "We komen er niet uit met VGZ over de afslagen, wat nu?".
  const stuck = cues.has('deadlock') && insurer && cues.has('first-person') && (cues.has('what-now') || !isQuestion);
  const checklist = cues.has('checklist-word');
  const signal = cues.has('signal-word') && cues.has('nza');
  const artefact = (cues.has('artefact') && escalation) || (checklist && (escalation || cues.has('nza') || cues.has('signal-word'))) || signal;
  if (!artefact) return personal || stuck;
  return checklist || cues.has('draft-verb') || !isQuestion || personal || stuck;
}
