import { existsSync, readFileSync } from 'node:fs';
import type lunr from 'lunr';
import { shippedCleaned, testKnowledge, testSearchSpace } from './test-support/test-knowledge.js';
import { describe, expect, it } from 'vitest';
import { searchPassages, searchWithConcepts, type SearchOptions } from './search.js';
import { analyze, dutchLunr, pipelinePlugin } from './search/dutch-lunr.js';
import { answerSnippet } from './search/answer-snippet.js';
import { buildIndexData, indexFilePath, joinedCompounds, sentenceTerms, toSearchIndex, type IndexData } from './search/search-index.js';
import { sentenceSpans } from './ingest/sentences.js';
import { conceptMatch, queryConcepts } from './search/query-concepts.js';
import { buildPassages } from './ingest/passages.js';
import { knowledgePath } from './paths.js';

describe('searchPassages', () => {
  it('finds Dutch passages for English questions through the glossary', () => {
    const [best] = searchPassages(testSearchSpace(), 'Does Zorg en Zekerheid buy care delivered abroad?');
    expect(best?.passage.documentId).toBe('zz-ggz-2024');
    expect(best?.passage.text).toContain('buitenland');
  });

  it('uses Dutch stemming: inflected forms find each other', () => {
    expect(analyze('afslagen')).toEqual(analyze('afslag'));
    expect(analyze('De afslagen op de maximumtarieven')).toEqual(['afslag', 'maximumtariev']);
    expect(analyze('patient')).toEqual(analyze('patiënt'));
    const [best] = searchPassages(testSearchSpace(), 'afslag nieuwe maximumtarief');
    expect(best?.passage.text).toContain('afslagen op de nieuwe maximumtarieven');
  });

  it('returns passages whose text sits at their offsets, with their section path', () => {
    for (const hit of searchPassages(testSearchSpace(), 'selectieve inkoop VGZ', { limit: 5 })) {
      expect(testKnowledge().cleaned(hit.passage.documentId).text.slice(hit.passage.start, hit.passage.end)).toBe(hit.passage.text);
      expect(hit.score).toBeGreaterThan(0);
    }
  });

  it('treats lunr query syntax as plain text and never throws', () => {
    for (const q of ['((( :: ~~ ^^ deadline* +- "', 'title:foo', 'afslagen~2', '+nza -vgz', 'ggz^10', '*', '"', 'a:b:c', '\\', '-']) {
      expect(() => searchPassages(testSearchSpace(), q), q).not.toThrow();
    }
    const [plain] = searchPassages(testSearchSpace(), 'afslagen');
    const [withSyntax] = searchPassages(testSearchSpace(), '+afslagen^5 ~afslagen* "afslagen"');
    expect(withSyntax?.passage.id).toBe(plain?.passage.id);
  });

  it('filters by document and finds nothing for questions outside the domain', () => {
    expect(searchPassages(testSearchSpace(), 'tarieven', { documentIds: ['vgz-ggz-2020'], limit: 10 }).every((h) => h.passage.documentId === 'vgz-ggz-2020')).toBe(true);
    const { hits } = searchWithConcepts(testSearchSpace(), 'What is the capital of France?');
    expect(hits.every((h) => h.coverage < 0.2)).toBe(true);
    expect(searchPassages(testSearchSpace(), '')).toEqual([]);
    expect(searchPassages(testSearchSpace(), 'the of and')).toEqual([]);
  });

  it('ranks passages that contain more of the question first', () => {
    const { hits } = searchWithConcepts(testSearchSpace(), 'Hoeveel procent van de behandeltijd moet de regiebehandelaar zelf leveren?');
    expect(hits[0]?.passage.text).toContain('80% van de behandeltijd');
    expect(hits[0]?.coverage).toBeGreaterThan(0.5);
  });
});

describe('query understanding and snippets (generalisation fixes)', () => {
  it('a glossary phrase wins over the words inside it: "care cost ceiling" is the zorgkostenplafond, not every "kosten"', () => {
    const { concepts } = searchWithConcepts(testSearchSpace(), 'At what share of the care cost ceiling should I inform VGZ?');
    const ceiling = concepts.find((c) => c.source === 'care cost ceiling');
    expect(ceiling?.terms.has('zorgkostenplafond')).toBe(true);
    expect(ceiling?.terms.has('kost')).toBe(false);
  });

  it('drops an English word whose only translation is in every passage ("care" → "zorg") instead of counting it as missing', () => {
    const { concepts } = searchWithConcepts(testSearchSpace(), 'Which healthcare requirements does VGZ set?');
    expect(concepts.some((c) => c.source === 'healthcare')).toBe(false);
    expect(concepts.some((c) => c.source === 'VGZ')).toBe(true);
    expect(searchWithConcepts(testSearchSpace(), 'healthcare').concepts).toEqual([]);
  });

  it('indexes the completed halves of suspended compounds ("verpleeg- of verzorgingshuizen" → "verpleeghuizen")', () => {
    expect(joinedCompounds('bij verpleeg- of verzorgingshuizen').split(' ')).toContain('verpleeghuizen');
    expect(joinedCompounds('de algemene minimum- en kwaliteitseisen').split(' ')).toContain('minimumeisen');
    const [best] = searchPassages(testSearchSpace(), 'Koopt Zorg en Zekerheid GGZ in bij verpleeghuizen?');
    expect(best?.passage.text).toContain('verpleeg- of verzorgingshuizen');
  });

  it('English generic words reach Dutch passages through the glossary (groups, especially, take part, religion)', () => {
    const groups = searchPassages(testSearchSpace(), 'For which patient groups are waiting times in mental health care especially long?', { limit: 3 });
    expect(groups.some((h) => h.passage.text.includes('autisme'))).toBe(true);
    const [part] = searchPassages(testSearchSpace(), 'Does De Nederlandse ggz take part in individual contract negotiations with insurers?');
    expect(part?.passage.documentId).toBe('ggz-handleiding-escalatie');
    const [religion] = searchPassages(testSearchSpace(), 'Does VGZ take religion into account?');
    expect(religion?.passage.text).toContain('godsdienst');
  });

  it('quotes a section from its top when its heading names what was asked better than any one sentence', () => {
    const { concepts, hits } = searchWithConcepts(testSearchSpace(), 'Welke landelijk overeengekomen beleidsuitgangspunten gelden bij de contractering van huisartsenzorg?');
    const best = hits[0];
    expect(best?.passage.sectionPath.at(-1)).toMatch(/Landelijk overeengekomen beleidsuitgangspunten/);
    const snippet = answerSnippet(best!.passage, concepts, 'nl', 420);
    expect(snippet.text).toContain('professioneel handelen');
    expect(snippet.text.length).toBeLessThanOrEqual(420 * 1.5);
  });
});

/** The shipped documents as the index takes them. */
function shippedToIndex() {
  return testKnowledge().documents.map((d) => ({ document: shippedCleaned(d.id), passages: buildPassages(shippedCleaned(d.id)) }));
}

/** Questions to compare rankings with: the retrieval and deadline regression sets. */
function regressionQuestions(): string[] {
  return ['retrieval-questions.json', 'deadline-questions.json'].flatMap((file) =>
    (JSON.parse(readFileSync(knowledgePath('eval', file), 'utf8')) as { questions: { q: string }[] }).questions.map((q) => q.q),
  );
}

describe('search index', () => {
  it('serialises and loads back to the same results', () => {
    const data = buildIndexData(shippedToIndex(), 'test-hash', 'nl');
    expect(data.sourceHash).toBe('test-hash');
    const fresh = toSearchIndex(JSON.parse(JSON.stringify(data)) as typeof data);
    const q = 'Wat moet ik vermelden bij het indienen van een signaal bij de NZa?';
    const a = searchPassages({ ...testSearchSpace(), index: fresh }, q).map((h) => h.passage.id);
    const b = searchPassages(testSearchSpace(), q).map((h) => h.passage.id);
    expect(a.length).toBeGreaterThan(0);
    expect(a).toEqual(b);
    expect(fresh.passages().map((p) => p.id)).toEqual(testKnowledge().index().passages().map((p) => p.id));
    expect(fresh.document('zz-ggz-2024')?.text).toBe(shippedCleaned('zz-ggz-2024').text);
  });

  it("ranks, scores and matches exactly as lunr's own index over the same passages and clauses", () => {
    const passages = shippedToIndex().flatMap((d) => d.passages);
    const l = dutchLunr();
    const reference = l(function () {
      this.use(pipelinePlugin('nl'));
      this.ref('id');
      this.field('text');
      this.field('section', { boost: 1.3 });
      this.field('joined');
      for (const p of passages) this.add({ id: p.id, text: p.text, section: p.sectionPath.join(' '), joined: joinedCompounds(`${p.text} ${p.sectionPath.join(' ')}`) });
    });
    const index = testKnowledge().index();
    const questions = regressionQuestions();
    expect(questions.length).toBeGreaterThan(150);
    let compared = 0;
    for (const question of questions) {
      const clauses = queryConcepts(question, testKnowledge().glossary, 'nl').flatMap((c) => [...c.terms].map(([term, boost]) => ({ term, boost })));
      // Without clauses lunr returns every passage (a "negated" query); search never asks it that.
      if (clauses.length === 0) continue;
      const expected = reference.query((q) => {
        for (const { term, boost } of clauses) q.term(term, { boost, usePipeline: false, wildcard: 0 as lunr.Query.wildcard });
      });
      const actual = index.query(clauses);
      expect(actual.map((r) => r.passage.id), question).toEqual(expected.map((r) => r.ref));
      expect(actual.map((r) => r.score), question).toEqual(expected.map((r) => r.score));
      expect(actual.map((r) => [...r.terms].sort()), question).toEqual(expected.map((r) => Object.keys(r.matchData.metadata).sort()));
      compared += actual.length;
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it("keeps each passage's sentences and their terms as answering would compute them, so quotes are the same", () => {
    const index = testKnowledge().index();
    for (const p of index.passages()) {
      const built = index.sentences(p, 'nl');
      const spans = sentenceSpans(p.text, p.start);
      expect(built?.spans, p.id).toEqual(spans);
      expect(built?.terms.map((t) => [...t].sort()), p.id).toEqual(spans.map((sp) => [...sentenceTerms(p.text.slice(sp.start - p.start, sp.end - p.start), 'nl')].sort()));
      const heading = p.sectionPath.at(-1);
      expect(built?.heading && [...built.heading].sort(), p.id).toEqual(heading === undefined ? undefined : [...sentenceTerms(heading, 'nl')].sort());
    }
    expect(index.sentences(index.passages()[0]!, 'en-nl')).toBeUndefined();
    let quoted = 0;
    for (const question of regressionQuestions()) {
      const { concepts, hits } = searchWithConcepts(testSearchSpace(), question, { limit: 3 });
      for (const hit of hits) {
        expect(answerSnippet(hit.passage, concepts, 'nl', 420, undefined, index.sentences(hit.passage, 'nl')), question).toEqual(answerSnippet(hit.passage, concepts, 'nl', 420));
        quoted += 1;
      }
    }
    expect(quoted).toBeGreaterThan(300);
  });

  it('takes the same top passages as scoring every match and sorting them all (limits, boosts, filters)', () => {
    const space = testSearchSpace();
    // The ranking as it was before the top-k cut: every match scored, then a stable sort.
    const everyMatch = (question: string, options: SearchOptions) => {
      const { concepts } = searchWithConcepts(space, question, { limit: 0 });
      const weights = concepts.map((c) => c.weight);
      const total = weights.reduce((a, b) => a + b, 0);
      const named = concepts.map((c) => space.insurers.find(c.source).map((x) => x.name));
      const hits = space.index
        .query(concepts.flatMap((c) => [...c.terms].map(([term, boost]) => ({ term, boost }))))
        .filter((r) => !options.documentIds || options.documentIds.includes(r.documentId))
        .map((r) => {
          const insurer = space.documents.find((d) => d.id === r.documentId)?.insurer ?? null;
          const shares = concepts.map((c, i) => (insurer !== null && named[i]?.includes(insurer) ? 1 : conceptMatch(c, (t) => r.terms.includes(t), r.passage.text)));
          const coverage = total > 0 ? shares.reduce((sum, share, i) => sum + share * (weights[i] ?? 0), 0) / total : 0;
          return { id: r.passage.id, score: r.score * (options.documentBoosts?.[r.documentId] ?? 1) * (0.05 + coverage * coverage), coverage };
        });
      hits.sort((a, b) => b.score - a.score);
      return hits.slice(0, options.limit ?? 5);
    };
    const variants: SearchOptions[] = [{}, { limit: 1 }, { limit: 12 }, { documentBoosts: { 'zz-ggz-2024': 1.5, 'vgz-ggz-2020': 0.3 } }, { documentIds: ['gcp-huisartsen-2016', 'vgz-ggz-2020'], limit: 3 }];
    for (const question of regressionQuestions()) {
      for (const options of variants) {
        const actual = searchWithConcepts(space, question, options).hits.map((h) => ({ id: h.passage.id, score: h.score, coverage: h.coverage }));
        expect(actual, `${question} ${JSON.stringify(options)}`).toEqual(everyMatch(question, options));
      }
    }
  });

  it('the shipped index file, when present, matches its recorded format', () => {
    if (!existsSync(indexFilePath())) return;
    const data = JSON.parse(readFileSync(indexFilePath(), 'utf8')) as IndexData;
    expect(data.format).toBe(4);
    expect(data.documents).toHaveLength(testKnowledge().documents.length);
    expect(data.documents.reduce((n, d) => n + d.passages.length, 0)).toBeGreaterThan(100);
  });
});

describe('searchWithConcepts: answers that sit beside the words of the question', () => {
  it('ranks the passage that defines a multi-year contract first, and quotes the definition even in a short snippet', () => {
    const { concepts, hits } = searchWithConcepts(testSearchSpace(), 'What counts as a multi-year contract for GP care?');
    const best = hits[0];
    expect(best?.passage.sectionPath.at(-1)).toMatch(/Meerjarige contracten/);
    expect(answerSnippet(best!.passage, concepts, 'nl', 260).text).toContain('ten minste 2 jaar');
  });

  it('quotes the stated duration for a "how long" question', () => {
    const { concepts, hits } = searchWithConcepts(testSearchSpace(), 'For how long does VGZ grant an authorisation for long-term mental health care?', {
      documentIds: ['vgz-ggz-2020'],
    });
    expect(answerSnippet(hits[0]!.passage, concepts, 'nl', 420).text).toContain('maximaal één jaar');
  });
});

describe('searchWithConcepts: what a passage says without naming it', () => {
  it("counts the insurer a question names as expressed by every passage of that insurer's policy", () => {
    // The passage that states the plafond says "we", not "VGZ".
    const [best] = searchPassages(testSearchSpace(), 'Wat is het zorgkostenplafond van VGZ?');
    expect(best?.passage.text).toContain('Ook in 2020 hanteren we een zorgkostenplafond');
    expect(best?.coverage).toBe(1);
    // "omzetplafond" (Z&Z's word) is VGZ's "zorgkostenplafond": a passage of VGZ's policy about it covers the whole question.
    const [omzet] = searchPassages(testSearchSpace(), 'Wat is het omzetplafond bij VGZ?');
    expect(omzet?.passage.documentId).toBe('vgz-ggz-2020');
    expect(omzet?.passage.sectionPath.at(-1)).toBe('Zorgkostenplafond en tarieven');
    expect(omzet?.coverage).toBe(1);
  });

  it('reads an English possessive as its owner ("VGZ\'s vision" is about VGZ)', () => {
    const { concepts } = searchWithConcepts(testSearchSpace(), "What themes are in VGZ's vision on GGZ?");
    expect(concepts.some((c) => c.source === 'VGZ' && c.inCorpus)).toBe(true);
    expect(concepts.some((c) => c.source.includes("'s"))).toBe(false);
  });
});
