import { describe, expect, it } from 'vitest';
import { findPersonalData, type PersonalDataKind } from './find-personal-data.js';

function kinds(text: string): { kind: PersonalDataKind; text: string }[] {
  return findPersonalData(text).map((m) => ({ kind: m.kind, text: text.slice(m.start, m.end) }));
}

describe('findPersonalData', () => {
  it('finds valid BSNs written plain, with dots or with spaces', () => {
    expect(kinds('BSN 111222333 van de cliënt')).toEqual([{ kind: 'bsn', text: '111222333' }]);
    expect(kinds('bsn: 123.456.782.')).toEqual([{ kind: 'bsn', text: '123.456.782' }]);
    expect(kinds('nummer 1234 56 782, graag')).toEqual([{ kind: 'bsn', text: '1234 56 782' }]);
  });

  it('does not flag nine-digit numbers failing the 11-test, or longer digit runs', () => {
    expect(kinds('BSN 123456789 en 111222334')).toEqual([]);
    expect(kinds('factuur 1112223330 en bedrag 1.111.222.333')).toEqual([]);
  });

  it('finds e-mail addresses', () => {
    expect(kinds('mail jan.de-vries+ggz@praktijk-noord.nl of j@x.com.')).toEqual([
      { kind: 'email', text: 'jan.de-vries+ggz@praktijk-noord.nl' },
      { kind: 'email', text: 'j@x.com' },
    ]);
  });

  it('finds Dutch mobile and landline numbers in national, +31 and 0031 forms', () => {
    const numbers = ['06-12345678', '06 1234 5678', '0612345678', '+31 6 12345678', '+31612345678', '0031 6 12345678', '+31 (0)20 123 4567', '020-1234567', '071 582 5441', '(020) 123 4567', '0513-123456'];
    for (const number of numbers) expect(kinds(`bel ${number} vandaag`)).toEqual([{ kind: 'phone', text: number }]);
  });

  it('does not flag ordinary numbers, amounts, years or short codes as phone numbers', () => {
    expect(kinds('Contractjaar 2026, tarief 95%, € 100.000, AGB 12345678, week 06, 1 januari 2026')).toEqual([]);
  });

  it('finds dates of birth only next to a birth keyword', () => {
    expect(kinds('cliënt geboren op 3 mei 1980 heeft klachten')).toEqual([{ kind: 'birthdate', text: '3 mei 1980' }]);
    expect(kinds('geboortedatum: 03-05-1980')).toEqual([{ kind: 'birthdate', text: '03-05-1980' }]);
    expect(kinds('patient born March 3, 1980')).toEqual([{ kind: 'birthdate', text: 'March 3, 1980' }]);
    expect(kinds('DOB 1980-05-03')).toEqual([{ kind: 'birthdate', text: '1980-05-03' }]);
    expect(kinds('Date of birth 3rd of May 1980')).toEqual([{ kind: 'birthdate', text: '3rd of May 1980' }]);
    expect(kinds('geb. 3/5/80')).toEqual([{ kind: 'birthdate', text: '3/5/80' }]);
    expect(kinds('3-5-1980 (geboortedatum)')).toEqual([{ kind: 'birthdate', text: '3-5-1980' }]);
  });

  it('does not flag ordinary dates', () => {
    expect(kinds('vraag gesteld op 22 december 2026, wanneer antwoord?')).toEqual([]);
    expect(kinds('I asked VGZ on 11 May 2026; the offer came 2026-10-01')).toEqual([]);
    expect(kinds('Hij is geboren in Delft. Op 3 mei 1980 ging hij verhuizen')).toEqual([]);
  });

  it('finds valid IBANs only, and does not split them into phone numbers or BSNs', () => {
    expect(kinds('rekening NL91 ABNA 0417 1643 00 graag')).toEqual([{ kind: 'iban', text: 'NL91 ABNA 0417 1643 00' }]);
    expect(kinds('IBAN:NL91ABNA0417164300.')).toEqual([{ kind: 'iban', text: 'NL91ABNA0417164300' }]);
    expect(kinds('DE89370400440532013000 en BE68 5390 0754 7034')).toEqual([
      { kind: 'iban', text: 'DE89370400440532013000' },
      { kind: 'iban', text: 'BE68 5390 0754 7034' },
    ]);
    expect(kinds('rekening NL91ABNA0417164301')).toEqual([]);
    // A mistyped IBAN is no IBAN; its digit groups may still look like a phone number and are then hidden as one.
    expect(kinds('rekening NL91 ABNA 0417 1643 01').filter((k) => k.kind === 'iban')).toEqual([]);
  });

  it('finds several kinds in one message, in order', () => {
    const text = 'Cliënt (geboren 1-2-1990, BSN 111.222.333) mailde a@b.nl en belde +31 6 12345678; IBAN NL91ABNA0417164300';
    expect(kinds(text).map((k) => k.kind)).toEqual(['birthdate', 'bsn', 'email', 'phone', 'iban']);
  });
});
