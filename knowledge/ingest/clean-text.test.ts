import { describe, expect, it } from 'vitest';
import { readBundle } from '../bundle.js';

const bundle = readBundle();
const readRawDocument = (id: string): string => bundle.rawText(id) ?? '';
import { cleanText } from './clean-text.js';

describe('cleanText', () => {
  it('rejoins words hyphenated across line breaks, also over blank lines', () => {
    expect(cleanText('het oplo-\npende personeelstekort')).toBe('het oplopende personeelstekort');
    expect(cleanText('naar (gene-\n\nralistische) basis GGZ')).toBe('naar (generalistische) basis GGZ');
  });

  it('keeps real hyphens: suspended compounds, abbreviations, known compounds, capitals', () => {
    expect(cleanText('de algemene minimum- \nen kwaliteitseisen.')).toBe('de algemene minimum- en kwaliteitseisen.');
    expect(cleanText('aanspraak op een GGZ-\n\nbehandeling blijft.')).toBe('aanspraak op een GGZ-behandeling blijft.');
    expect(cleanText('Tussen ggz-aanbieders en ggz-problematiek.\nEen goede relatie met een ggz-\naanbieder.')).toContain(
      'een ggz-aanbieder.',
    );
    expect(cleanText('Psychiatrische Universiteits-\nKliniek (PUK)')).toBe('Psychiatrische Universiteits-Kliniek (PUK)');
    expect(cleanText('De inzet van e-health in de zorg.')).toBe('De inzet van e-health in de zorg.');
  });

  it('drops page numbers, lone URL lines and running headers that repeat', () => {
    const raw = [
      'Het roer gaat om',
      'Eerste alinea loopt door op de',
      '',
      '12',
      '',
      'https://www.example.org/zorginkoop.htm',
      'volgende pagina.',
      'Het roer gaat om',
      'Tweede alinea.',
      'Het roer gaat om',
    ].join('\n');
    const cleaned = cleanText(raw);
    expect(cleaned).toBe('Eerste alinea loopt door op de volgende pagina.\n\nTweede alinea.');
  });

  it('collapses blank-line runs and joins wrapped lines of one paragraph', () => {
    const raw = 'Zorg en Zekerheid wil zijn regionale verantwoordelijkheid invullen door het zorgaanbod uit de \n\nZorgverzekeringswet af te stemmen. \n\n \n\n \n\n\n\nDigitale zorg \n\nZoals genoemd is dit een kader.';
    expect(cleanText(raw)).toBe(
      'Zorg en Zekerheid wil zijn regionale verantwoordelijkheid invullen door het zorgaanbod uit de Zorgverzekeringswet af te stemmen.\n\nDigitale zorg\n\nZoals genoemd is dit een kader.',
    );
  });

  it('keeps list items whole, one per line', () => {
    const raw = 'Het volgende kan helpen: \n• Wees bereid om informatie te delen (bijvoorbeeld de \n\nkosten van behandeling). \n• Ga tijdig in gesprek.\n - Voldoen aan de NZa vereisten.\no Eerste punt\na. Sub punt dat \ndoorloopt.';
    expect(cleanText(raw).split('\n')).toEqual([
      'Het volgende kan helpen:',
      '',
      '• Wees bereid om informatie te delen (bijvoorbeeld de kosten van behandeling).',
      '• Ga tijdig in gesprek.',
      '- Voldoen aan de NZa vereisten.',
      'o Eerste punt',
      'a. Sub punt dat doorloopt.',
    ]);
  });

  it('cleans every corpus document: no blank-line runs, page numbers, URL lines or broken hyphenation left', () => {
    for (const doc of bundle.documents) {
      const cleaned = cleanText(readRawDocument(doc.id));
      expect(cleaned, doc.id).not.toMatch(/\n\n\n/);
      expect(cleaned, doc.id).not.toMatch(/^\d{1,3}$/m);
      expect(cleaned, doc.id).not.toMatch(/^(?:https?:\/\/|www\.|mailto:)\S*$/m);
      expect(cleaned, doc.id).not.toMatch(/\p{Ll}-\n/u);
      expect(cleaned, doc.id).not.toMatch(/[ \t]\n|\n[ \t]/);
      expect(cleanText(readRawDocument(doc.id)), 'deterministic').toBe(cleaned);
    }
    expect(cleanText(readRawDocument('vgz-ggz-2020'))).toContain('het oplopende personeelstekort');
    expect(cleanText(readRawDocument('zz-ggz-2024'))).toContain('5.1 Minimum- en kwaliteitseisen');
    expect(cleanText(readRawDocument('zz-ggz-2024'))).toContain('face-to-face behandeling');
    expect(cleanText(readRawDocument('gcp-huisartsen-2016'))).not.toContain('Het roer gaat om\n');
  });
});
