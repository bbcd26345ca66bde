import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildCleanedDocument } from '../../cleaned-documents.js';
import { extractDocument } from './extract-document.js';
import { describeExtractError, type ExtractErrorCode, type ExtractResult } from './extract-error.js';
import type { ExtractedDocument } from './extracted-document.js';
import { locateInRaw } from './locate-in-raw.js';
import {
  buildBlankPdf,
  buildCorruptPdf,
  buildEncryptedPdf,
  buildPolicyDocx,
  buildPolicyPdf,
  buildScannedPdf,
  greyPng,
  planningRows,
  policyHtml,
  policyMarkdown,
  programBytes,
  PROSE_RULE,
} from './test-support/policy-files.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

function ok(result: ExtractResult): ExtractedDocument {
  if (result.kind === 'error') throw new Error(`expected a document, got ${result.error.code}: ${result.error.detail ?? ''}`);
  return result.document;
}

function code(result: ExtractResult): ExtractErrorCode | 'ok' {
  return result.kind === 'ok' ? 'ok' : result.error.code;
}

/** The cleaned text's section paths and block kinds, as the shipped documents get them. */
function cleaned(document: ExtractedDocument) {
  const doc = buildCleanedDocument('upload', document.rawText);
  return { ...doc, paths: doc.sections.map((s) => s.path.join(' › ')) };
}

/** Every planning row must come out as one paragraph of its own: "1 april 2026 Publicatie …". */
function expectPlanningBlocks(document: ExtractedDocument) {
  const { blocks } = cleaned(document);
  for (const row of planningRows(2027)) {
    const block = blocks.find((b) => b.block.text.startsWith(row.date));
    expect(block?.block, row.date).toEqual({ kind: 'paragraph', text: `${row.date} ${row.activity}` });
  }
}

describe('extractDocument: PDF', () => {
  it('reads a multi-page policy into pdftotext-like lines with pages, and the cleaning sections it', async () => {
    const progress: [number, number][] = [];
    const document = ok(await extractDocument(await buildPolicyPdf(), 'beleid-2027.pdf', { onProgress: (done, total) => progress.push([done, total]) }));
    expect(document.format).toBe('pdf');
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(document.pages.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(document.rawText.slice(document.pages[1]?.start, document.pages[1]?.end)).toMatch(/^3 Planning\n\nDe planning/);
    // Headings and table rows are blocks of their own; a wrapped paragraph keeps its line breaks.
    expect(document.rawText).toContain('\n\n12 november 2026 Uiterste datum van ondertekening van de zorgovereenkomst.\n\n');
    expect(document.rawText).toContain('tijdig te reageren op de uit-\nvraag, zodat');
    // The running title and the page number sit on one baseline but are separate lines.
    expect(document.rawText).toContain('\nPagina 2 van 3');

    const doc = cleaned(document);
    expect(doc.paths).toEqual(['Inkoopbeleid GGZ 2027', '1 Inleiding', '2 Contracteerproces', '3 Planning', '4 Looptijd en bijcontracteren']);
    expect(doc.text).toContain('op de uitvraag, zodat');
    expect(doc.text).toContain(PROSE_RULE);
    expect(doc.text).not.toMatch(/Pagina \d van 3|Noorderlicht\n/);
    expectPlanningBlocks(document);
  });

  it('gives a quote from the cleaned text its page', async () => {
    const document = ok(await extractDocument(await buildPolicyPdf(), 'beleid.pdf'));
    expect(locateInRaw(document, PROSE_RULE)?.page).toBe(1);
    expect(locateInRaw(document, '12 november 2026 Uiterste datum van ondertekening van de zorgovereenkomst.')?.page).toBe(2);
    expect(locateInRaw(document, 'De zorgaanbieder meldt uiterlijk 1 oktober 2027 een verwachte overschrijding van het omzetplafond.')?.page).toBe(3);
    const hit = locateInRaw(document, 'te reageren op de uitvraag');
    expect(hit && document.rawText.slice(hit.start, hit.end)).toBe('te reageren op de uit-\nvraag');
    expect(locateInRaw(document, 'binnen 20 werkdagen')).toBeUndefined();
  });

  it('says a scan needs OCR, a password-protected file is encrypted, garbage is corrupt, blank pages are empty', async () => {
    expect(await extractDocument(await buildScannedPdf(), 'scan.pdf')).toEqual({ kind: 'error', error: { code: 'needs-ocr', detail: '2 of 2 pages are images without text' } });
    expect(await extractDocument(await buildScannedPdf({ pages: 4, typedCover: true }), 'scan.pdf')).toEqual({ kind: 'error', error: { code: 'needs-ocr', detail: '3 of 4 pages are images without text' } });
    expect(code(await extractDocument(await buildEncryptedPdf(), 'geheim.pdf'))).toBe('encrypted');
    expect(await extractDocument(buildCorruptPdf(), 'kapot.pdf')).toEqual({ kind: 'error', error: { code: 'corrupt', detail: 'Invalid PDF structure' } });
    expect(code(await extractDocument((await buildPolicyPdf()).slice(0, 3000), 'afgebroken.pdf'))).toBe('corrupt');
    expect(code(await extractDocument(await buildBlankPdf(), 'leeg.pdf'))).toBe('empty');
  });

  it('refuses a program renamed .pdf, naming what it is', async () => {
    expect(await extractDocument(programBytes(), 'beleid.pdf')).toEqual({ kind: 'error', error: { code: 'not-a-pdf', detail: 'it is a program (ELF executable)' } });
    const exe = new Uint8Array(512);
    exe.set([0x4d, 0x5a, 0x90, 0x00]);
    expect(await extractDocument(exe, 'beleid.PDF')).toEqual({ kind: 'error', error: { code: 'not-a-pdf', detail: 'it is a program (Windows executable)' } });
    expect(code(await extractDocument(utf8('Dit is gewone tekst.'), 'beleid.pdf'))).toBe('not-a-pdf');
  });

  it('reads a PDF by its content whatever its name says', async () => {
    expect(ok(await extractDocument(await buildPolicyPdf(), 'download')).format).toBe('pdf');
    expect(ok(await extractDocument(await buildPolicyPdf(), 'beleid.bin')).format).toBe('pdf');
  });
});

describe('extractDocument: Word, HTML, Markdown, text', () => {
  it('reads a .docx: headings, list items and table rows on their own lines', async () => {
    const document = ok(await extractDocument(await buildPolicyDocx(), 'beleid.docx'));
    expect(document.format).toBe('docx');
    expect(document.pages).toEqual([{ number: 1, start: 0, end: document.rawText.length }]);
    const doc = cleaned(document);
    expect(doc.paths).toEqual(['Inkoopbeleid GGZ 2027', '1 Inleiding', '2 Contracteerproces', '3 Planning']);
    expect(doc.blocks.filter((b) => b.block.kind === 'list-item').map((b) => b.block.text)).toEqual(['• Wij kopen passende zorg in.', '• Wij maken meerjarenafspraken waar dat kan.']);
    expect(doc.text).toContain(PROSE_RULE);
    expectPlanningBlocks(document);
  });

  it('reads HTML without menus and scripts, with headings, lists and table rows', async () => {
    const document = ok(await extractDocument(utf8(policyHtml()), 'beleid.html'));
    expect(document.format).toBe('html');
    expect(document.rawText).not.toMatch(/Home|window\.x|padding/);
    const doc = cleaned(document);
    expect(doc.paths).toEqual(['Inkoopbeleid GGZ 2027', '2 Contracteerproces', '3 Planning']);
    expect(doc.text).toContain('De planning voor het inkoopjaar 2027 ziet er als volgt uit:');
    expect(doc.blocks.filter((b) => b.block.kind === 'list-item')).toHaveLength(2);
    expectPlanningBlocks(document);
  });

  it('reads Markdown without its markup', async () => {
    const document = ok(await extractDocument(utf8(policyMarkdown()), 'beleid.md'));
    expect(document.format).toBe('markdown');
    expect(document.rawText).not.toMatch(/[*#|]|\]\(|title:/);
    const doc = cleaned(document);
    expect(doc.paths).toEqual(['Inkoopbeleid GGZ 2027', '2 Contracteerproces', '3 Planning']);
    expect(doc.text).toContain(`zorginkoopportaal. ${PROSE_RULE}`);
    expect(doc.blocks.filter((b) => b.block.kind === 'list-item').map((b) => b.block.text)).toEqual(['• Wij kopen passende zorg in.', '• Wij maken meerjarenafspraken waar dat kan.']);
    expectPlanningBlocks(document);
  });

  it('reads plain text as is, without BOM and CR, also UTF-16 and Windows-1252', async () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Coöperatie VGZ\r\nregel twee\r\n')]);
    expect(ok(await extractDocument(withBom, 'vgz.txt'))).toEqual({ format: 'text', rawText: 'Coöperatie VGZ\nregel twee\n', pages: [{ number: 1, start: 0, end: 26 }] });
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('Zorg en Zekerheid', 'utf16le')]);
    expect(ok(await extractDocument(utf16, 'zz.txt')).rawText).toBe('Zorg en Zekerheid');
    const cp1252 = new Uint8Array([...Buffer.from('Co', 'latin1'), 0xf6, ...Buffer.from('peratie', 'latin1')]);
    expect(ok(await extractDocument(cp1252, 'oud.txt')).rawText).toBe('Coöperatie');
    expect(ok(await extractDocument(utf8('<!doctype html><p>Tekst</p>'), 'pagina.txt')).format).toBe('html');
    expect(ok(await extractDocument(utf8('Beleid zonder extensie'), 'beleid')).format).toBe('text');
  });
});

describe('extractDocument: bad files get a code, never an exception', () => {
  it('empty and whitespace-only files are empty', async () => {
    expect(await extractDocument(new Uint8Array(), 'leeg.pdf')).toEqual({ kind: 'error', error: { code: 'empty' } });
    expect(code(await extractDocument(utf8('  \n\t\r\n  '), 'leeg.txt'))).toBe('empty');
    expect(code(await extractDocument(utf8('<html><body><script>x()</script></body></html>'), 'leeg.html'))).toBe('empty');
    expect(code(await extractDocument(utf8('# \n\n---\n'), 'leeg.md'))).toBe('empty');
  });

  it('a file over 50 MB is too large before anything parses it', async () => {
    const big = new Uint8Array(50 * 1024 * 1024 + 1);
    big.set(utf8('%PDF-1.7\n'));
    expect(await extractDocument(big, 'groot.pdf')).toEqual({ kind: 'error', error: { code: 'too-large', detail: '50 MB; the limit is 50 MB' } });
    expect(code(await extractDocument(new Uint8Array(50 * 1024 * 1024).fill(0x61), 'precies.txt'))).toBe('ok');
    expect(code(await extractDocument(utf8('kort maar te lang'), 'x.txt', { maxBytes: 8 }))).toBe('too-large');
  });

  it('unknown types, binaries named as text, and zips that are no Word file', async () => {
    expect(await extractDocument(greyPng(), 'scan.png')).toEqual({ kind: 'error', error: { code: 'unknown-type', detail: '.png, a PNG image' } });
    expect(code(await extractDocument(programBytes(), 'programma'))).toBe('unknown-type');
    expect(code(await extractDocument(utf8('a;b;c'), 'tabel.csv'))).toBe('unknown-type');
    expect(code(await extractDocument(programBytes(), 'notities.txt'))).toBe('not-text');
    const xlsx = new JSZip();
    xlsx.file('xl/workbook.xml', '<workbook/>');
    const xlsxBytes = await xlsx.generateAsync({ type: 'uint8array' });
    expect(await extractDocument(xlsxBytes, 'beleid.docx')).toEqual({ kind: 'error', error: { code: 'not-a-docx', detail: 'it is an Excel workbook' } });
    expect(code(await extractDocument(xlsxBytes, 'beleid.xlsx'))).toBe('unknown-type');
    expect(code(await extractDocument(utf8('gewone tekst'), 'beleid.docx'))).toBe('not-a-docx');
    expect(code(await extractDocument(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), 'kapot.docx'))).toBe('corrupt');
  });

  it('never throws, whatever the bytes and the name', { timeout: 60_000 }, async () => {
    const prefixes = [[], [...utf8('%PDF-1.4\n')], [0x50, 0x4b, 0x03, 0x04], [...utf8('<html>')], [0xff, 0xfe]];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...prefixes),
        fc.uint8Array({ maxLength: 400 }),
        fc.constantFrom('x.pdf', 'x.docx', 'x.html', 'x.md', 'x.txt', 'x', 'x.bin'),
        async (prefix, body, name) => {
          const result = await extractDocument(new Uint8Array([...prefix, ...body]), name);
          expect(['ok', 'error']).toContain(result.kind);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('describes every code in one English line', () => {
    const codes: ExtractErrorCode[] = ['empty', 'too-large', 'unknown-type', 'not-a-pdf', 'not-a-docx', 'encrypted', 'corrupt', 'needs-ocr', 'not-text'];
    const lines = codes.map((c) => describeExtractError({ code: c, detail: 'x' }));
    for (const line of lines) expect(line).toMatch(/^[A-Z][^\n]{10,140}[.]$/);
    expect(new Set(lines).size).toBe(codes.length);
    expect(describeExtractError({ code: 'needs-ocr' })).toBe('The PDF has no text layer (a scan?): run OCR on it first.');
    expect(describeExtractError({ code: 'not-a-pdf', detail: 'it is a program (ELF executable)' })).toBe('The file is named .pdf but is not a PDF: it is a program (ELF executable).');
  });
});
