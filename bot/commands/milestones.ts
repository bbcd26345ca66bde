import { describeItem, itemJson } from '../../handlers/documents/describe-item.js';
import { acceptAll, editItem, setItemStatus, type ReviewOutcome } from '../../handlers/documents/review-items.js';
import type { Store } from '../../handlers/store.js';
import type { CliIo, Command } from '../cli-io.js';
import { UsageError } from '../config-error.js';
import { parseCommandArgs } from '../parse-args.js';
import { parseNow } from '../parse-now.js';
import { withStore } from './documents.js';

const USAGE =
  'milestones: use "milestones review [--document ID] [--json]", "milestones accept <id…>" or "milestones accept --document ID --all", ' +
  '"milestones reject <id…>" or "milestones edit <id> [--date YYYY-MM-DD] [--label T] [--actor zorgaanbieder|zorgverzekeraar|NZa]".';

/**
 * `contractbot milestones …`: a person confirms the dates and rules proposed for uploaded documents.
 * Only confirmed ones feed deadline answers, reminders and the calendar, on every replica.
 */
export const milestonesCommand: Command = async (args, io) => {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'review':
      return withStore(io, (store) => review(rest, io, store));
    case 'accept':
      return withStore(io, (store) => decide(rest, io, store, 'confirmed'));
    case 'reject':
      return withStore(io, (store) => decide(rest, io, store, 'rejected'));
    case 'edit':
      return withStore(io, (store) => edit(rest, io, store));
    default:
      throw new UsageError(sub ? `milestones: unknown subcommand "${sub.slice(0, 40)}". ${USAGE.slice('milestones: '.length)}` : USAGE);
  }
};

async function review(args: string[], io: CliIo, store: () => Promise<Store>): Promise<number> {
  const { values } = parseCommandArgs('milestones review', args, { document: { type: 'string' }, json: { type: 'boolean', default: false } }, false);
  const items = await (await store()).listKnowledgeItems({ status: 'proposed', ...(values.document !== undefined ? { documentId: values.document.trim() } : {}) });
  if (values.json) io.stdout.write(JSON.stringify(items.map(itemJson), null, 2) + '\n');
  else io.stdout.write(items.length === 0 ? 'No proposals waiting for review.\n' : `Proposals waiting for review:\n${items.map(describeItem).join('\n')}\n`);
  return 0;
}

function report(io: CliIo, outcome: ReviewOutcome, verb: string): number {
  for (const item of outcome.changed) io.stdout.write(`${verb} ${item.id}\n`);
  for (const item of outcome.unchanged) io.stdout.write(`Unchanged ${item.id} (already ${item.status})\n`);
  if (outcome.unknown.length > 0) {
    throw new UsageError(`milestones: no proposal with id ${outcome.unknown.map((id) => `"${id.slice(0, 60)}"`).join(', ')} (see "contractbot milestones review").`);
  }
  return 0;
}

async function decide(args: string[], io: CliIo, store: () => Promise<Store>, status: 'confirmed' | 'rejected'): Promise<number> {
  const command = status === 'confirmed' ? 'milestones accept' : 'milestones reject';
  const { values, positionals } = parseCommandArgs(command, args, { document: { type: 'string' }, all: { type: 'boolean', default: false }, now: { type: 'string' } });
  const now = values.now !== undefined ? parseNow(values.now) : io.clock();
  if (values.all) {
    if (status !== 'confirmed' || values.document === undefined || positionals.length > 0) throw new UsageError(`${command}: --all goes with --document ID and no ids.`);
    const outcome = await acceptAll(await store(), values.document.trim(), now);
    if (outcome.changed.length === 0) throw new UsageError(`${command}: no proposals waiting for document "${values.document.slice(0, 60)}".`);
    return report(io, outcome, 'Confirmed');
  }
  if (positionals.length === 0 || values.document !== undefined) throw new UsageError(`${command}: give one or more ids (see "contractbot milestones review"), or --document ID --all.`);
  return report(io, await setItemStatus(await store(), positionals.map((p) => p.trim()), status, now), status === 'confirmed' ? 'Confirmed' : 'Rejected');
}

async function edit(args: string[], io: CliIo, store: () => Promise<Store>): Promise<number> {
  const { values, positionals } = parseCommandArgs('milestones edit', args, {
    date: { type: 'string' },
    label: { type: 'string' },
    actor: { type: 'string' },
    now: { type: 'string' },
  });
  const [id, extra] = positionals;
  if (!id || extra !== undefined) throw new UsageError('milestones edit: give exactly one id and what to change (--date, --label, --actor).');
  const now = values.now !== undefined ? parseNow(values.now) : io.clock();
  const result = await editItem(
    await store(),
    id.trim(),
    { ...(values.date !== undefined ? { date: values.date.trim() } : {}), ...(values.label !== undefined ? { label: values.label } : {}), ...(values.actor !== undefined ? { actor: values.actor } : {}) },
    now,
  );
  switch (result.kind) {
    case 'edited':
      io.stdout.write(`Edited ${result.item.id}:\n${describeItem(result.item)}\n`);
      return 0;
    case 'error': {
      const messages = {
        'unknown-item': `no proposal with id "${id.slice(0, 60)}"`,
        'bad-date': '--date must be a calendar date YYYY-MM-DD',
        'bad-actor': '--actor must be zorgaanbieder, zorgverzekeraar, NZa or "zorgaanbieder en zorgverzekeraar"',
        'not-a-milestone': 'only dated milestones can be edited; reject a wrong rule instead',
        'nothing-to-change': 'say what to change: --date, --label or --actor',
        conflict: 'someone changed it at the same moment; try again',
      } as const;
      throw new UsageError(`milestones edit: ${messages[result.code]}.`);
    }
  }
}
