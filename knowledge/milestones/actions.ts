import { fold } from '../fold.js';

/**
 * The normalised actions a milestone can be about, with the Dutch and English words that name
 * them. Used both to tag proposed milestones and to understand questions, so the two agree.
 */
export const ACTIONS = {
  'publish-policy': [/\b(inkoopbeleid|zorginkoopbeleid|contracteerbeleid|beleid|werkwijze contracteren|policy|policies|procedure)\b/],
  apply: [/\b(aanvra(ag|gen)|aanvraagt|aanmeld\w*|verzoek zorgovereenkomst|apply|applies|application|applying|register|registration|sign up|request (a|an) (contract|agreement))\b/],
  questionnaire: [/\b(uitvraag\w*|vragenlijst|questionnaire|self-assessment)\b/],
  'portal-opens': [/\b(opent|openen|open|opens|opening|openstelling|geopend|portal\w*|portaal|offertemodule|contracteermodule|module)\b/],
  offer: [/\b(aanbieden|aanbod|aangeboden|biedt|bieden|contractaanbod|contractaanbieding\w*|contractvoorstel\w*|offer|offers|offered|offering)\b/],
  'submit-offer': [/\b(offerte\w*|quote|quotes|tender|bid|bids)\b/],
  negotiate: [/\b(inkoopgesprek\w*|onderhandel\w*|overleg\w*|gesprek\w*|negotiat\w*|talks|consult\w*|discuss\w*)\b/],
  sign: [/\b(onderteken\w*|tekenen|teken|tekent|getekend|accepteren|accepteer|geaccepteerd|contracteren|contract sluiten|sluiten|sluit|sluiting|einddatum contractering|sign|signs|signed|signing|accept|accepted|contracting closes|closes|close the contract)\b/],
  'inform-insured': [/\b(verzekerden|klanten|zorgzoeker|gecontracteerde zorgaanbieders|gecontracteerd zorgaanbod|contractpartijen|insured|customers|policyholders|members|contracted (care|providers|parties)|gecontracteerde (zorg|zorgaanbieders)|gecontracteerd zorgaanbod|announce\w*|met wie)\b/],
  'publish-tariffs': [/\b(tarie\w*|tariff\w*|maximumtarie\w*|tariefbeschikking|prices|rates)\b/],
  'nza-rules': [/\b(beleidsregel\w*|beleids regels|tariefbeschikking|policy rules|nza rules|regulations)\b/],
  'publish-criteria': [/\b(criteria|criterium|kwaliteitseisen|requirements)\b/],
  'final-policy': [/\b(definitie\w*|final|finalised|finalized|definite)\b/],
  'report-overrun': [/\b(overschrijd\w*|overschrijding|omzetplafond|zorgkostenplafond|plafond|overrun|overspend\w*|exceed\w*|ceiling|cap)\b/],
  start: [/\b(start|starts|begin|begint|ingaan|ingang|ingangsdatum|gaat in|in effect|effective|commence\w*|looptijd|term)\b/],
  end: [/\b(einde|eindigt|afloop|loopt af|ends|expire\w*|expiry|end of the (agreement|contract))\b/],
  evaluate: [/\b(evaluat\w*|evalueren)\b/],
  'process-contracts': [/\b(verwerk\w*|inregelen|volgen|volgcontract\w*|process(ed|ing)?|follow\w*)\b/],
  representation: [/\b(vertegenwoordig\w*|representat\w*|delegation)\b/],
  examples: [/\b(voorbeelden|rekenmodellen|business cases|innovatieprojecten|examples|calculation models|innovation projects)\b/],
  disputes: [/\b(geschil\w*|dispute\w*|conflict\w*|arbitra\w*)\b/],
} as const satisfies Record<string, readonly RegExp[]>;

export type Action = keyof typeof ACTIONS;

export const ACTION_IDS = Object.keys(ACTIONS) as Action[];

/**
 * The actions a text talks about, in the order of {@link ACTIONS}.
 * @example actionsIn('Wanneer moet ik tekenen bij Z&Z?') → ['sign']
 */
export function actionsIn(text: string): Action[] {
  const folded = fold(text);
  return ACTION_IDS.filter((id) => ACTIONS[id].some((p) => p.test(folded)));
}
