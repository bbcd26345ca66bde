import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { addDocument, describeAddDocumentError } from '../../handlers/documents/add-document.js';
import { describeItem, itemJson } from '../../handlers/documents/describe-item.js';
import type { Store } from '../../handlers/store.js';
import { MAX_DOCUMENT_BYTES } from '../../knowledge/ingest/extract/index.js';
import type { CliIo, Command } from '../cli-io.js';
import { commandKnowledge } from '../command-knowledge.js';
import { loadConfig } from '../config.js';
import { UsageError } from '../config-error.js';
import { lazyStore } from '../create-context.js';
import { parseCommandArgs } from '../parse-args.js';
import { parseNow } from '../parse-now.js';
import { progressBar } from '../progress-bar.js';

const USAGE =
  'documents: use "documents add <file> --insurer <name> [--sector S] [--contract-year YYYY] [--title T] [--publisher P] [--url U] [--now D] [--json]", ' +
  '"documents list [--json]", "documents show <id> [--json]" or "documents remove <id>".';

/** `contractbot documents …`: next year's policies from a file, shared by every replica through DATABASE_URL. */
export const documentsCommand: Command = async (args, io) => {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'add':
      return withStore(io, (store) => add(rest, io, store));
    case 'list':
      return withStore(io, (store) => list(rest, io, store));
    case 'show':
      return withStore(io, (store) => show(rest, io, store));
    case 'remove':
      return withStore(io, (store) => remove(rest, io, store));
    default:
      throw new UsageError(sub ? `documents: unknown subcommand "${sub.slice(0, 40)}". ${USAGE.slice('documents: '.length)}` : USAGE);
  }
};

/** Runs a subcommand with the store of DATABASE_URL, closed afterwards. */
export async function withStore(io: CliIo, run: (store: () => Promise<Store>) => Promise<number>): Promise<number> {
  const config = loadConfig(io.env);
  const store = lazyStore(config.databaseUrl);
  try {
    return await run(store.get);
  } finally {
    await store.close();
  }
}

function readFile(path: string): Uint8Array {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new UsageError(`documents add: ${basename(path)} is not a file.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`documents add: cannot read ${basename(path)} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}).`);
  }
  if (size > MAX_DOCUMENT_BYTES) throw new UsageError(`documents add: ${basename(path)} is ${Math.round(size / 1024 / 1024)} MB; the limit is 50 MB.`);
  return new Uint8Array(readFileSync(path));
}

async function add(args: string[], io: CliIo, store: () => Promise<Store>): Promise<number> {
  const { values, positionals } = parseCommandArgs('documents add', args, {
    insurer: { type: 'string' },
    sector: { type: 'string' },
    'contract-year': { type: 'string' },
    title: { type: 'string' },
    publisher: { type: 'string' },
    url: { type: 'string' },
    now: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const [file, extra] = positionals;
  if (!file || extra !== undefined) throw new UsageError('documents add: give exactly one file, e.g. contractbot documents add cz-ggz-2027.pdf --insurer CZ');
  if (values.insurer !== undefined && values.insurer.trim() === '') throw new UsageError('documents add: --insurer needs a name.');
  const yearText = values['contract-year'];
  const contractYear = yearText === undefined ? undefined : Number(yearText);
  if (contractYear !== undefined && (!Number.isInteger(contractYear) || contractYear < 2000 || contractYear > 2100)) {
    throw new UsageError(`documents add: --contract-year must be a year such as 2027, got "${yearText?.slice(0, 20) ?? ''}".`);
  }
  if (values.url !== undefined && !URL.canParse(values.url)) throw new UsageError('documents add: --url must be an absolute URL.');
  const now = values.now !== undefined ? parseNow(values.now) : io.clock();
  const bytes = readFile(file);
  const config = loadConfig(io.env);
  const knowledge = await commandKnowledge(config, store);
  const bar = !values.json && io.stderr !== undefined && (io.stdout as { isTTY?: boolean }).isTTY ? progressBar(io.stderr, 'Reading') : undefined;
  const result = await addDocument(
    {
      bytes,
      fileName: basename(file),
      ...(values.insurer !== undefined ? { insurer: values.insurer } : {}),
      ...(values.sector !== undefined ? { sector: values.sector } : {}),
      ...(contractYear !== undefined ? { contractYear } : {}),
      ...(values.title !== undefined ? { title: values.title } : {}),
      ...(values.publisher !== undefined ? { publisher: values.publisher } : {}),
      url: values.url ?? null,
      ...(bar ? { onProgress: bar.update } : {}),
    },
    { knowledge, store: await store(), now },
  );
  bar?.stop();
  if (result.kind === 'error') throw new UsageError(`documents add: ${describeAddDocumentError(result.error)}`);
  const { document } = result;
  const proposals = result.items.filter((i) => i.status === 'proposed');
  if (values.json) {
    io.stdout.write(
      JSON.stringify({
        id: document.id,
        title: document.title,
        insurer: document.insurer,
        sector: document.sector,
        contractYear: document.contractYear,
        replaced: result.replaced,
        sections: result.sections,
        passages: result.passages,
        kept: result.kept,
        proposals: proposals.map(itemJson),
      }) + '\n',
    );
    return 0;
  }
  const lines = [
    `${result.replaced ? 'Replaced' : 'Added'} document ${document.id}: ${document.title} (${document.insurer ?? 'sector-wide'}, ${document.sector}, contract year ${document.contractYear ?? '-'})`,
    `${result.sections} sections, ${result.passages} passages${result.kept > 0 ? `, ${result.kept} confirmed dates kept from the replaced version` : ''}.`,
    proposals.length === 0 ? 'No dates or rules proposed.' : `Proposed (not used for deadlines until confirmed; "contractbot milestones accept --document ${document.id} --all" confirms all):`,
    ...proposals.map((p) => describeItem(p)),
  ];
  io.stdout.write(lines.join('\n') + '\n');
  return 0;
}

async function list(args: string[], io: CliIo, store: () => Promise<Store>): Promise<number> {
  const { values } = parseCommandArgs('documents list', args, { json: { type: 'boolean', default: false } }, false);
  const config = loadConfig(io.env);
  const knowledge = await commandKnowledge(config, store);
  const items = knowledge.documents.length > 5 || knowledge.documents.some((d) => d.origin === 'upload') ? await (await store()).listKnowledgeItems() : [];
  const rows = knowledge.documents.map((d) => {
    const mine = items.filter((i) => i.documentId === d.id);
    return {
      id: d.id,
      title: d.title,
      insurer: d.insurer,
      sector: d.sector,
      contractYear: d.contractYear,
      origin: d.origin,
      proposed: mine.filter((i) => i.status === 'proposed').length,
      confirmed: d.origin === 'bundle' ? knowledge.milestones.filter((m) => m.documentId === d.id).length : mine.filter((i) => i.status === 'confirmed').length,
    };
  });
  if (values.json) io.stdout.write(JSON.stringify(rows, null, 2) + '\n');
  else
    io.stdout.write(
      rows.map((r) => `${r.id}  ${r.insurer ?? 'sector-wide'}  ${r.sector}  ${r.contractYear ?? '-'}  ${r.origin}  ${r.confirmed} confirmed, ${r.proposed} proposed  ${r.title}`).join('\n') + '\n',
    );
  return 0;
}

function oneId(command: string, positionals: readonly string[]): string {
  const [id, extra] = positionals;
  if (!id || extra !== undefined) throw new UsageError(`${command}: give exactly one document id (see "contractbot documents list").`);
  return id.trim();
}

async function show(args: string[], io: CliIo, store: () => Promise<Store>): Promise<number> {
  const { values, positionals } = parseCommandArgs('documents show', args, { json: { type: 'boolean', default: false } });
  const id = oneId('documents show', positionals);
  const config = loadConfig(io.env);
  const knowledge = await commandKnowledge(config, store);
  const doc = knowledge.document(id);
  if (!doc) throw new UsageError(`documents show: no document with id "${id.slice(0, 60)}".`);
  const items = doc.origin === 'upload' ? await (await store()).listKnowledgeItems({ documentId: id }) : [];
  const sections = knowledge.cleaned(id).sections.filter((s) => s.path.length > 0).map((s) => s.path.join(' › '));
  if (values.json) {
    io.stdout.write(JSON.stringify({ ...doc, sections, items: items.map((i) => ({ ...itemJson(i), status: i.status })) }, null, 2) + '\n');
    return 0;
  }
  const lines = [
    `${doc.id}: ${doc.title}`,
    `Publisher: ${doc.publisher}; insurer: ${doc.insurer ?? 'sector-wide'}; sector: ${doc.sector}; contract year: ${doc.contractYear ?? '-'}; from: ${doc.origin === 'upload' ? 'uploaded' : 'shipped'}`,
    `Sections (${sections.length}):`,
    ...sections.slice(0, 200).map((s) => `  ${s}`),
    ...(items.length > 0 ? ['Dates and rules:', ...items.map((i) => `${describeItem(i)}  [${i.status}]`)] : []),
  ];
  io.stdout.write(lines.join('\n') + '\n');
  return 0;
}

async function remove(args: string[], io: CliIo, store: () => Promise<Store>): Promise<number> {
  const { values, positionals } = parseCommandArgs('documents remove', args, { now: { type: 'string' } });
  const id = oneId('documents remove', positionals);
  const now = values.now !== undefined ? parseNow(values.now) : io.clock();
  if (!(await (await store()).removeDocument(id, now))) {
    throw new UsageError(`documents remove: no uploaded document with id "${id.slice(0, 60)}" (shipped documents cannot be removed).`);
  }
  io.stdout.write(`Removed document ${id} with its dates and rules.\n`);
  return 0;
}
