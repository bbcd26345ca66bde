import { describe, expect, it } from 'vitest';
import { shippedCleaned, testKnowledge } from '../test-support/test-knowledge.js';
import { addDays } from '../dates/calendar-date.js';
import { proposeMilestones } from './propose-milestones.js';
import { buildCleanedDocument } from '../cleaned-documents.js';
import { containsQuote } from './locate-quote.js';
import type { Milestone } from './milestone.js';

const context = { documentId: 'noorderlicht-ggz-2027', insurer: 'Noorderlicht', sector: 'ggz', contractYear: 2027 } as const;

function propose(raw: string): Milestone[] {
  return proposeMilestones(buildCleanedDocument(context.documentId, raw), context);
}

function dateOf(m: Milestone): string {
  return m.when.kind === 'date' ? m.when.date : m.when.kind === 'month' ? `${m.when.month}${m.when.through ? `..${m.when.through}` : ''}` : '';
}

describe('proposeMilestones: a new policy', () => {
  const raw = [
    '1 Planning',
    'De planning voor het inkoopjaar 2027 ziet er als volgt uit:',
    'Datum Activiteit',
    '1 april 2026 Publicatie zorginkoopbeleid op de website.',
    'Oktober 2026 Aanbieden zorgovereenkomsten aan zorgaanbieders.',
    '1 juni 2026 Vragenlijst ingevuld en bevestigd door zorgaanbieder.',
    'Uiterlijk 1 november 2026',
    'Zorgaanbieder heeft de zorgovereenkomst geaccepteerd.',
    '2 Bijcontracteren',
    'Wij publiceren de tarievenlijst uiterlijk op 1 oktober 2026. De zorgaanbieder meldt een verwachte overschrijding van het omzetplafond voor 15 november 2027.',
    'Noorderlicht bekijkt in het eerste kwartaal van 2028 of herziening van het omzetplafond mogelijk is.',
    'In een rapport van januari 2019 staat de oude werkwijze.',
    '3 Looptijd',
    'Vrijgevestigden Van 1 januari 2027 tot 31 december 2027',
  ].join('\n\n');
  const proposals = propose(raw);
  const byDate = (date: string) => proposals.filter((p) => dateOf(p) === date);

  it('proposes each date once with its sentence or table row as verbatim quote, its section and no verification', () => {
    expect(proposals.map(dateOf)).toEqual(['2026-04-01', '2026-10', '2026-06-01', '2026-11-01', '2026-10-01', '2027-11-14', '2028-01..2028-03', '2027-01-01', '2027-12-31']);
    const cleaned = buildCleanedDocument(context.documentId, raw).text;
    for (const p of proposals) {
      expect(p.verified, p.id).toBe(false);
      expect(containsQuote(cleaned, p.quote), p.id).toBe(true);
    }
    expect(new Set(proposals.map((p) => p.id)).size).toBe(proposals.length);
    expect(byDate('2026-04-01')[0]).toMatchObject({ quote: '1 april 2026 Publicatie zorginkoopbeleid op de website.', section: '1 Planning', insurer: 'Noorderlicht', contractYear: 2027 });
    expect(byDate('2026-10-01')[0]?.section).toBe('2 Bijcontracteren');
  });

  it('labels a table row by its activity (nl) and by its step (en), and reads deadlines', () => {
    expect(byDate('2026-04-01')[0]?.label).toEqual({ nl: 'Publicatie zorginkoopbeleid op de website', en: 'Publication of the purchasing policy' });
    expect(byDate('2026-10')[0]?.label).toEqual({ nl: 'Aanbieden zorgovereenkomsten aan zorgaanbieders', en: 'The contract offer to providers' });
    expect(byDate('2026-10-01')[0]?.label.en).toBe('Deadline for publication of the tariffs');
    expect(byDate('2027-11-14')[0]?.label.en).toBe('Deadline for reporting an expected overrun of the revenue ceiling');
  });

  it('takes a date cell alone together with its activity cell', () => {
    const accept = byDate('2026-11-01')[0];
    expect(accept).toMatchObject({ quote: 'Uiterlijk 1 november 2026 Zorgaanbieder heeft de zorgovereenkomst geaccepteerd.', actor: 'zorgaanbieder' });
    expect(accept?.actions[0]).toBe('sign');
    expect(accept?.label.en).toBe('Deadline for signing the care agreement');
  });

  it('reads who acts from the sentence: agent, subject, receiver, insurer name, step', () => {
    expect(byDate('2026-10')[0]?.actor).toBe('zorgverzekeraar'); // "aan zorgaanbieders" is the receiver
    expect(byDate('2026-06-01')[0]?.actor).toBe('zorgaanbieder'); // "bevestigd door zorgaanbieder"
    expect(byDate('2026-10-01')[0]?.actor).toBe('zorgverzekeraar'); // "Wij publiceren"
    expect(byDate('2027-11-14')[0]?.actor).toBe('zorgaanbieder'); // "De zorgaanbieder meldt"
    expect(byDate('2028-01..2028-03')[0]?.actor).toBe('zorgverzekeraar'); // the insurer's own name
    expect(byDate('2027-01-01')[0]?.actor).toBe('zorgaanbieder en zorgverzekeraar'); // the term binds both
  });

  it('gives a period its start and end, a quarter one month span, "voor" the day before, and skips history', () => {
    expect(byDate('2027-01-01')[0]).toMatchObject({ period: 'start', actions: expect.arrayContaining(['start']), label: { en: 'Start of the care agreement' } });
    expect(byDate('2027-12-31')[0]).toMatchObject({ period: 'end', actions: expect.arrayContaining(['end']), label: { en: 'End of the care agreement' } });
    expect(byDate('2028-01..2028-03')[0]?.when).toEqual({ kind: 'month', month: '2028-01', through: '2028-03' });
    expect(byDate('2027-11-14')).toHaveLength(1);
    expect(proposals.some((p) => dateOf(p).startsWith('2019'))).toBe(false);
  });
});

describe('proposeMilestones: prose', () => {
  const proposals = propose(
    [
      '1 Planning',
      'Vóór 1 september 2026 dient u uw offerte in te dienen.',
      'Tussen 1 oktober en 12 november 2026 kunt u de overeenkomst ondertekenen.',
      'De contracteerronde opent op 1 juli 2026 in het Zorginkoopportaal.',
    ].join('\n\n'),
  );

  it('keeps a sentence that opens with its date whole as label, and reads "tussen … en …" as a period', () => {
    expect(proposals.map((p) => [dateOf(p), p.period ?? '', p.actions[0], p.actor])).toEqual([
      ['2026-08-31', '', 'submit-offer', 'zorgaanbieder'],
      ['2026-10-01', 'start', 'sign', 'zorgaanbieder'],
      ['2026-11-12', 'end', 'sign', 'zorgaanbieder'],
      ['2026-07-01', '', 'portal-opens', 'zorgverzekeraar'],
    ]);
    expect(proposals[0]?.label).toEqual({ nl: 'Vóór 1 september 2026 dient u uw offerte in te dienen', en: "Deadline for submitting the provider's offer" });
    expect(proposals[1]?.label.en).toBe('Start of signing the care agreement');
  });
});

describe('proposeMilestones: the shipped policies', () => {
  it('finds every verified catalog date of the loaded documents (the catalog misses none the extractor sees)', () => {
    for (const doc of testKnowledge().documents) {
      const proposed = proposeMilestones(shippedCleaned(doc.id), {
        documentId: doc.id,
        insurer: doc.insurer,
        sector: doc.sector,
        contractYear: doc.contractYear,
      });
      const proposedDates = new Set(proposed.map((p) => (p.when.kind === 'date' ? p.when.date : p.when.kind === 'month' ? p.when.month : '')));
      for (const m of testKnowledge().milestones.filter((x) => x.documentId === doc.id && x.when.kind !== 'yearly')) {
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
    const catalog = testKnowledge().milestones;
    const missing: string[] = [];
    for (const doc of testKnowledge().documents) {
      const proposed = proposeMilestones(shippedCleaned(doc.id), { documentId: doc.id, insurer: doc.insurer, sector: doc.sector, contractYear: doc.contractYear });
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
