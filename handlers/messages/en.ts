import type { Messages } from './messages.js';

/** English messages. */
export const en: Messages = {
  router: {
    empty: 'Ask a question, for example: "When must I sign with Zorg en Zekerheid?" — of stel je vraag in het Nederlands. Type "help" for more.',
    tooLong: (length, max) => `Your message is too long (${length} characters); please ask in at most ${max} characters.`,
    failed: 'Something went wrong while answering. Please try again or rephrase your question.',
    unknownAction: 'That button is not recognised (any more).',
    notUnderstood: 'I did not understand that. Type "help" for examples.',
  },
  smalltalk: {
    greeting: 'Hello! I am ContractBot. Ask me about healthcare contracting (zorginkoop); I always cite the source. Type "help" for examples.',
    thanks: "You're welcome! Ask away if there is more.",
    capabilitiesIntro: 'I am ContractBot. I answer questions about healthcare contracting (zorginkoop) from the indexed documents, always with the source; I give deadlines with their status, work out relative deadlines, remind channels of deadlines and draft an escalation checklist.',
    helpIntro: "I'm ContractBot. I answer questions about healthcare contracting (zorginkoop) from the indexed documents, always with the source.",
    examplesHeading: 'Examples:',
    examples: [
      'When must I sign with Zorg en Zekerheid?',
      'I asked VGZ a question on 11 May 2026, when must they answer?',
      'What must a report to the NZa contain?',
      'Draft an escalation checklist for VGZ about tariff discounts',
      'Remind this channel about VGZ 14,7,1 — Which reminders are set here? — Stop reminders',
      'calendar — the deadlines in Outlook or Google Calendar',
    ],
  },
  control: {
    switched: 'OK, I will answer in English from now on.',
    stopped: 'OK, I will stop. Ask a new question whenever you like.',
    cancelled: 'Cancelled; nothing was changed.',
  },
  calendar: {
    explain: 'The deadlines are published as a calendar feed (iCalendar). Subscribe to it in Outlook ("Add calendar" → "Subscribe from web") or Google Calendar ("From URL") and it stays up to date by itself.',
    noSubscription: 'I have not set up any reminders here. For reminders in this channel, say for example "remind this channel about VGZ 14,7,1".',
  },
  checklist: {
    offerKeepOrReplace: (title, done, total, wanted) =>
      `This conversation already has an open checklist: **${title}** (${done} of ${total} items ticked). Keep it, or replace it with a new ${wanted}? Until you choose, the current checklist stays (ticks and export apply to it).`,
    wantedPreview: (title) => `The new checklist (${title}) would have these items:`,
    keepButton: 'Keep current',
    replaceButton: 'Replace with new',
    keepCommand: 'keep',
    replaceCommand: 'replace',
    kept: (title) => `The current checklist stays: **${title}**.`,
    replaced: (title) => `The previous checklist has been replaced by: **${title}**.`,
    nothingPending: 'No new checklist is waiting to replace the current one; nothing was changed.',
    noChecklist: 'There is no checklist in this conversation yet. Draft one first, e.g. "Draft an escalation checklist for VGZ about tariff discounts".',
    storageDown: 'Checklist storage is not reachable right now; nothing was changed. Please try again later.',
    unreadable: 'I can no longer read this checklist; please draft a new one.',
    gone: 'This checklist does not exist (any more) in this conversation; nothing was changed.',
    buttonUnknown: 'That button is not recognised (any more); nothing was changed.',
  },
  reminder: {
    howToSubscribe: 'I only set up reminders when you ask for them explicitly, for example: "remind this channel about VGZ 14,7,1" or "remind this channel about all deadlines". "which reminders are set here?" lists them, "stop reminders" turns them off.',
  },
};
