import { mkdtempSync, writeFileSync } from 'node:fs';
import { readBundle } from '../knowledge/bundle.js';
import { loadGlossary } from '../knowledge/glossary.js';
import { buildKnowledgeBase } from '../knowledge/knowledge-base.js';
import { testKnowledge } from '../knowledge/test-support/test-knowledge.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HandlerContext } from './context.js';
import { silentLogger } from '../bot/logger.js';
import { questionHandler } from './question.js';
import { replyToJson } from './reply-json.js';
import { createRouter } from './router.js';
import { understand } from './understand/understand.js';

const now = new Date('2026-11-23T12:00:00Z');
const context = (extra: Partial<HandlerContext> = {}): HandlerContext => ({
  now,
  knowledge: testKnowledge(),
  holidays: { goodFriday: false, liberationDay: false },
  store: () => Promise.reject(new Error('the question handler does not use the store')),
  log: silentLogger,
  ...extra,
});
const route = createRouter();
const ask = async (text: string, extra: Partial<HandlerContext> = {}) =>
  replyToJson(await route({ address: { platform: 'local', conversationId: 't' }, text, receivedAt: now }, context(extra)));

describe('questionHandler', () => {
  it('is the fallback: any text that is nothing more specific is a question for the documents', () => {
    expect(understand('wat dan ook', { knowledge: testKnowledge(), now }).intent).toBe('question');
    expect(understand('   ', { knowledge: testKnowledge(), now }).intent).toBe('unknown');
  });

  it('answers with the sentences that answer, cited with title, publisher, year, section and link', async () => {
    const reply = await ask('Hoeveel procent van de behandeltijd moet de regiebehandelaar zelf leveren bij Zorg en Zekerheid?');
    expect(reply.intent).toBe('question');
    expect(reply.language).toBe('nl');
    expect(reply.text).toMatch(/^Volgens Zorg en Zekerheid:\n\n> /);
    expect(reply.text).toContain('— Zorginkoopbeleid Geestelijke gezondheidszorg 2024 (Zorg en Zekerheid, 2023), § 5 Hoe komt u');
    expect(reply.text).toContain('80% van de behandeltijd');
    const [main] = reply.sources;
    expect(main).toMatchObject({ documentId: 'zz-ggz-2024', publisher: 'Zorg en Zekerheid', year: '2023', url: expect.stringContaining('zorgenzekerheid.nl') });
    expect(main?.section).toBe('5 Hoe komt u als zorgaanbieder in aanmerking voor een zorgovereenkomst? › 5.1 Minimum- en kwaliteitseisen › Nieuwe vrijgevestigde zorgaanbieders');
    expect(main?.snippet.length).toBeLessThan(700);
    expect(reply.sources.length).toBeLessThanOrEqual(3);
  });

  it('quotes the answering passage once with its citation, further sources below, and a dated step it shows without its sentence again', async () => {
    const reply = await ask('Wat is het streven voor de gehele cyclus van de contractering huisartsenzorg?');
    const [main, ...further] = reply.sources;
    expect(main?.documentId).toBe('gcp-huisartsen-2016');
    const quoted = main!.snippet.replace(/^… | …$/g, '');
    expect(quoted).toContain('uiterlijk 1 april 2017');
    expect(reply.text.split(quoted).length - 1).toBe(1);
    expect(reply.text).toContain(`— ${main!.title}`);
    expect(reply.text.indexOf('Meer bronnen:')).toBeGreaterThan(reply.text.indexOf(quoted));
    for (const f of further) expect(quoted).not.toContain(f.snippet.replace(/^… | …$/g, ''));
    const [step] = reply.deadlines;
    expect(step?.date).toBe('2017-04-01');
    expect(step?.quote).toBeUndefined();
    expect(reply.text.split('Streven is uiterlijk 1 april 2017').length - 1).toBe(1);
  });

  it('replies in the language of the question; the quoted passage stays Dutch', async () => {
    const reply = await ask('Does Zorg en Zekerheid buy care delivered abroad?');
    expect(reply.language).toBe('en');
    expect(reply.text).toMatch(/^According to Zorg en Zekerheid:/);
    expect(reply.text).toContain('buitenland');
    expect(reply.sources[0]?.documentId).toBe('zz-ggz-2024');
  });

  it('says honestly when a question is outside the documents', async () => {
    for (const q of ['What is the capital of France?', 'Wie won het WK voetbal in 2010?', 'How do I bake sourdough bread?']) {
      const reply = await ask(q);
      expect(reply.intent, q).toBe('question');
      expect(reply.text, q).toMatch(/nothing about this in the contracting documents|niets in de documenten/);
      expect(reply.sources, q).toEqual([]);
    }
  });

  it('when evidence is weak, says the documents may not answer and shows the closest passages', async () => {
    const reply = await ask('What does Zorg en Zekerheid think about football?');
    expect(reply.text).toMatch(/^The documents may not answer this question/);
    expect(reply.sources.length).toBeGreaterThan(0);
  });

  it('separates in-domain from out-of-domain questions it was not tuned on', async () => {
    const inDomain = [
      'Welke uitsluitingscriteria hanteert VGZ?',
      'What is a cessieverbod at VGZ?',
      'Wat zegt de NZa over de zorgplicht van zorgverzekeraars?',
      'Do I need a VECOZO certificate?',
      'Is there a disputes committee for GP contracting?',
    ];
    for (const q of inDomain) expect((await ask(q)).text, q).toMatch(/^(According to|Volgens) /);
    for (const q of ['Who is the CEO of Apple?', 'Hoe laat gaat de trein naar Utrecht?', 'Recommend a good movie']) {
      expect((await ask(q)).text, q).not.toMatch(/^(According to|Volgens) /);
    }
  });

  it('notes when the named insurer has no policy loaded', async () => {
    const reply = await ask('What is the policy of Zilveren Kruis on e-health?');
    expect(reply.text).toContain('Zilveren Kruis');
    expect(reply.text).toMatch(/no purchasing policy of Zilveren Kruis is loaded/);
  });

  it('takes the insurers from the understanding, not from the text again (a follow-up may have filled them)', async () => {
    const knowledge = testKnowledge();
    const text = 'What is the policy on e-health?';
    const understanding = { ...understand(text, { knowledge, now }), insurers: knowledge.insurers.find('Zilveren Kruis') };
    const reply = replyToJson(await questionHandler.handle({ address: { platform: 'local', conversationId: 't' }, text, receivedAt: now }, understanding, context()));
    expect(reply.text).toMatch(/no purchasing policy of Zilveren Kruis is loaded/);
  });

  it('searches with the knowledge base\'s glossary (the extra glossary merged in by the composition root)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'q-glossary-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ entries: [{ kind: 'translation', en: ['assignment ban'], nl: ['cessieverbod'] }] }));
    const knowledge = buildKnowledgeBase({ bundle: readBundle(), glossary: loadGlossary(good) });
    const withGlossary = await ask('Will there be an assignment ban?', { knowledge });
    expect(withGlossary.text).toContain('cessieverbod');
    const without = await ask('Will there be an assignment ban?');
    expect(without.text).not.toContain('cessieverbod');
  });
});
