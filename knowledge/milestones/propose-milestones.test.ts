import { describe, expect, it } from 'vitest';
import { cleanedDocument } from '../cleaned-documents.js';
import { loadDocuments } from '../documents.js';
import { addDays } from '../dates/calendar-date.js';
import { loadMilestones } from './load-milestones.js';
import { proposeMilestones } from './propose-milestones.js';

describe('proposeMilestones', () => {
  it('proposes unverified milestones with quote, actions and a guessed actor for a new document', () => {
    const text =
      'Planning 2027\n\nUiterlijk 1 oktober 2026 openen wij het portaal.\n\nDe zorgaanbieder ondertekent de overeenkomst voor 15 november 2026.\n\nGesprekken 1 juni – 31 augustus 2026.';
    const proposals = proposeMilestones(text, { documentId: 'cz-ggz-2027', insurer: 'CZ', sector: 'ggz', contractYear: 2027 });
    expect(proposals.every((p) => p.verified === false)).toBe(true);
    const dates = proposals.map((p) => (p.when.kind === 'date' ? p.when.date : ''));
    expect(dates).toEqual(['2026-10-01', '2026-11-14', '2026-06-01', '2026-08-31']);
    expect(proposals[0]?.actions).toContain('portal-opens');
    expect(proposals[1]).toMatchObject({ actor: 'zorgaanbieder', insurer: 'CZ' });
    expect(proposals[1]?.actions).toContain('sign');
    expect(proposals[1]?.quote).toContain('voor 15 november 2026');
  });

  it('finds every verified catalog date of the loaded documents (the catalog misses none the extractor sees)', () => {
    for (const doc of loadDocuments()) {
      const proposed = proposeMilestones(cleanedDocument(doc.id).text, {
        documentId: doc.id,
        insurer: doc.insurer,
        sector: doc.sector,
        contractYear: doc.contractYear,
      });
      const proposedDates = new Set(proposed.map((p) => (p.when.kind === 'date' ? p.when.date : p.when.kind === 'month' ? p.when.month : '')));
      for (const m of loadMilestones().filter((x) => x.documentId === doc.id && x.when.kind !== 'yearly')) {
        const key = m.when.kind === 'date' ? m.when.date : m.when.kind === 'month' ? m.when.month : '';
        expect(proposedDates.has(key), `${m.id} (${key})`).toBe(true);
      }
    }
  });

  it('has every dated proposal of the loaded documents in the catalog or on the reviewed ignore list', () => {
    // Dates in the documents that are not steps of the contracting process (reviewed by hand).
    const notASteps = new Set([
      'vgz-ggz-2020:2016-01', // ZiNL report "in januari 2016 een geactualiseerde versie"
      'nza-good-practices-ggz:2017-12', // NZa progress report "van december 2017"
      'gcp-huisartsen-2016:2016-01', // "opdat declaratie in januari zonder problemen kan plaatshebben": no step
      'gcp-huisartsen-2016:2016-03', // the practices were adopted "in maart 2016": publication, no step
      'gcp-huisartsen-2016:2016-04-12', // page footers "12 / APRIL 2016" of the raw extraction
      'gcp-huisartsen-2016:2016-04-14',
      'gcp-huisartsen-2016:2016-04-16',
    ]);
    const nextDay = (key: string) => (key.length === 10 ? addDays(key, 1) : key);
    const catalog = loadMilestones();
    const missing: string[] = [];
    for (const doc of loadDocuments()) {
      const proposed = proposeMilestones(cleanedDocument(doc.id).text, { documentId: doc.id, insurer: doc.insurer, sector: doc.sector, contractYear: doc.contractYear });
      for (const p of proposed) {
        const key = p.when.kind === 'date' ? p.when.date : p.when.kind === 'month' ? p.when.month : '';
        // "voor 1 juli" is proposed as 30 June; the catalog may keep the stated day.
        const inCatalog = [key, nextDay(key)].some((k) =>
          catalog.some(
            (m) =>
              m.documentId === doc.id &&
              ((m.when.kind === 'date' && m.when.date === k) ||
                (m.when.kind === 'month' && m.when.month === k) ||
                (m.when.kind === 'yearly' && k.slice(5) === `${String(m.when.month).padStart(2, '0')}-${String(m.when.day).padStart(2, '0')}`)),
          ),
        );
        if (!inCatalog && !notASteps.has(`${doc.id}:${key}`)) missing.push(`${doc.id}:${key} “${p.quote.slice(0, 90)}”`);
      }
    }
    expect(missing).toEqual([]);
  });
});
