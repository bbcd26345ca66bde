import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ExtractedDocument, ExtractedPage } from './extracted-document.js';
import { extractFailure, type ExtractResult } from './extract-error.js';
import { pdfPageText, type PdfTextItem } from './pdf-lines.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsModule: Promise<PdfJs> | undefined;
/** pdf.js is large; it is loaded on the first PDF, not when this module is imported. */
function pdfjs(): Promise<PdfJs> {
  pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsModule;
}

/** The standard font data shipped with pdfjs-dist, as a file URL ending in '/'. */
function standardFontDataUrl(): string {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return pathToFileURL(join(root, 'standard_fonts')).href + '/';
}

/** Pages are separated by a blank line in the raw text, so a page break also ends a block. */
const PAGE_SEPARATOR = '\n\n';

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string' ? error.name : '';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads a PDF with the pdf.js legacy build (no eval, no worker or font fetches from the network:
 * the "fake worker" runs in this thread and standard fonts come from node_modules). Text items are
 * assembled into lines and blocks per page ({@link pdfPageText}). A password-protected file gives
 * `encrypted`; one that pdf.js cannot parse `corrupt`; `needs-ocr` when half or more of the pages
 * are images without any text (a scan, perhaps with a typed cover page); `empty` when no page has
 * text or images.
 */
export async function extractPdf(bytes: Uint8Array, onProgress?: (done: number, total: number) => void): Promise<ExtractResult> {
  const lib = await pdfjs();
  const task = lib.getDocument({
    // pdf.js may transfer (detach) the buffer it gets: give it a copy.
    data: new Uint8Array(bytes),
    standardFontDataUrl: standardFontDataUrl(),
    isEvalSupported: false,
    useWorkerFetch: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: lib.VerbosityLevel.ERRORS,
  });
  let pdf: Awaited<typeof task.promise>;
  try {
    pdf = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    if (errorName(error) === 'PasswordException') return extractFailure('encrypted');
    return extractFailure('corrupt', errorMessage(error));
  }
  try {
    const total = pdf.numPages;
    if (total === 0) return extractFailure('empty', 'the PDF has no pages');
    const pages: ExtractedPage[] = [];
    let rawText = '';
    let imagePages = 0;
    for (let number = 1; number <= total; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const [, bottom = 0, , top = 0] = page.view;
      const text = pdfPageText(
        content.items.flatMap((item): PdfTextItem[] => ('str' in item ? [{ ...item, transform: [...item.transform.slice(0, 5), (item.transform[5] ?? 0) - bottom] }] : [])),
        top - bottom,
      );
      if (text.trim() === '' && (await paintsImage(lib, page))) imagePages++;
      if (number > 1) rawText += PAGE_SEPARATOR;
      const start = rawText.length;
      rawText += text;
      pages.push({ number, start, end: rawText.length });
      page.cleanup();
      onProgress?.(number, total);
    }
    if (rawText.trim() === '' && imagePages === 0) return extractFailure('empty', 'the PDF has no text');
    // A scan with a typed cover page still needs OCR: most of its content is pictures of text.
    if (imagePages > 0 && imagePages * 2 >= total) return extractFailure('needs-ocr', `${imagePages} of ${total} pages are images without text`);
    const document: ExtractedDocument = { format: 'pdf', rawText, pages };
    return { kind: 'ok', document };
  } catch (error) {
    return extractFailure('corrupt', errorMessage(error));
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

async function paintsImage(lib: PdfJs, page: { getOperatorList(): Promise<{ fnArray: number[] }> }): Promise<boolean> {
  const { fnArray } = await page.getOperatorList();
  const imageOps = new Set<number>([lib.OPS.paintImageXObject, lib.OPS.paintInlineImageXObject, lib.OPS.paintImageMaskXObject, lib.OPS.paintImageXObjectRepeat]);
  return fnArray.some((op) => imageOps.has(op));
}
