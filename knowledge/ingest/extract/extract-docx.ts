import JSZip from 'jszip';
import mammoth from 'mammoth';
import { singlePage } from './extracted-document.js';
import { extractFailure, type ExtractResult } from './extract-error.js';
import { htmlText } from './html-text.js';

/** What a zip without `word/document.xml` probably is, for the error detail. */
function zipKind(zip: JSZip): string {
  if (zip.file('xl/workbook.xml')) return 'an Excel workbook';
  if (zip.file('ppt/presentation.xml')) return 'a PowerPoint presentation';
  if (zip.file('content.xml')) return 'an OpenDocument file';
  return 'a zip archive without word/document.xml';
}

/**
 * Reads a Word .docx: the zip must hold `word/document.xml` (otherwise `not-a-docx` when the
 * file is named .docx, `unknown-type` when not; an unreadable zip is `corrupt`). mammoth turns it into simple HTML (headings, lists, tables by
 * their Word styles), which {@link htmlText} lays out like the other formats.
 */
export async function extractDocx(bytes: Uint8Array, namedDocx: boolean): Promise<ExtractResult> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    return extractFailure('corrupt', `not a readable zip: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!zip.file('word/document.xml')) return extractFailure(namedDocx ? 'not-a-docx' : 'unknown-type', `it is ${zipKind(zip)}`);
  try {
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return { kind: 'ok', document: singlePage('docx', htmlText(value)) };
  } catch (error) {
    return extractFailure('corrupt', error instanceof Error ? error.message : String(error));
  }
}
