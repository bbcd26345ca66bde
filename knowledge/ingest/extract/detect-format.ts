import { looksBinary } from './decode-text.js';
import type { DocumentFormat } from './extracted-document.js';
import type { ExtractError } from './extract-error.js';

/** What the first bytes of a file say it is. */
export type Sniffed =
  | { readonly kind: 'pdf' }
  | { readonly kind: 'zip' }
  | { readonly kind: 'binary'; readonly what: string }
  | { readonly kind: 'html' }
  | { readonly kind: 'text' };

/** Magic numbers of common binary files, so an error can say what a file really is. */
const MAGIC: readonly { readonly bytes: readonly number[]; readonly what: string }[] = [
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'a program (ELF executable)' },
  { bytes: [0x4d, 0x5a], what: 'a program (Windows executable)' },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], what: 'a program (Mach-O executable)' },
  { bytes: [0xca, 0xfe, 0xba, 0xbe], what: 'a program (Mach-O or Java class)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an old Office file (.doc/.xls) or a password-protected Office file' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF file' },
];

const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b/i;

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return prefix.every((b, i) => bytes[at + i] === b);
}

/**
 * Reads what a file is from its content: `%PDF-` within the first KiB (PDF allows leading junk),
 * a zip header (`PK\x03\x04`, as .docx), known binary magic numbers, HTML by its opening tags,
 * otherwise text unless the bytes look binary.
 */
export function sniff(bytes: Uint8Array): Sniffed {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return { kind: 'pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'zip' };
  // UTF-16 text (with its byte-order mark) is full of NUL bytes but no binary.
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return { kind: 'text' };
  const magic = MAGIC.find((m) => startsWith(bytes, m.bytes));
  if (magic) return { kind: 'binary', what: magic.what };
  if (looksBinary(bytes)) return { kind: 'binary', what: 'binary data' };
  const text = head.replace(/^\u00ef\u00bb\u00bf/, '');
  return HTML_START.test(text) ? { kind: 'html' } : { kind: 'text' };
}

/** File name extensions and the format they claim. */
const EXTENSIONS: Readonly<Record<string, DocumentFormat>> = {
  pdf: 'pdf',
  docx: 'docx',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  md: 'markdown',
  markdown: 'markdown',
  txt: 'text',
  text: 'text',
};

/** The lower-case extension of a file name, '' when it has none. */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

function describe(s: Sniffed): string {
  switch (s.kind) {
    case 'pdf':
      return 'a PDF';
    case 'zip':
      return 'a zip archive';
    case 'binary':
      return s.what;
    case 'html':
      return 'an HTML page';
    case 'text':
      return 'plain text';
  }
}

/**
 * The format to read a file as, from its content checked against its name: a `.pdf` must be a
 * PDF (`not-a-pdf` otherwise, e.g. a program renamed), a `.docx` a zip (`not-a-docx`); text
 * names (.txt, .md, .html, or none) take their format from the name unless the content is a PDF
 * or zip (content wins) or binary (`not-text`); other names are read only when the content is a
 * PDF or a Word zip (`unknown-type` otherwise). A zip still has to hold `word/document.xml`,
 * which the Word reader checks.
 */
export function detectFormat(bytes: Uint8Array, fileName: string): { kind: 'ok'; format: DocumentFormat } | { kind: 'error'; error: ExtractError } {
  const sniffed = sniff(bytes);
  const extension = extensionOf(fileName);
  const claimed = EXTENSIONS[extension];
  const fromContent = (): DocumentFormat | undefined => {
    switch (sniffed.kind) {
      case 'pdf':
        return 'pdf';
      case 'zip':
        return 'docx';
      case 'binary':
        return undefined;
      case 'html':
        return 'html';
      case 'text':
        return 'text';
    }
  };
  switch (claimed) {
    case 'pdf':
      return sniffed.kind === 'pdf' ? { kind: 'ok', format: 'pdf' } : { kind: 'error', error: { code: 'not-a-pdf', detail: `it is ${describe(sniffed)}` } };
    case 'docx':
      return sniffed.kind === 'zip' ? { kind: 'ok', format: 'docx' } : { kind: 'error', error: { code: 'not-a-docx', detail: `it is ${describe(sniffed)}` } };
    case 'html':
    case 'markdown':
    default: {
      if (claimed === undefined && extension !== '') {
        if (sniffed.kind === 'pdf' || sniffed.kind === 'zip') return { kind: 'ok', format: sniffed.kind === 'pdf' ? 'pdf' : 'docx' };
        return { kind: 'error', error: { code: 'unknown-type', detail: `.${extension}, ${describe(sniffed)}` } };
      }
      const content = fromContent();
      if (content === undefined) {
        return claimed === undefined
          ? { kind: 'error', error: { code: 'unknown-type', detail: describe(sniffed) } }
          : { kind: 'error', error: { code: 'not-text', detail: `it is ${describe(sniffed)}` } };
      }
      if (content === 'pdf' || content === 'docx' || claimed === undefined) return { kind: 'ok', format: content };
      // A .txt that is really an HTML page is read as HTML; Markdown may hold HTML and stays Markdown.
      return { kind: 'ok', format: claimed === 'text' && content === 'html' ? 'html' : claimed };
    }
  }
}
