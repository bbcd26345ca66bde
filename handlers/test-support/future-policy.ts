import { buildCleanedDocument } from '../../knowledge/cleaned-documents.js';
import { readBundle } from '../../knowledge/bundle.js';
import { loadGlossary } from '../../knowledge/glossary.js';
import { buildPassages } from '../../knowledge/ingest/passages.js';
import { buildKnowledgeBase, type KnowledgeBase, type StoredDocument } from '../../knowledge/knowledge-base.js';
import type { Milestone } from '../../knowledge/milestones/milestone.js';

const RAW = `Zorginkoopbeleid ggz 2027 VGZ

Planning

De zorgaanbieder vraagt uiterlijk 1 oktober 2026 een overeenkomst aan.
VGZ doet uiterlijk 2 november 2026 een contractvoorstel.
De zorgaanbieder ondertekent de overeenkomst uiterlijk 1 december 2026.
VGZ publiceert het ggz-inkoopbeleid 2028 op 1 april 2027.
`;

/**
 * The shipped knowledge base plus an uploaded VGZ ggz policy for contract year 2027 with dates in
 * the 2026–2027 season (so a ggz channel has its own steps next to the shipped GP-care yearly rules).
 */
export function knowledgeWithFuturePolicy(): KnowledgeBase {
  const id = 'test-vgz-ggz-2027';
  const cleaned = buildCleanedDocument(id, RAW);
  const upload: StoredDocument = {
    meta: { id, title: 'Zorginkoopbeleid ggz 2027 VGZ', publisher: 'VGZ', kind: 'insurer-policy', sector: 'ggz', insurer: 'VGZ', published: '2026-04-01', contractYear: 2027, language: 'nl', url: null, origin: 'upload' },
    cleaned,
    passages: buildPassages(cleaned),
    pages: [],
    addedAt: '2026-04-01T08:00:00.000Z',
  };
  const step = (key: string, date: string, actor: Milestone['actor'], nl: string, en: string, quote: string): Milestone => ({
    id: `${id}-${key}`,
    documentId: id,
    insurer: 'VGZ',
    sector: 'ggz',
    contractYear: 2027,
    when: { kind: 'date', date },
    actor,
    label: { nl, en },
    quote,
    section: 'Planning',
    actions: [],
    verified: true,
  });
  const milestones = [
    step('apply', '2026-10-01', 'zorgaanbieder', 'Overeenkomst aanvragen', 'Apply for a contract', 'De zorgaanbieder vraagt uiterlijk 1 oktober 2026 een overeenkomst aan.'),
    step('offer', '2026-11-02', 'zorgverzekeraar', 'Contractvoorstel', 'Contract offer', 'VGZ doet uiterlijk 2 november 2026 een contractvoorstel.'),
    step('sign', '2026-12-01', 'zorgaanbieder', 'Overeenkomst ondertekenen', 'Sign the contract', 'De zorgaanbieder ondertekent de overeenkomst uiterlijk 1 december 2026.'),
    step('policy-2028', '2027-04-01', 'zorgverzekeraar', 'Inkoopbeleid 2028 gepubliceerd', 'Policy 2028 published', 'VGZ publiceert het ggz-inkoopbeleid 2028 op 1 april 2027.'),
  ];
  return buildKnowledgeBase({ bundle: readBundle(), glossary: loadGlossary(), uploads: [upload], milestones });
}
