import { afterEach, describe, expect, it } from 'vitest';
import { testBot, type TestBot } from '../../bot/test-support/test-bot.js';

// Mechanisms behind the fifth blind set's failures, through the shared test bot (router, handlers, store).
const bots: TestBot[] = [];
afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.close();
});
async function bot(now = '2026-11-23') {
  const b = await testBot({ now });
  bots.push(b);
  return b;
}

describe('small talk: "are you there?" is a greeting', () => {
  it('greets back in the user’s language', async () => {
    const b = await bot();
    const nl = await b.ask('hoi, ben je er?');
    expect(nl).toMatchObject({ intent: 'smalltalk', language: 'nl' });
    const en = await b.ask('hello, are you there?');
    expect(en).toMatchObject({ intent: 'smalltalk', language: 'en' });
  });
});

describe('follow-ups selecting from a window: "en welke daarvan gaat over …?"', () => {
  it('keeps only the window’s deadlines whose label names the words asked', async () => {
    const b = await bot();
    const all = await b.ask('Welke deadlines vallen in juli 2027?');
    expect(all.deadlines.length).toBeGreaterThan(2);
    const some = await b.ask('en welke daarvan gaat over de zorggroepen?');
    expect(some.deadlines.length).toBeGreaterThan(0);
    expect(some.deadlines.length).toBeLessThan(all.deadlines.length);
    expect(some.deadlines.every((d) => d.date >= '2027-07-01' && d.date <= '2027-07-31')).toBe(true);
    expect(some.deadlines.every((d) => d.label.toLowerCase().includes('zorggroep'))).toBe(true);
  });

  it('"next 3 deadlines" then "and for VGZ?" keeps the count', async () => {
    const b = await bot('2019-09-01');
    await b.ask('next 3 deadlines for GP practices?');
    const vgz = await b.ask('and for VGZ?');
    expect(vgz.deadlines.length).toBe(3);
    expect(vgz.deadlines.every((d) => d.insurer === 'VGZ' || d.insurer === null)).toBe(true);
  });
});

describe('calculations from the start of a later year: "drie maanden voor de start van het verblijf in het tweede en derde jaar"', () => {
  it('counts from the start of the year asked, and "en voor het derde jaar?" changes only that year', async () => {
    const b = await bot();
    const second = await b.ask('vgz langdurige ggz: verblijf gestart op 1 februari 2026, wanneer moet het machtigingsverzoek voor het tweede jaar binnen zijn?');
    expect(second.intent).toBe('calculation');
    expect(second.deadlines.map((d) => d.date)).toEqual(['2026-11-01']);
    expect(second.text).toContain('de start van jaar 2');
    const third = await b.ask('en voor het derde jaar?');
    expect(third.intent).toBe('calculation');
    expect(third.deadlines.map((d) => d.date)).toEqual(['2027-11-01']);
    expect(third.deadlines[0]?.status).toBe('upcoming');
  });

  it('"het tweede verblijfsjaar start op 1 maart 2027": the date named is that year’s start', async () => {
    const b = await bot();
    const nl = await b.ask('Bij VGZ start het tweede verblijfsjaar langdurige GGZ van een cliënt op 1 maart 2027. Wanneer moet het machtigingsverzoek uiterlijk binnen zijn?');
    expect(nl.deadlines.map((d) => d.date)).toEqual(['2026-12-01']);
    const en = await b.ask('The second year of the stay starts on 23 February 2027. When must the VGZ authorisation request be in?');
    expect(en.deadlines.map((d) => d.date)).toEqual(['2026-11-23']);
  });

  it('without a year named, gives the date for each year the rule names', async () => {
    const b = await bot();
    const both = await b.ask('VGZ langdurige ggz, verblijf gestart op 15 januari 2026. Wanneer moet het machtigingsverzoek er uiterlijk liggen?');
    expect(both.deadlines.map((d) => d.date)).toEqual(['2026-10-15', '2027-10-15']);
  });
});

describe('a language switch phrased as a request: "kun je dat in het Nederlands uitleggen?"', () => {
  it('asks the last question again in the language asked', async () => {
    const b = await bot();
    const en = await b.ask("What does VGZ mean by 'hersteleuro'?");
    expect(en.language).toBe('en');
    const nl = await b.ask('kun je dat in het Nederlands uitleggen?');
    expect(nl.language).toBe('nl');
    expect(nl.intent).toBe(en.intent);
    expect(nl.sources[0]?.documentId).toBe(en.sources[0]?.documentId);
    expect(nl.text + nl.sources.map((s) => s.snippet).join(' ')).toContain('hersteleuro');
    const back = await b.ask('could you explain that in English?');
    expect(back.language).toBe('en');
  });
});

describe('a calculation follow-up naming another event owner: "en als het een vraag aan VGZ was geweest?"', () => {
  it('counts the new insurer’s rule from the remembered date', async () => {
    const b = await bot();
    const gp = await b.ask('huisarts hier: vraag aan de zorgverzekeraar gesteld op maandag 11 mei 2026, wanneer uiterlijk reactie?');
    expect(gp.deadlines[0]?.date).toBe('2026-05-19');
    const later = await b.ask('en als ik hem op 22 mei 2026 had gesteld?');
    expect(later.deadlines[0]?.date).toBe('2026-06-01');
    const vgz = await b.ask('en als het een vraag aan VGZ zorginkoop ggz was geweest?');
    expect(vgz.intent).toBe('calculation');
    expect(vgz.deadlines[0]).toMatchObject({ date: '2026-06-08', insurer: 'VGZ' });
  });
});

describe('step words in the past tense: "wanneer startte …", "wanneer sloot …"', () => {
  it('are when-questions about the start and the close of digital contracting', async () => {
    const b = await bot();
    const start = await b.ask('vgz digitaal gecontracteerden: wanneer startte de digitale contractering voor 2020?');
    expect(start.intent).toBe('deadline');
    expect(start.deadlines.slice(0, 2).map((d) => d.date)).toContain('2019-10-01');
    const end = await b.ask('en wanneer sloot de digitale contractering daar?');
    expect(end.deadlines.slice(0, 2).map((d) => d.date)).toContain('2019-12-01');
  });
});
