/**
 * Makes text safe for a one-line message built from request input (HTTP error bodies, log lines):
 * line breaks, tabs and every other control character become visible escapes (`\r`, `\n`, `\t`,
 * `\u001b`), so input can never add a header, a log line or a terminal escape.
 * @example oneLine('VGZ\r\nX-Injected: 1') → 'VGZ\\r\\nX-Injected: 1'
 */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    switch (c) {
      case '\r':
        return '\\r';
      case '\n':
        return '\\n';
      case '\t':
        return '\\t';
      default:
        return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
}
