import type { Messages } from './messages.js';

/** Dutch messages. */
export const nl: Messages = {
  router: {
    empty: 'Stel een vraag, bijvoorbeeld: "Wanneer moet ik tekenen bij Zorg en Zekerheid?" — or ask in English. Typ "help" voor meer.',
    tooLong: (length, max) => `Je bericht is te lang (${length} tekens); stel je vraag in hooguit ${max} tekens. / Your message is too long (${length} characters); please ask in at most ${max} characters.`,
    failed: 'Er ging iets mis bij het beantwoorden. Probeer het nog eens of formuleer je vraag anders.',
    unknownAction: 'Deze knop wordt niet (meer) herkend.',
    notUnderstood: 'Dat begrijp ik niet. Typ "help" voor voorbeelden.',
  },
  smalltalk: {
    greeting: 'Hallo! Ik ben ContractBot. Vraag me iets over de zorginkoop; ik antwoord altijd met de bron. Typ "help" voor voorbeelden.',
    thanks: 'Graag gedaan! Vraag gerust verder.',
    capabilitiesIntro: 'Ik ben ContractBot. Ik beantwoord vragen over de zorginkoop (contractering) uit de geïndexeerde documenten, altijd met bron; ik geef deadlines met hun status, reken termijnen uit, herinner kanalen aan deadlines en stel een escalatie-checklist op.',
    helpIntro: 'Ik ben ContractBot. Ik beantwoord vragen over de zorginkoop (contractering) uit de geïndexeerde documenten, altijd met bron.',
    examplesHeading: 'Voorbeelden:',
    examples: [
      'Wanneer moet ik tekenen bij Zorg en Zekerheid?',
      'Vraag gesteld aan VGZ op 11 mei 2026, wanneer moet er antwoord zijn?',
      'Wat moet ik vermelden bij een signaal aan de NZa?',
      'Maak een escalatie-checklist voor VGZ over tariefafslagen',
      'Herinner dit kanaal aan VGZ 14,7,1 — Welke herinneringen staan hier? — Stop herinneringen',
      'kalender — de deadlines in Outlook of Google Agenda',
    ],
  },
  control: {
    switched: 'Goed, ik antwoord vanaf nu in het Nederlands.',
    stopped: 'Goed, ik stop. Stel gerust een nieuwe vraag.',
    cancelled: 'Geannuleerd; er is niets gewijzigd.',
  },
  calendar: {
    explain: 'De deadlines staan in een kalenderfeed (iCalendar). Abonneer je daarop in Outlook ("Agenda toevoegen" → "Abonneren vanaf internet") of Google Agenda ("Via URL"), dan blijven ze vanzelf bijgewerkt.',
    noSubscription: 'Ik heb hier geen herinneringen aangezet. Wil je herinneringen in dit kanaal, zeg dan bijvoorbeeld "herinner dit kanaal aan VGZ 14,7,1".',
  },
  checklist: {
    offerKeepOrReplace: (title, done, total, wanted) =>
      `In dit gesprek staat al een checklist open: **${title}** (${done} van ${total} punten afgevinkt). Wil je die houden, of vervangen door een nieuwe ${wanted}? Tot je kiest, blijft de huidige checklist staan (afvinken en exporteren gaan over die).`,
    wantedPreview: (title) => `De nieuwe checklist (${title}) zou deze punten hebben:`,
    keepButton: 'Huidige houden',
    replaceButton: 'Vervangen door nieuwe',
    keepCommand: 'behouden',
    replaceCommand: 'vervangen',
    kept: (title) => `De huidige checklist blijft: **${title}**.`,
    replaced: (title) => `De vorige checklist is vervangen door: **${title}**.`,
    nothingPending: 'Er wacht geen nieuwe checklist om de huidige te vervangen; er is niets gewijzigd.',
    noChecklist: 'Er is in dit gesprek nog geen checklist. Maak er een met bijvoorbeeld: "maak een escalatie-checklist voor VGZ over tariefafslagen".',
    storageDown: 'De opslag van checklists is nu niet bereikbaar; er is niets gewijzigd. Probeer het later opnieuw.',
    unreadable: 'Deze checklist kan ik niet meer lezen; maak een nieuwe.',
    gone: 'Deze checklist bestaat niet (meer) in dit gesprek; er is niets gewijzigd.',
    buttonUnknown: 'Deze knop wordt niet (meer) herkend; er is niets gewijzigd.',
  },
  reminder: {
    howToSubscribe: 'Ik zet alleen herinneringen aan als je daar expliciet om vraagt, bijvoorbeeld: "herinner dit kanaal aan VGZ 14,7,1" of "herinner dit kanaal aan alle deadlines". "welke herinneringen staan hier?" toont ze, "stop herinneringen" zet ze uit.',
  },
};
