import type { Handler } from './handler.js';
import { makeReply } from './reply.js';
import type { Language, Reply } from './types.js';
import { fold } from '../knowledge/fold.js';

const HELP_WORDS = /^(help|hulp|\?|menu|commands|commando'?s|wat kan je( allemaal)?( doen)?\??|what can you do\??|hallo|hello|hi|hoi|hey)$/;

export function helpReply(language: Language): Reply {
  const text =
    language === 'nl'
      ? [
          'Ik ben ContractBot. Ik beantwoord vragen over de zorginkoop (contractering) uit de geïndexeerde documenten, altijd met bron.',
          '',
          'Voorbeelden:',
          '• Wanneer moet ik tekenen bij Zorg en Zekerheid?',
          '• Vraag gesteld aan VGZ op 11 mei 2026, wanneer moet er antwoord zijn?',
          '• Wat moet ik vermelden bij een signaal aan de NZa?',
          '• Maak een escalatie-checklist voor VGZ over tariefafslagen',
          '• Herinner dit kanaal aan VGZ 14,7,1 — Welke herinneringen staan hier? — Stop herinneringen',
        ].join('\n')
      : [
          "I'm ContractBot. I answer questions about healthcare contracting (zorginkoop) from the indexed documents, always with the source.",
          '',
          'Examples:',
          '• When must I sign with Zorg en Zekerheid?',
          '• I asked VGZ a question on 11 May 2026, when must they answer?',
          '• What must a report to the NZa contain?',
          '• Draft an escalation checklist for VGZ about tariff discounts',
          '• Remind this channel about VGZ 14,7,1 — Which reminders are set here? — Stop reminders',
        ].join('\n');
  return makeReply('help', language, [{ kind: 'text', markdown: text }]);
}

/** Answers "help" and greetings with what the bot can do. */
export const helpHandler: Handler = {
  intent: 'help',
  match: (text) => (HELP_WORDS.test(fold(text).trim().replace(/[!.]+$/, '')) ? 1 : 0),
  handle: async (_message, _context, language) => helpReply(language),
};
