import { messages } from '../messages/messages.js';
import type { EscalationItem, EscalationTopic } from '../../knowledge/escalation/escalation-item.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import { citation } from '../reply.js';
import type { Language, Source } from '../types.js';
import { checklistTitle, insurerNames, itemLabel, resolveItems } from './build-checklist.js';
import type { ChecklistState } from './checklist-state.js';

const GROUP_HEADINGS: Record<Exclude<EscalationItem['group'], 'topic'>, Record<Language, string>> = {
  step: { nl: 'Escalatiestappen (in volgorde)', en: 'Escalation steps (in order)' },
  report: { nl: 'Wat je signaal aan de NZa moet bevatten', en: 'What your report to the NZa must contain' },
  privacy: { nl: 'Privacy', en: 'Privacy' },
};

/**
 * The checklist as Markdown: title, progress, the items per group with their tick state and
 * source quote, the list of sources, and a draft outline of the NZa signal (in Dutch).
 */
export function exportChecklistMarkdown(kb: KnowledgeBase, state: ChecklistState): string {
  const { language } = state;
  const resolved = resolveItems(kb, state);
  const done = resolved.filter((r) => r.checklistItem.done).length;
  const out: string[] = [`# ${checklistTitle(kb, state)}`, ''];
  out.push(messages(language).escalation.drafted(state.createdOn, done, resolved.length));

  let heading = '';
  resolved.forEach(({ item, checklistItem }, index) => {
    const next = groupHeading(kb, item, language);
    if (next !== heading) {
      heading = next;
      out.push('', `## ${heading}`, '');
    }
    const doneOn = state.items.find((i) => i.id === item.id)?.doneOn;
    const tick = checklistItem.done ? `x` : ' ';
    const when = checklistItem.done && doneOn ? messages(language).escalation.tickedOn(doneOn) : '';
    out.push(`- [${tick}] ${index + 1}. ${itemLabel(item, state.insurers, language)}${when}`);
    if (checklistItem.source) out.push(`  > “${checklistItem.source.snippet}”`, `  > — ${citation(checklistItem.source)}`);
  });

  const sources = distinctDocuments(resolved.flatMap((r) => (r.checklistItem.source ? [r.checklistItem.source] : [])));
  out.push('', `## ${messages(language).escalation.sources}`, '');
  for (const s of sources) out.push(`- ${s.title} (${s.publisher}, ${s.year})${s.url ? `, ${s.url}` : ''}`);
  out.push('', '---', '', nzaSignalOutline(state));
  return out.join('\n');
}

function groupHeading(kb: KnowledgeBase, item: EscalationItem, language: Language): string {
  if (item.group === 'topic') {
    return kb.escalation.topics.find((t) => t.id === item.topic)?.label[language] ?? '';
  }
  return GROUP_HEADINGS[item.group][language];
}

function distinctDocuments(sources: readonly Source[]): Source[] {
  const seen = new Map<string, Source>();
  for (const s of sources) if (!seen.has(s.documentId)) seen.set(s.documentId, s);
  return [...seen.values()];
}

const TOPIC_OUTLINES: Record<EscalationTopic, (insurer: string) => string[]> = {
  tariffs: (insurer) => [
    'Tarieven en op- en afslagen',
    `- Uitgangspunt van ${insurer}: [100% NZa-tarieven / ander uitgangspunt, namelijk …]`,
    `- Motivering van de afslagen door ${insurer}: [wel / niet onderbouwd; licht concreet toe zonder specifieke tarieven te noemen]`,
    '- Afslagen na het kostprijsonderzoek: [opnieuw beoordeeld / dezelfde percentages gehanteerd]',
    '- OVA als index voor loonstijgingen bij de start van de onderhandeling: [ja / nee]',
    `- Transparantie over op- en afslagen in contractvoorstel en offerte: [toelichting]`,
    '- Waarom dit voor [naam zorgaanbieder] niet (financieel) passend is: [kwalitatief en kwantitatief; lokale of regionale omstandigheden; wachttijden]',
  ],
  crucial: (insurer) => [
    'Cruciale ggz',
    `- Afwijkingen van ${insurer} van de afspraken over cruciale ggz: [zo specifiek mogelijk, bijvoorbeeld HIC of IHT]`,
    '- Gesprek op basis van de gespreksleidraad cruciale ggz: [datum, uitkomst]',
    '- Gevolgen voor de beschikbaarheid van cruciale ggz in [regio]: [feitelijk]',
  ],
  access: (insurer) => [
    'Toegang en wachttijden',
    '- Instroom ten opzichte van de gemaakte afspraken: [feitelijk, zonder gegevens over cliënten]',
    '- Gevolgen voor wachtlijsten en wachttijden: [wachttijden ten opzichte van de Treeknormen]',
    `- Voorstellen aan ${insurer} (maatwerk, aanpassing van de financiële afspraken): [datum, reactie]`,
  ],
  process: (insurer) => [
    'Verloop van het contracteerproces',
    `- Bereikbaarheid van ${insurer}: [datum vraag] – [kanaal] – [datum antwoord / geen antwoord]`,
    `- Tijd om het aanbod van ${insurer} te bestuderen: [datum aanbod] – [uiterste reactiedatum]`,
    '- Gemaakte procesafspraken (frequentie van gesprekken, uitwisseling van informatie): [welke, en wat ervan terechtkwam]',
  ],
};

/**
 * A draft outline of the signal to the NZa, always in Dutch (the NZa's language), with headings
 * and placeholders such as [naam zorgaanbieder] and [datum]; never any personal data.
 */
function nzaSignalOutline(state: ChecklistState): string {
  const insurer = insurerNames(state.insurers, 'nl');
  const ticked = new Map(state.items.filter((i) => i.done).map((i) => [i.id, i.doneOn]));
  const earlier = (id: string, text: string): string => {
    const on = ticked.get(id);
    return `- ${text}: ${ticked.has(id) ? `uitgevoerd${on ? ` (afgevinkt op ${on})` : ''}, [datum en uitkomst]` : '[datum en uitkomst / nog niet gedaan]'}`;
  };
  const sections: string[][] = [
    ['Aanleiding', `[Korte, feitelijke samenvatting: wat speelt er in de contractering met ${insurer} en sinds wanneer.]`],
    [
      'Verloop van het contracteerproces',
      '- [datum]: [offerte ingediend / contractvoorstel ontvangen / gesprek gevoerd / vraag gesteld]',
      `- [datum]: [reactie van ${insurer}, of: geen reactie]`,
    ],
    ['Welke afspraken niet worden nagekomen', `- [afspraak, richtsnoer of regel]: [wat ${insurer} feitelijk doet, bijvoorbeeld "${insurer} hanteert uitgangspunt [Y]"]`],
    ...state.topics.map((t) => TOPIC_OUTLINES[t](insurer)),
    ['Voorbeelden van zorgverzekeraars die zich wel aan de afspraken houden', '- [zorgverzekeraar]: [wat zij wel doen]'],
    [
      'Eerdere stappen',
      earlier('step.reflect', `Gezamenlijke reflectie met ${insurer} aan de hand van de handvatten`),
      earlier('step.board-level', 'Escalatie op bestuurlijk niveau'),
      earlier('step.self-assessment', `Self-assessment samen met ${insurer}`),
    ],
    [
      'Bijlagen',
      '- Offerte of contractvoorstel van [datum]',
      `- Relevante schriftelijke correspondentie met ${insurer}`,
      '- Eerder gemaakte afspraken',
    ],
    ['Privacy', 'Dit signaal bevat geen vertrouwelijke of privacygevoelige gegevens over cliënten, medewerkers of andere betrokkenen.'],
  ];
  const lines = [
    `# Concept-signaal aan de NZa — contractering met ${insurer}`,
    '',
    'Aan: Nederlandse Zorgautoriteit (NZa), via het meldingsformulier zorgprofessional',
    'Afschrift: De Nederlandse ggz',
    'Van: [naam zorgaanbieder], [AGB-code], [contactpersoon en functie]',
    'Datum: [datum]',
    `Betreft: signaal over de contractering [contractjaar] met ${insurer}`,
  ];
  sections.forEach(([heading, ...body], i) => lines.push('', `## ${i + 1}. ${heading}`, ...body));
  return lines.join('\n');
}
