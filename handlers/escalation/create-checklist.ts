import { randomUUID } from 'node:crypto';
import { amsterdamDate } from '../../knowledge/dates/calendar-date.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { HandlerContext } from '../context.js';
import type { IncomingMessage, Language, Reply } from '../types.js';
import { insurerPlaceholder, newChecklistState } from './build-checklist.js';
import { checklistReply } from './checklist-reply.js';
import { saveChecklistState } from './checklist-storage.js';
import { detectTopics } from './detect-topics.js';

/**
 * Drafts a new escalation checklist for the insurer(s) and topics named in the message, stores it
 * for the conversation and shows it. Storage trouble still shows the checklist, without ticking.
 */
export async function createChecklist(message: IncomingMessage, context: HandlerContext, language: Language): Promise<Reply> {
  const kb = context.knowledge;
  const mentions = kb.insurers.find(message.text);
  const insurers = mentions.map((m) => m.name);
  const topics = detectTopics(kb, message.text);
  const state = newChecklistState(kb, insurers, topics, language, amsterdamDate(context.now));
  const id = `esc-${randomUUID().slice(0, 8)}`;

  let saved = true;
  try {
    await saveChecklistState(await context.store(), message.address, id, state, context.now);
    context.log.info('checklist created', { checklistId: id, items: state.items.length, topics: topics.join(',') || 'none' });
  } catch (error) {
    saved = false;
    context.log.warn('checklist not saved', { checklistId: id, error: error instanceof Error ? error.name : 'unknown' });
  }

  const topicLabels = kb.escalation
    .topics.filter((t) => topics.includes(t.id))
    .map((t) => t.label[language].toLowerCase());
  const unloaded = mentions.filter((m) => !m.loaded).map((m) => m.name);
  const lead: string[] = [];
  if (language === 'nl') {
    lead.push(
      `Op basis van de Handleiding escalatie contractering (De Nederlandse ggz) en de NZa Good practices contractering ggz: eerst de escalatiestappen in volgorde, dan wat je signaal aan de NZa moet bevatten${topicLabels.length > 0 ? `, punten over ${topicLabels.join(' en ')}` : ''} en de privacyregel. Bij elk punt staat de bron.`,
    );
    if (insurers.length === 0) lead.push(`Je noemde geen zorgverzekeraar, dus staat er ${insurerPlaceholder('nl')}. Noem de verzekeraar voor een checklist op naam, bijvoorbeeld: "escalatie-checklist VGZ over tarieven".`);
    if (unloaded.length > 0) lead.push(`Het inkoopbeleid van ${unloaded.join(' en ')} zit niet in mijn documenten; de punten komen uit de handleiding en de NZa good practices.`);
    if (topics.length === 0) lead.push('Noem een onderwerp voor extra punten: tarieven en op-/afslagen, cruciale ggz, toegang en wachttijden, of het contracteerproces (onbereikbaar, late antwoorden, te weinig tijd voor het aanbod).');
    if (!saved) lead.push('Let op: ik kon de checklist niet opslaan, dus afvinken en exporteren werken nu niet. Probeer het later opnieuw.');
  } else {
    lead.push(
      `Based on the escalation handbook (Handleiding escalatie contractering, De Nederlandse ggz) and the NZa good practices for ggz contracting: first the escalation steps in order, then what your report (signaal) to the NZa must contain${topicLabels.length > 0 ? `, items on ${topicLabels.join(' and ')}` : ''} and the privacy rule. Each item cites its source.`,
    );
    if (insurers.length === 0) lead.push(`You did not name an insurer, so the checklist says ${insurerPlaceholder('en')}. Name one for a checklist in its name, e.g. "escalation checklist for VGZ about tariffs".`);
    if (unloaded.length > 0) lead.push(`${unloaded.join(' and ')}'s purchasing policy is not in my documents; the items come from the handbook and the NZa good practices.`);
    if (topics.length === 0) lead.push('Name a topic for extra items: tariffs and surcharges/discounts, crucial ggz, access and waiting times, or the contracting process (insurer unreachable, late answers, too little time to study an offer).');
    if (!saved) lead.push('Note: I could not save the checklist, so ticking and export do not work right now. Please try again later.');
  }
  return checklistReply(kb, id, state, { lead, interactive: saved });
}
