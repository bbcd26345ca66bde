/** Longest message the handlers accept; longer ones get a clear reply and change nothing. */
export const MAX_INPUT_CHARS = 2000;

export type SanitizedInput =
  | { readonly kind: 'ok'; readonly text: string }
  | { readonly kind: 'empty' }
  | { readonly kind: 'too-long'; readonly length: number };

// ANSI/VT escape sequences: CSI, OSC (terminated by BEL or ST), and two-character escapes.
const ESCAPES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]/g;
// C0 and C1 controls except tab and newline, plus bidi overrides and zero-width format characters.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Makes user text safe for the core: terminal escape sequences and control characters removed,
 * lone surrogates replaced, Unicode NFC, whitespace collapsed. The result is never echoed raw.
 */
export function sanitizeInput(raw: string): SanitizedInput {
  if (raw.length > MAX_INPUT_CHARS * 4) return { kind: 'too-long', length: raw.length };
  const text = raw
    .replace(ESCAPES, ' ')
    .replace(CONTROLS, ' ')
    .replace(LONE_SURROGATE, '\ufffd')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length > MAX_INPUT_CHARS) return { kind: 'too-long', length: text.length };
  if (text.replace(/[\ufffd\p{P}\p{S}\s]/gu, '') === '') return text === '' ? { kind: 'empty' } : { kind: 'ok', text };
  return { kind: 'ok', text };
}
