/**
 * Real files for extraction tests, built in memory: PDFs with pdf-lib (a multi-page policy, an
 * image-only scan, an encrypted and a corrupt one), a Word .docx zipped with jszip, HTML and
 * Markdown. Exported for other tests (the `documents add` command, the upload flows).
 */
import JSZip from 'jszip';
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFHexString, PDFName, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

export interface PolicyFileOptions {
  /** The insurer that publishes the policy (default "Zorgverzekeraar Noorderlicht"). */
  readonly insurer?: string;
  /** Contract year (default 2027); the planning dates fall in the year before it. */
  readonly contractYear?: number;
}

/** One row of the planning table: a date cell and an activity cell. */
export interface PlanningRow {
  readonly date: string;
  readonly activity: string;
}

/** The planning table of the test policy for a contract year. */
export function planningRows(contractYear = 2027): PlanningRow[] {
  const y = contractYear - 1;
  return [
    { date: `1 april ${y}`, activity: 'Publicatie zorginkoopbeleid op de website.' },
    { date: `1 juli ${y}`, activity: 'Uiterste datum voor niet-gecontracteerde zorgaanbieders om een zorgovereenkomst aan te vragen.' },
    { date: `Oktober ${y}`, activity: 'Aanbieden zorgovereenkomsten aan zorgaanbieders.' },
    { date: `12 november ${y}`, activity: 'Uiterste datum van ondertekening van de zorgovereenkomst.' },
    { date: `19 november ${y}`, activity: 'Informeren van verzekerden over het gecontracteerde zorgaanbod.' },
  ];
}

/** The prose rule the test policy states, verbatim. */
export const PROSE_RULE = 'Wij reageren binnen 10 werkdagen op vragen van zorgaanbieders over de zorgovereenkomst.';

const PAGE: [number, number] = [595, 842];
const LEFT = 56;

/** Draws text wrapped at `width` points from `y` downwards; returns the y below it. */
function paragraph(page: PDFPage, font: PDFFont, text: string, y: number, size = 11, x = LEFT, width = 480): number {
  const words = text.split(' ');
  let line = '';
  let cursor = y;
  const flush = () => {
    page.drawText(line, { x, y: cursor, size, font });
    cursor -= size * 1.3;
    line = '';
  };
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (font.widthOfTextAtSize(candidate, size) > width && line !== '') {
      flush();
      line = word;
    } else line = candidate;
  }
  if (line !== '') flush();
  return cursor - size * 0.9;
}

function footer(page: PDFPage, font: PDFFont, title: string, number: number, total: number): void {
  page.drawText(title, { x: LEFT, y: 40, size: 8, font });
  page.drawText(`Pagina ${number} van ${total}`, { x: 480, y: 40, size: 8, font });
}

/**
 * A three-page PDF policy of an insurer: numbered headings, wrapped paragraphs (one with a word
 * hyphenated across a line break), the prose rule {@link PROSE_RULE} on page 1, the planning table
 * {@link planningRows} on page 2 and an agreement period and a dated report step on page 3, with
 * a running footer and page numbers on every page.
 */
export async function buildPolicyPdf(options: PolicyFileOptions = {}): Promise<Uint8Array> {
  const insurer = options.insurer ?? 'Zorgverzekeraar Noorderlicht';
  const year = options.contractYear ?? 2027;
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const title = `Inkoopbeleid GGZ ${year} ${insurer}`;
  const total = 3;

  const p1 = doc.addPage(PAGE);
  let y = 780;
  p1.drawText(`Inkoopbeleid GGZ ${year}`, { x: LEFT, y, size: 20, font: bold });
  y -= 40;
  p1.drawText('1 Inleiding', { x: LEFT, y, size: 14, font: bold });
  y -= 24;
  y = paragraph(p1, font, `In dit document beschrijft ${insurer} het inkoopbeleid voor de geestelijke gezondheidszorg in ${year}. Wij kopen zorg in die passend, toegankelijk en betaalbaar is voor onze verzekerden.`, y);
  p1.drawText('Wij vragen zorgaanbieders om tijdig te reageren op de uit-', { x: LEFT, y, size: 11, font });
  y -= 14.3;
  p1.drawText('vraag, zodat de contractering voorspoedig verloopt.', { x: LEFT, y, size: 11, font });
  y -= 24;
  p1.drawText('2 Contracteerproces', { x: LEFT, y, size: 14, font: bold });
  y -= 24;
  y = paragraph(p1, font, `Zorgaanbieders stellen hun vragen via het zorginkoopportaal. ${PROSE_RULE} Complexe vragen beantwoorden wij zo snel mogelijk.`, y);
  footer(p1, font, title, 1, total);

  const p2 = doc.addPage(PAGE);
  y = 780;
  p2.drawText('3 Planning', { x: LEFT, y, size: 14, font: bold });
  y -= 24;
  y = paragraph(p2, font, `De planning voor het inkoopjaar ${year} ziet er als volgt uit:`, y);
  p2.drawText('Datum', { x: LEFT, y, size: 11, font: bold });
  p2.drawText('Activiteit', { x: 190, y, size: 11, font: bold });
  y -= 22;
  for (const row of planningRows(year)) {
    p2.drawText(row.date, { x: LEFT, y, size: 11, font });
    y = paragraph(p2, font, row.activity, y, 11, 190, 340) - 4;
  }
  footer(p2, font, title, 2, total);

  const p3 = doc.addPage(PAGE);
  y = 780;
  p3.drawText('4 Looptijd en bijcontracteren', { x: LEFT, y, size: 14, font: bold });
  y -= 24;
  y = paragraph(p3, font, `De zorgovereenkomst loopt van 1 januari ${year} tot 31 december ${year}.`, y);
  y = paragraph(p3, font, `De zorgaanbieder meldt uiterlijk 1 oktober ${year} een verwachte overschrijding van het omzetplafond.`, y);
  footer(p3, font, title, 3, total);

  doc.setTitle(title);
  return doc.save();
}

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A small grey RGB PNG (a stand-in for a scanned page). */
export function greyPng(width = 40, height = 40): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height, 0x99);
  for (let r = 0; r < height; r++) rows[r * (width * 3 + 1)] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(rows)), pngChunk('IEND', new Uint8Array())]);
}

/**
 * A "scan": every page is one image and there is no text layer; with `typedCover` the first page
 * is typed text instead (a scanning service's cover sheet).
 */
export async function buildScannedPdf(options: { pages?: number; typedCover?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const image = await doc.embedPng(greyPng());
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pages = options.pages ?? 2;
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage(PAGE);
    if (i === 0 && options.typedCover) page.drawText('Gescand document: Inkoopbeleid GGZ 2027', { x: LEFT, y: 780, size: 12, font });
    else page.drawImage(image, { x: 0, y: 0, width: PAGE[0], height: PAGE[1] });
  }
  return doc.save();
}

/** A PDF whose pages are blank: no text and no images. */
export async function buildBlankPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage(PAGE);
  return doc.save();
}

/**
 * A password-protected PDF. pdf-lib cannot encrypt, so a Standard security handler dictionary
 * (RC4, revision 2) is added to the trailer of a normal pdf-lib file: its /U entry does not match
 * the empty user password, so a reader must ask for the password, exactly as for a real
 * password-protected file (pdf.js raises its PasswordException).
 */
export async function buildEncryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage(PAGE).drawText('Vertrouwelijk inkoopbeleid', { x: LEFT, y: 780, size: 12, font });
  const hex32 = (seed: number) => PDFHexString.of(Array.from({ length: 32 }, (_, i) => ((seed * 31 + i * 17) % 256).toString(16).padStart(2, '0')).join(''));
  const encrypt = doc.context.obj({ Filter: PDFName.of('Standard'), V: 1, R: 2, Length: 40, P: -44, O: hex32(7), U: hex32(11) });
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  doc.context.trailerInfo.ID = doc.context.obj([hex32(3).asString().slice(0, 32), hex32(3).asString().slice(0, 32)].map((h) => PDFHexString.of(h)));
  return doc.save({ useObjectStreams: false });
}

/** Bytes that start like a PDF and then are garbage: no cross-reference table, no objects. */
export function buildCorruptPdf(): Uint8Array {
  const garbage = Array.from({ length: 2000 }, (_, i) => String.fromCharCode(33 + ((i * 7919) % 90))).join('');
  return new TextEncoder().encode(`%PDF-1.7\n%\u00e2\u00e3\n${garbage}\n%%EOF\n`);
}

/** The first bytes of a Linux program (ELF), to rename as a .pdf. */
export function programBytes(): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]);
  for (let i = 64; i < bytes.length; i++) bytes[i] = (i * 131) % 256;
  return bytes;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function wParagraph(text: string, extra = ''): string {
  return `<w:p>${extra ? `<w:pPr>${extra}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

/**
 * A Word .docx zipped with jszip: `word/document.xml` with Heading 1/2 paragraphs (styles defined
 * in `word/styles.xml`), prose with the rule {@link PROSE_RULE}, a bulleted list (`word/numbering.xml`)
 * and the planning table {@link planningRows} as a Word table.
 */
export async function buildPolicyDocx(options: PolicyFileOptions = {}): Promise<Uint8Array> {
  const insurer = options.insurer ?? 'Zorgverzekeraar Noorderlicht';
  const year = options.contractYear ?? 2027;
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`,
  );
  zip.file(
    'word/styles.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style><w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/></w:style></w:styles>`,
  );
  zip.file(
    'word/numbering.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
  );
  const heading = (level: 1 | 2, text: string) => wParagraph(text, `<w:pStyle w:val="Heading${level}"/>`);
  const bullet = (text: string) => wParagraph(text, '<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>');
  const cell = (text: string) => `<w:tc>${wParagraph(text)}</w:tc>`;
  const body = [
    heading(1, `Inkoopbeleid GGZ ${year}`),
    heading(2, '1 Inleiding'),
    wParagraph(`In dit document beschrijft ${insurer} het inkoopbeleid voor de geestelijke gezondheidszorg in ${year}.`),
    heading(2, '2 Contracteerproces'),
    wParagraph(`Zorgaanbieders stellen hun vragen via het zorginkoopportaal. ${PROSE_RULE}`),
    bullet('Wij kopen passende zorg in.'),
    bullet('Wij maken meerjarenafspraken waar dat kan.'),
    heading(2, '3 Planning'),
    wParagraph(`De planning voor het inkoopjaar ${year} ziet er als volgt uit:`),
    `<w:tbl><w:tr>${cell('Datum')}${cell('Activiteit')}</w:tr>${planningRows(year)
      .map((row) => `<w:tr>${cell(row.date)}${cell(row.activity)}</w:tr>`)
      .join('')}</w:tbl>`,
  ].join('');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array' });
}

/** The policy as an HTML page (with a menu, a script and a table). */
export function policyHtml(options: PolicyFileOptions = {}): string {
  const year = options.contractYear ?? 2027;
  const rows = planningRows(year)
    .map((row) => `<tr><td>${row.date}</td><td>${row.activity}</td></tr>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Inkoopbeleid GGZ ${year}</title><style>td { padding: 4px }</style><script>window.x = 1;</script></head>
<body><nav><a href="/">Home</a> <a href="/zorginkoop">Zorginkoop</a></nav>
<h1>Inkoopbeleid GGZ ${year}</h1>
<h2>2 Contracteerproces</h2>
<p>Zorgaanbieders stellen hun vragen via het <a href="https://portaal.example">zorginkoopportaal</a>. ${PROSE_RULE}</p>
<ul><li>Wij kopen passende zorg in.</li><li>Wij maken meerjarenafspraken waar dat kan.</li></ul>
<h2>3 Planning</h2>
<p>De planning voor het inkoopjaar ${year} ziet er als volgt&nbsp;uit:</p>
<table><thead><tr><th>Datum</th><th>Activiteit</th></tr></thead><tbody>
${rows}
</tbody></table>
</body></html>`;
}

/** The policy as Markdown (headings, emphasis, a link, a list and a pipe table). */
export function policyMarkdown(options: PolicyFileOptions = {}): string {
  const year = options.contractYear ?? 2027;
  const rows = planningRows(year)
    .map((row) => `| ${row.date} | ${row.activity} |`)
    .join('\n');
  return `---
title: Inkoopbeleid GGZ ${year}
---
# Inkoopbeleid GGZ ${year}

## 2 Contracteerproces

Zorgaanbieders stellen hun vragen via het [zorginkoopportaal](https://portaal.example).
${PROSE_RULE.replace('binnen 10 werkdagen', '**binnen 10 werkdagen**')}

- Wij kopen *passende* zorg in.
* Wij maken meerjarenafspraken waar dat kan.

## 3 Planning

De planning voor het inkoopjaar ${year} ziet er als volgt uit:

| Datum | Activiteit |
|-------|------------|
${rows}
`;
}
