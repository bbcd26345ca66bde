import { messages } from './messages/messages.js';
import { findPersonalData, type PersonalDataKind } from './privacy/find-personal-data.js';
import type { Language } from './types.js';

export interface PrivacyCheck {
  /** The text with personal data replaced by placeholders; what the core works with. */
  readonly text: string;
  /** Warnings for the user, in their language; empty when nothing was found. */
  readonly warnings: readonly string[];
}

/** The placeholder each kind of personal data is replaced with (Dutch, like the drafts the bot writes). */
const PRIVACY_PLACEHOLDERS: Readonly<Record<PersonalDataKind, string>> = {
  bsn: '[BSN]',
  email: '[e-mail]',
  phone: '[telefoonnummer]',
  birthdate: '[geboortedatum]',
  iban: '[IBAN]',
};

const KIND_NAMES: Readonly<Record<PersonalDataKind, Record<Language, string>>> = {
  bsn: { nl: 'een BSN', en: 'a citizen service number (BSN)' },
  email: { nl: 'een e-mailadres', en: 'an e-mail address' },
  phone: { nl: 'een telefoonnummer', en: 'a phone number' },
  birthdate: { nl: 'een geboortedatum', en: 'a date of birth' },
  iban: { nl: 'een IBAN (rekeningnummer)', en: 'an IBAN (bank account number)' },
};

const ORDER: readonly PersonalDataKind[] = ['bsn', 'birthdate', 'email', 'phone', 'iban'];

/**
 * The privacy guard the router runs on every message before any handler sees it: Dutch citizen
 * service numbers (11-test), e-mail addresses, Dutch phone numbers, dates of birth and IBANs
 * (mod-97) are replaced by placeholders such as `[BSN]`, and the user is warned in their language.
 * Nothing found means the text comes back unchanged and without warnings.
 * @example guardPrivacy('mail jan@voorbeeld.nl', 'nl').text → 'mail [e-mail]'
 */
export function guardPrivacy(text: string, language: Language): PrivacyCheck {
  const found = findPersonalData(text);
  if (found.length === 0) return { text, warnings: [] };
  let guarded = text;
  for (const match of [...found].sort((a, b) => b.start - a.start)) {
    guarded = guarded.slice(0, match.start) + PRIVACY_PLACEHOLDERS[match.kind] + guarded.slice(match.end);
  }
  const kinds = ORDER.filter((kind) => found.some((f) => f.kind === kind));
  return { text: guarded, warnings: [privacyWarning(kinds, language)] };
}

function privacyWarning(kinds: readonly PersonalDataKind[], language: Language): string {
  const names = kinds.map((k) => KIND_NAMES[k][language]);
  const joined = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} ${messages(language).reminder.and} ${names[names.length - 1]}`;
  const placeholders = kinds.map((k) => PRIVACY_PLACEHOLDERS[k]).join(', ');
  return messages(language).privacy.warning(joined ?? '', placeholders, kinds.length > 1);
}
