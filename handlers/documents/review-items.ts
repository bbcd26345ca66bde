import { isValidYmd } from '../../knowledge/dates/calendar-date.js';
import type { KnowledgeItem, KnowledgeItemStatus } from '../../knowledge/knowledge-item.js';
import { actorSchema, type Actor } from '../../knowledge/milestones/milestone.js';
import type { DocumentStore } from '../document-store.js';

/** What happened to each id a reviewer named. */
export interface ReviewOutcome {
  readonly changed: readonly KnowledgeItem[];
  /** Ids that name no item. */
  readonly unknown: readonly string[];
  /** Items already in the wanted state, or changed by someone else at the same moment. */
  readonly unchanged: readonly KnowledgeItem[];
}

function withStatus(item: KnowledgeItem, status: KnowledgeItemStatus): KnowledgeItem {
  return { ...item, status };
}

/**
 * Sets the status of items (confirm or reject). Each write is compare-and-set on the status read,
 * so two reviewers clicking at once act once.
 * @example await setItemStatus(store, ['cz-ggz-2027-sign'], 'confirmed', now)
 */
export async function setItemStatus(store: DocumentStore, ids: readonly string[], status: 'confirmed' | 'rejected', now: Date): Promise<ReviewOutcome> {
  const all = await store.listKnowledgeItems();
  const byId = new Map(all.map((i) => [i.id, i]));
  const changed: KnowledgeItem[] = [];
  const unchanged: KnowledgeItem[] = [];
  const unknown: string[] = [];
  for (const id of new Set(ids)) {
    const item = byId.get(id);
    if (!item) unknown.push(id);
    else if (item.status === status || !(await store.updateKnowledgeItem(withStatus(item, status), item.status, now))) unchanged.push(item);
    else changed.push(withStatus(item, status));
  }
  return { changed, unknown, unchanged };
}

/** Confirms every proposal of a document (rejected items stay rejected). */
export async function acceptAll(store: DocumentStore, documentId: string, now: Date): Promise<ReviewOutcome> {
  const proposed = await store.listKnowledgeItems({ documentId, status: 'proposed' });
  return setItemStatus(store, proposed.map((i) => i.id), 'confirmed', now);
}

export interface ItemEdit {
  readonly date?: string;
  readonly label?: string;
  readonly actor?: string;
}

export type EditResult =
  | { readonly kind: 'edited'; readonly item: KnowledgeItem }
  | { readonly kind: 'error'; readonly code: 'unknown-item' | 'bad-date' | 'bad-actor' | 'not-a-milestone' | 'nothing-to-change' | 'conflict' };

/**
 * Corrects a milestone before (or after) confirming it: its date (YYYY-MM-DD), label (both
 * languages get the text) or who acts. The status stays as it was.
 */
export async function editItem(store: DocumentStore, id: string, edit: ItemEdit, now: Date): Promise<EditResult> {
  const item = (await store.listKnowledgeItems()).find((i) => i.id === id);
  if (!item) return { kind: 'error', code: 'unknown-item' };
  if (item.kind !== 'milestone') return { kind: 'error', code: 'not-a-milestone' };
  if (edit.date === undefined && edit.label === undefined && edit.actor === undefined) return { kind: 'error', code: 'nothing-to-change' };
  if (edit.date !== undefined && !isValidYmd(edit.date)) return { kind: 'error', code: 'bad-date' };
  let actor: Actor | undefined;
  if (edit.actor !== undefined) {
    const parsed = actorSchema.safeParse(edit.actor.trim());
    if (!parsed.success) return { kind: 'error', code: 'bad-actor' };
    actor = parsed.data;
  }
  const milestone = {
    ...item.milestone,
    ...(edit.date !== undefined ? { when: { kind: 'date' as const, date: edit.date } } : {}),
    ...(edit.label !== undefined ? { label: { nl: edit.label.trim(), en: edit.label.trim() } } : {}),
    ...(actor !== undefined ? { actor } : {}),
  };
  const next: KnowledgeItem = { ...item, milestone };
  return (await store.updateKnowledgeItem(next, item.status, now)) ? { kind: 'edited', item: next } : { kind: 'error', code: 'conflict' };
}
