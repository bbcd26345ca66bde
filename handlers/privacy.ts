import type { Language } from './types.js';

export interface PrivacyCheck {
  /** The text with personal data replaced by placeholders; what the core works with. */
  readonly text: string;
  /** Warnings for the user, in their language; empty when nothing was found. */
  readonly warnings: readonly string[];
}

// Placeholder: being implemented (owner: helper F). Finds nothing until then.
export function guardPrivacy(text: string, _language: Language): PrivacyCheck {
  return { text, warnings: [] };
}
