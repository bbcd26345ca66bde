/**
 * Decodes the bytes of a text file: a UTF-8, UTF-16LE or UTF-16BE byte-order mark is honoured and
 * dropped; otherwise strict UTF-8, falling back to Windows-1252 (old Word exports, Notepad) when
 * the bytes are not valid UTF-8. Line ends become `\n`. Returns undefined for binary data (NUL
 * bytes or many control characters), so a program is never read as text.
 *
 * @example decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69, 0x0d, 0x0a])) // → 'hi\n'
 */
export function decodeText(bytes: Uint8Array): string | undefined {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    if (looksBinary(bytes)) return undefined;
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      text = new TextDecoder('windows-1252').decode(body);
    }
  }
  return text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
}

/** NUL bytes, or more than 2% control characters other than tab, line feed, form feed and carriage return, in the first 64 KiB. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 65_536);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) control++;
  }
  return control > sample.length * 0.02;
}
