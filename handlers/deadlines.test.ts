import { describe, expect, it } from 'vitest';
import { testKnowledge } from '../knowledge/test-support/test-knowledge.js';
import { amsterdamInstant } from '../knowledge/dates/calendar-date.js';
import type { HandlerContext } from './context.js';
import { calculationHandler, deadlineHandler } from './deadlines.js';
import { replyToJson } from './reply-json.js';
import type { Language } from './types.js';
import { understand } from './understand/understand.js';

const log = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
function context(now = '2026-11-23', liberationDay = false): HandlerContext {
  return { knowledge: testKnowledge(),
    now: amsterdamInstant(now, 12),
    holidays: { goodFriday: false, liberationDay },
    store: () => Promise.reject(new Error('no store in deadline tests')),
    log,
  };
}
const message = (text: string) => ({ address: { platform: 'local' as const, conversationId: 't' }, text, receivedAt: new Date(0) });
const understood = (text: string, language?: Language, ctx = context()) => {
  const u = understand(text, { knowledge: ctx.knowledge, now: ctx.now });
  return language ? { ...u, language } : u;
};
const intentOf = (text: string) => understood(text).intent;
async function ask(text: string, language: Language = 'en', ctx = context()) {
  const u = understood(text, language, ctx);
  const handler = u.intent === 'calculation' ? calculationHandler : deadlineHandler;
  return replyToJson(await handler.handle(message(text), u, ctx));
}

describe('intent', () => {
  it('takes when-questions and calculations and leaves plain document questions to the documents', () => {
    expect(intentOf('When must I sign with Zorg en Zekerheid?')).toBe('deadline');
    expect(intentOf('Tot wanneer kan ik tekenen bij Z&Z?')).toBe('deadline');
    expect(intentOf('Wat is de deadline voor de offerte bij VGZ?')).toBe('deadline');
    expect(intentOf('Vraag gesteld op 22 december 2026, wanneer uiterlijk antwoord?')).toBe('calculation');
    expect(intentOf('Wat is 10 werkdagen na 3 mei 2026?')).toBe('calculation');
    for (const q of [
      'Hoeveel procent van de behandeltijd moet de regiebehandelaar zelf leveren bij Zorg en Zekerheid?',
      'Wat moet ik vermelden bij het indienen van een signaal bij de NZa?',
      'What is VGZ’s policy on e-health in basic GGZ?',
    ]) {
      expect(intentOf(q), q).not.toBe('deadline');
      expect(intentOf(q), q).not.toBe('calculation');
    }
    expect(intentOf('Herinner dit kanaal aan de deadlines van VGZ')).not.toBe('deadline');
    expect(intentOf('How should GGZ providers and insurers agree on escalation in advance?')).not.toBe('deadline');
    expect(intentOf('Wanneer is een machtiging nodig voor langdurige GGZ?')).not.toBe('deadline');
    expect(intentOf('Wanneer wordt een contract gevolgd door andere zorgverzekeraars?')).not.toBe('deadline');
    // No step word, but the words name one dated step; "which months", "date" are when-words.
    expect(intentOf('Wanneer moest de cyclus van beleidsvorming voor contractjaar 2018 doorlopen zijn?')).toBe('deadline');
    expect(intentOf('In which months does VGZ adjust the agreement?')).toBe('deadline');
    expect(intentOf('vgz offertemodule open date?')).toBe('deadline');
    expect(intentOf('Ik heb op 17 maart 2026 tussentijds een zorgovereenkomst aangevraagd bij Z&Z. Per wanneer krijg ik die?')).toBe('calculation');
  });
});

describe('deadline answers', () => {
  it('gives the Zorg en Zekerheid signing date with weekday, status, actor, quote and the old-policy note', async () => {
    for (const q of ['When must I sign with Zorg en Zekerheid?', 'When do I have to sign with Z&Z?', 'Wanneer moet ik ondertekenen bij ZenZ?']) {
      const r = await ask(q, q.startsWith('Wanneer') ? 'nl' : 'en');
      expect(r.intent).toBe('deadline');
      expect(r.deadlines[0]).toMatchObject({ date: '2023-11-09', status: 'past', insurer: 'Zorg en Zekerheid', actor: 'zorgaanbieder', daysFromNow: -1110 });
      expect(r.sources[0]?.documentId).toBe('zz-ggz-2024');
      expect(r.text).toMatch(/2024/);
    }
    const en = await ask('When must I sign with Zorg en Zekerheid?');
    expect(en.text).toContain('Thursday 9 November 2023');
    expect(en.text).toContain('9 november 2023 Uiterste datum van ondertekening');
    const nl = await ask('Wanneer moet ik tekenen bij Zorg en Zekerheid?', 'nl');
    expect(nl.text).toContain('donderdag 9 november 2023');
  });

  it('status is relative to now: upcoming, today, past', async () => {
    const before = await ask('When must I sign with Zorg en Zekerheid?', 'en', context('2023-11-01'));
    expect(before.deadlines[0]).toMatchObject({ status: 'upcoming', daysFromNow: 8 });
    const same = await ask('When must I sign with Zorg en Zekerheid?', 'en', context('2023-11-09'));
    expect(same.deadlines[0]).toMatchObject({ status: 'today', daysFromNow: 0 });
  });

  it('answers the VGZ tables, tariff publication and NZa maximum tariffs', async () => {
    expect((await ask('Wanneer opent VGZ de offertemodule in Vecozo?', 'nl')).deadlines[0]?.date).toBe('2019-10-01');
    expect((await ask('When does the VGZ care agreement 2020 start?')).deadlines[0]?.date).toBe('2020-01-01');
    expect((await ask('Wanneer publiceert VGZ de tarievenlijst?', 'nl')).deadlines[0]).toMatchObject({ date: '2019-10-01', actor: 'zorgverzekeraar' });
    expect((await ask('When does the NZa publish the maximum tariffs 2020 according to VGZ?')).deadlines[0]).toMatchObject({ date: '2019-09-01', actor: 'NZa' });
    const sign = await ask('Until when must I accept the VGZ contract?');
    expect(sign.deadlines.slice(0, 2).map((d) => d.date)).toEqual(expect.arrayContaining(['2019-11-01']));
  });

  it('answers Zorg en Zekerheid steps in its text: overrun report, application, publication', async () => {
    expect((await ask('Wanneer moet ik een verwachte overschrijding van het omzetplafond melden bij Zorg en Zekerheid?', 'nl')).deadlines[0]?.date).toBe('2024-10-01');
    expect((await ask('Until when can a non-contracted provider apply for a contract with Zorg en Zekerheid?')).deadlines[0]?.date).toBe('2023-08-31');
    expect((await ask('Wanneer publiceert Zorg en Zekerheid het zorginkoopbeleid GGZ 2024?', 'nl')).deadlines[0]?.date).toBe('2023-04-01');
    expect((await ask('When does Zorg en Zekerheid inform insured people about contracted care?')).deadlines[0]?.date).toBe('2023-11-12');
    const offer = await ask('When does Zorg en Zekerheid offer the care agreements?');
    expect(offer.deadlines[0]).toMatchObject({ date: '2023-10-01', precision: 'month' });
  });

  it('gives the next occurrence of yearly GP rules and states the rule', async () => {
    const r = await ask('Until when can GPs sign their contract digitally?');
    expect(r.deadlines[0]).toMatchObject({ date: '2027-11-07', insurer: null, status: 'upcoming' });
    expect(r.text).toMatch(/every year on 7 November/);
    expect(r.text).toMatch(/previous one was Saturday 7 November 2026/);
    expect((await ask('Wanneer geeft de NZa beleidsregels en tariefbeschikking af volgens de good contracting practices?', 'nl')).deadlines[0]?.date).toBe('2027-07-01');
    expect((await ask('When do zorggroepen have to send their offers (offertes)?')).deadlines[0]?.date.slice(5)).toBe('07-15');
    expect((await ask('Wanneer openen de portals voor huisartsen?', 'nl')).deadlines[0]?.date.slice(5)).toBe('10-01');
    expect((await ask('By when must insurers announce which GP care they contracted?')).deadlines[0]?.date.slice(5)).toBe('11-19');
  });

  it('is honest about insurers without a loaded policy and never gives another insurer’s date', async () => {
    for (const name of ['Zilveren Kruis', 'CZ', 'Menzis']) {
      const r = await ask(`When must I sign with ${name}?`);
      expect(r.text).toContain(name);
      expect(r.text).toMatch(/Zorg en Zekerheid/);
      expect(r.text).toMatch(/not .*own dates/);
      expect(r.deadlines.length).toBeGreaterThan(0);
      expect(r.deadlines.every((d) => d.insurer === null)).toBe(true);
    }
    const nl = await ask('Wanneer moet ik tekenen bij Zilveren Kruis?', 'nl');
    expect(nl.text).toMatch(/geen inkoopbeleid geladen/);
  });

  it('answers quarters with the span of months and the quote', async () => {
    const r = await ask('Wanneer bekijkt Zorg en Zekerheid of herziening van het omzetplafond mogelijk is?', 'nl');
    expect(r.deadlines[0]).toMatchObject({ date: '2025-01-01', precision: 'month', status: 'past', insurer: 'Zorg en Zekerheid' });
    expect(r.text).toContain('januari 2025 – maart 2025');
    expect(r.text).toContain('eerste kwartaal van 2025');
    const vgz = await ask('In which months does VGZ adjust the agreement (bijstelling zorgkostenplafond)?');
    expect(vgz.deadlines[0]).toMatchObject({ date: '2020-10-01', precision: 'month' });
    expect(vgz.text).toContain('October 2020 – December 2020');
  });

  it('answers a question without a step word when its words name one milestone', async () => {
    const r = await ask('Wanneer moest de cyclus van beleidsvorming voor contractjaar 2018 doorlopen zijn?', 'nl');
    expect(r.deadlines[0]).toMatchObject({ date: '2017-04-01', status: 'past' });
  });

  it('quotes what the documents behind the sector-wide rules say about the unloaded insurer', async () => {
    const r = await ask('When does DSW inform its insured people about contracted GPs?');
    expect(r.text).toContain('die zich distantieert van deze nieuwe afspraken');
    expect(r.deadlines.every((d) => d.insurer === null)).toBe(true);
    expect((await ask('When must I sign with CZ?')).text).not.toContain('distantieert');
  });

  it('says which contract year is loaded when another year is asked', async () => {
    const r = await ask('When must I sign with VGZ for 2027?');
    expect(r.text).toMatch(/contract year 2020/);
  });
});

describe('calculations', () => {
  it('GP question to an insurer: 5 working days, skipping Christmas, naming the other rule', async () => {
    const r = await ask('Huisarts: vraag gesteld aan de zorgverzekeraar op 22 december 2026. Wanneer moet er uiterlijk gereageerd zijn?', 'nl');
    expect(r.intent).toBe('calculation');
    expect(r.deadlines[0]).toMatchObject({ date: '2026-12-30', status: 'upcoming' });
    expect(r.text).toContain('Kerstmis');
    expect(r.text).toContain('Op vragen of problemen wordt uiterlijk binnen 5 werkdagen gereageerd.');
    expect(r.text).toMatch(/2 werkweken/);
    expect(r.deadlines[1]?.date).toBe('2027-01-07');
  });

  it('question to VGZ: VGZ’s own 10 working days; Liberation Day per setting', async () => {
    const q = 'I emailed VGZ purchasing a question on 28 April 2026. When can I expect an answer at the latest?';
    const r = await ask(q);
    expect(r.deadlines[0]).toMatchObject({ date: '2026-05-12', insurer: 'VGZ' });
    expect(r.text).toContain('Wij streven ernaar om binnen 10 werkdagen een reactie te geven.');
    const lib = await ask(q, 'en', context('2026-11-23', true));
    expect(lib.deadlines[0]?.date).toBe('2026-05-13');
    expect(lib.text).toContain('Liberation Day');
  });

  it('takes the year of now for a date without a year, and asks for a date when there is none', async () => {
    const r = await ask('Huisarts: vraag gesteld op 11 mei. Wanneer uiterlijk antwoord?', 'nl', context('2026-05-12'));
    expect(r.deadlines[0]?.date).toBe('2026-05-19');
    expect(r.text).toContain('Hemelvaartsdag');
    const none = replyToJsonText(await calculationHandler.handle(message('Binnen hoeveel werkdagen reageert VGZ op een vraag?'), understood('Binnen hoeveel werkdagen reageert VGZ op een vraag?', 'nl'), context()));
    expect(none).toMatch(/welke datum/);
  });

  it('works out the first day of the month for a Zorg en Zekerheid interim application', async () => {
    const r = await ask('Ik heb op 17 maart 2026 tussentijds een zorgovereenkomst GGZ aangevraagd bij Zorg en Zekerheid. Per wanneer krijg ik die aangeboden?', 'nl');
    expect(r.intent).toBe('calculation');
    expect(r.deadlines[0]).toMatchObject({ date: '2026-03-01', status: 'past', insurer: 'Zorg en Zekerheid' });
    expect(r.text).toContain('per de eerste kalenderdag van de maand van aanvragen');
    expect(r.text).toContain('zondag 1 maart 2026');
  });

  it('gives the closest rule with a note when no rule is made for the case, never another insurer’s rule for a named one', async () => {
    const ggz = await ask('Ik heb de zorgverzekeraar op 2 februari 2026 een vraag gesteld over ons ggz-contract. Wanneer moeten ze reageren?', 'nl');
    expect(ggz.text).toMatch(/Je noemde geen verzekeraar/);
    expect(ggz.deadlines[0]).toMatchObject({ date: '2026-02-16', insurer: 'VGZ' });
    const interim = await ask('Ik heb op 17 maart 2026 tussentijds een contract aangevraagd. Per wanneer krijg ik het?', 'nl');
    expect(interim.deadlines[0]).toMatchObject({ date: '2026-03-01', insurer: 'Zorg en Zekerheid' });
    expect(interim.text).toMatch(/bij een andere verzekeraar geldt die niet/);
    const zz = await ask('Ik heb Zorg en Zekerheid op 2 februari 2026 een vraag gesteld over ons ggz-contract. Wanneer moeten ze reageren?', 'nl');
    expect(zz.deadlines.every((d) => d.insurer !== 'VGZ')).toBe(true);
  });

  it('works out explicit periods, the authorisation request and the cost ceiling', async () => {
    expect((await ask('Wat is 10 werkdagen na 3 mei 2026?', 'nl')).deadlines[0]?.date).toBe('2026-05-18');
    const auth = await ask('The stay in the second year starts on 1 March 2027. When must the VGZ authorisation request be submitted?');
    expect(auth.deadlines[0]?.date).toBe('2026-12-01');
    const ceiling = replyToJsonText(await calculationHandler.handle(message('Mijn zorgkostenplafond bij VGZ is € 200.000. Wanneer moet ik VGZ informeren?'), understood('Mijn zorgkostenplafond bij VGZ is € 200.000. Wanneer moet ik VGZ informeren?', 'nl'), context()));
    expect(ceiling).toContain('140.000');
  });
});

function replyToJsonText(reply: Parameters<typeof replyToJson>[0]): string {
  return replyToJson(reply).text;
}

describe('deadline and calculation details from the blind question set', () => {
  const ctx = {
    now: new Date('2026-11-23T11:00:00Z'),
    holidays: { goodFriday: false, liberationDay: false },
    store: () => Promise.reject(new Error('unused')),
    log: { debug() {}, info() {}, warn() {}, error() {} },
    knowledge: testKnowledge(),
  };
  const ask = async (text: string) => {
    const { createRouter } = await import('./router.js');
    const { handlers } = await import('./registry.js');
    const { replyToJson } = await import('./reply-json.js');
    return replyToJson(await createRouter(handlers)({ address: { platform: 'local', conversationId: 't' }, text, receivedAt: ctx.now }, ctx));
  };

  it('"dit jaar" picks this year\'s occurrence of a yearly rule, even when it has passed', async () => {
    const reply = await ask('Wanneer moeten zorgverzekeraars dit jaar bekendmaken met wie zij huisartsenzorg hebben gecontracteerd?');
    expect(reply.deadlines[0]).toMatchObject({ date: '2026-11-19', status: 'past' });
  });

  it('an explicit end date ("einddatum") picks the end of a period, "last day to request" the request deadline', async () => {
    const end = await ask('Wat is bij VGZ de einddatum van de contractering in de contracteermodule voor digitaal gecontracteerde GGZ-aanbieders?');
    expect(end.deadlines[0]?.date.slice(5)).toBe('12-01');
    const request = await ask("I'm a non-contracted GGZ provider. What's the last day to request a 2024 care agreement from Zorg en Zekerheid?");
    expect(request.deadlines[0]?.date).toBe('2023-08-31');
  });

  it('a problem raised in a conflict gets the 2-week conflict rule, not the 5-working-day answer rule', async () => {
    const reply = await ask(
      'We hebben een conflict over de contractering huisartsenzorg en hebben op 21 december 2026 een knelpunt ingebracht bij de zorgverzekeraar. Wanneer moet die uiterlijk reageren?',
    );
    expect(reply.intent).toBe('calculation');
    expect(reply.deadlines[0]?.date).toBe('2027-01-04');
  });
});
