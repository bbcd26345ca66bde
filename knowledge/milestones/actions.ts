import { fold } from '../fold.js';

/**
 * The normalised actions a milestone can be about, with the Dutch and English words that name
 * them. Used both to tag proposed milestones and to understand questions, so the two agree.
 */
export const ACTIONS = {
  'publish-policy': [/\b(inkoopbeleid|zorginkoopbeleid|contracteerbeleid|beleid|beleidsvorming|beleidscyclus|inkoopplan|inkoopdocument|werkwijze contracteren|policy|policies|procedure|purchasing plan)\b/],
  apply: [/\b(aanvra(ag|gen)|aanvraagt|aangevraagd|aanmeld\w*|inschrijv\w*|verzoek zorgovereenkomst|apply|applies|applied|applications?|applying|register|registers|registered|registrations?|enrol\w*|sign up|request (a|an) (contract|agreement))\b/],
  questionnaire: [/\b(uitvraag\w*|vragenlijst|questionnaire|self-assessment)\b/],
  'portal-opens': [/\b(opent|openen|open|opens|opening|opened|opende|openden|openstelling|geopend|opengesteld|\w*portal\w*|\w*portaal|offertemodule|contracteermodule|module)\b/],
  offer: [/\b(aanbieden|aanbod|aangeboden|biedt|bieden|contractaanbod|contractaanbieding\w*|contractvoorstel\w*|offer|offers|offered|offering)\b/],
  'submit-offer': [/\b(offerte\w*|quote|quotes|tender|bid|bids|eigen (contract)?aanbod|own (contract )?offer|(een )?(contract)?aanbod doen|make an offer|counter-?offer)\b/],
  negotiate: [/\b(inkoopgesprek\w*|onderhandel\w*|overleg\w*|gesprek\w*|negotiat\w*|talks|consult\w*|discuss\w*)\b/],
  sign: [/\b(onderteken\w*|tekenen|teken|tekent|getekend|accepteren|accepteer|accepteert|geaccepteerd|contracteren|contract sluiten|sluiten|sluit|sluiting|afsluit\w*|afgesloten|einddatum contractering|sign|signs|signed|signing|signature|accept|accepts|accepted|contracting closes|contracting ends|end of (the )?contracting|to contract(?! (offer|proposal|module|portal))|close|closes|closed|closing|close the contract)\b/],
  'inform-insured': [/\b(verzekerden|klanten|zorgzoeker|gecontracteerde zorgaanbieders|gecontracteerd zorgaanbod|contractpartijen|insured|customers|policyholders|members|contracted (care|providers|parties)|gecontracteerde (zorg|zorgaanbieders)|gecontracteerd zorgaanbod|announce\w*|met wie|gecontracteerd (zijn|is|heeft|hebben)|welke (zorg)?aanbieders|which providers|who (is|are|has been|have been) contracted|contracted with whom)\b/],
  'publish-tariffs': [/\b(tarie\w*|tariff\w*|maximumtarie\w*|tariefbeschikking|prices|rates)\b/],
  'nza-rules': [/\b(beleidsregel\w*|beleids regels|tariefbeschikking|policy rules|nza rules|regulations)\b/],
  'publish-criteria': [/\b(criteria|criterium|kwaliteitseisen|requirements)\b/],
  'policy-changes': [/\b(wijziging\w*|aanvulling\w*|changes|amendments?|additions|updates?)\b/],
  revise: [/\b(herzien\w*|herziening|bijstell\w*|bijstelling|bijgesteld|revis\w*|review\w*|adjust\w*)\b/],
  'final-policy': [/\b(definitie\w*|final|finalised|finalized|definite)\b/],
  'report-overrun': [/\b(overschrijd\w*|overschrijding|omzetplafond|zorgkostenplafond|plafond|overrun|overspend\w*|exceed\w*|ceiling|cap)\b/],
  start: [
    /\b(start|starts|started|starting|begin|begins|began|begint|ingaan|ingaat|ingegaan|ingang|ingangsdatum|gaat in|van kracht|in werking|in effect|effective|commence\w*|looptijd|term)\b/,
    // Dutch separable verb: "wanneer gaat de overeenkomst in?"
    /\b(gaat|gaan|ging)\b[^?.!\n]{0,80}\bin\s*(?:[?.!]|$)/,
  ],
  end: [
    /\b(einde|eindigt|eindigen|afloop|afloopt|loopt af|ends|ended|expire\w*|expiry|end of the (agreement|contract)|tot wanneer loopt|until when does (the )?(agreement|contract) run)\b/,
    // "When does the agreement end?" / "wanneer loopt het contract af?"
    /\bend\s*(?:[?.!]|$)/,
    /\bloopt\b[^?.!\n]{0,60}\baf\s*(?:[?.!]|$)/,
  ],
  evaluate: [/\b(evaluat\w*|evalueren)\b/],
  'process-contracts': [/\b(verwerk\w*|inregel\w*|ingeregeld|administratief|administratively|volgen|volgcontract\w*|process(ed|ing)?|follow\w*|set up (for|in) (the )?(claims|billing))\b/],
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
