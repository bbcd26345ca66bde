import { describe, expect, it } from 'vitest';
import { shippedCleaned, testKnowledge } from '../test-support/test-knowledge.js';
import { buildCleanedDocument, } from '../cleaned-documents.js';
import { quoteKey } from '../milestones/locate-quote.js';
import { proposeRules } from './propose-rules.js';
import { isDurationRule, } from './relative-rule.js';

const context = { documentId: 'noorderlicht-ggz-2027', insurer: 'Noorderlicht', sector: 'ggz', contractYear: 2027 } as const;

function rulesIn(...paragraphs: string[]) {
  return proposeRules(buildCleanedDocument(context.documentId, ['1 Contracteerproces', ...paragraphs].join('\n\n')), context);
}

describe('proposeRules', () => {
  it('reads "binnen 10 werkdagen" with its event, actor, strength, section and labels', () => {
    const [rule, ...rest] = rulesIn('Zorgaanbieders stellen hun vragen via het portaal. Wij reageren binnen 10 werkdagen op vragen van zorgaanbieders.');
    expect(rest).toEqual([]);
    expect(rule).toMatchObject({
      duration: { amount: 10, unit: 'working-days' },
      direction: 'after',
      strength: 'must',
      trigger: ['question'],
      actor: 'zorgverzekeraar',
      quote: 'Wij reageren binnen 10 werkdagen op vragen van zorgaanbieders.',
      section: '1 Contracteerproces',
      label: { nl: 'Wij reageren binnen 10 werkdagen op vragen van zorgaanbieders', en: 'Within 10 working days of a question' },
      verified: false,
      insurer: 'Noorderlicht',
    });
  });

  it('reads number words, "na", "voor" (counted back), "ten minste" and "streven"', () => {
    expect(rulesIn('De zorgaanbieder reageert uiterlijk twee weken na ontvangst van het contractvoorstel.')[0]).toMatchObject({
      duration: { amount: 2, unit: 'weeks' },
      direction: 'after',
      trigger: ['offer'],
      actor: 'zorgaanbieder',
      label: { en: 'Within 2 weeks of the contract offer' },
    });
    expect(rulesIn('U dient de machtiging drie maanden voor de start van het verblijf aan te vragen.')[0]).toMatchObject({
      duration: { amount: 3, unit: 'months' },
      direction: 'before',
      trigger: ['authorisation', 'stay-limit'],
      label: { en: '3 months before the stay the authorisation request is for' },
    });
    expect(rulesIn('Zorgaanbieders hebben ten minste 5 werkdagen om het aanbod te bestuderen.')[0]).toMatchObject({ strength: 'at-least', direction: 'after', label: { en: 'At least 5 working days after the contract offer' } });
    expect(rulesIn('Wij streven ernaar om binnen een maand een besluit te nemen.')[0]).toMatchObject({ duration: { amount: 1, unit: 'months' }, strength: 'aim', trigger: [] });
  });

  it('quotes the Dutch event in the English label when no known event matches', () => {
    expect(rulesIn('Bezwaar maken kan tot uiterlijk 6 weken na het besluit.')[0]).toMatchObject({ trigger: [], label: { en: 'Within 6 weeks of “het besluit”' } });
    expect(rulesIn('Zorgaanbieders ontvangen binnen vijf werkdagen na indiening een ontvangstbevestiging.')[0]?.label.en).toBe('Within 5 working days of “indiening”');
  });

  it('ignores amounts without a term cue and dates', () => {
    expect(rulesIn('De afgelopen 12 maanden hebben wij 3 weken vakantie gehad. Op 1 oktober 2026 openen wij het portaal.')).toEqual([]);
  });

  it('finds every curated duration rule of the shipped documents, and nothing else', () => {
    const curated = testKnowledge().rules.filter(isDurationRule);
    const proposals = testKnowledge().documents.flatMap((doc) =>
      proposeRules(shippedCleaned(doc.id), { documentId: doc.id, insurer: doc.insurer, sector: doc.sector, contractYear: doc.contractYear }),
    );
    const overlap = (documentId: string, a: string, b: string) => {
      const text = quoteKey(testKnowledge().cleaned(documentId).text);
      const [sa, sb] = [text.indexOf(quoteKey(a)), text.indexOf(quoteKey(b))];
      return sa >= 0 && sb >= 0 && sa < sb + quoteKey(b).length && sb < sa + quoteKey(a).length;
    };
    const matched = curated.map((r) => ({
      rule: r,
      proposal: proposals.find((p) => p.documentId === r.documentId && p.duration.amount === r.duration.amount && p.duration.unit === r.duration.unit && p.direction === r.direction && overlap(r.documentId, r.quote, p.quote)),
    }));
    console.log(`rules: recall ${matched.filter((m) => m.proposal).length}/${curated.length}, precision ${matched.filter((m) => m.proposal).length}/${proposals.length}`);
    for (const { rule, proposal } of matched) {
      expect(proposal, rule.id).toBeDefined();
      expect(proposal?.strength, rule.id).toBe(rule.strength);
      expect(proposal?.trigger[0], rule.id).toBe(rule.trigger[0]);
    }
    expect(proposals).toHaveLength(curated.length);
    expect(matched.filter((m) => m.proposal?.actor === m.rule.actor).length).toBeGreaterThanOrEqual(curated.length - 1);
  });
});
