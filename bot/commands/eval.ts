import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { knowledgePath, projectRoot } from '../../knowledge/paths.js';
import type { Command } from '../cli-io.js';
import { UsageError } from '../config-error.js';
import { checkAnswer, type CheckResult } from '../eval/check-answer.js';
import { checkConversation } from '../eval/check-conversation.js';
import { evalConversationFileSchema, evalFileSchema, type EvalConversationFile, type EvalFile } from '../eval/eval-question.js';
import { mapLimit, runAsk } from '../eval/run-ask.js';
import { parseCommandArgs } from '../parse-args.js';

const targetsSchema = z.object({ note: z.string().optional(), targets: z.record(z.number().min(0).max(1)) });

function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`eval: cannot read ${what} ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`eval: ${what} ${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`eval: ${what} is invalid at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'unknown problem'}.`);
  }
  return parsed.data;
}

/** One evaluated case: a single question, or a conversation whose every turn must pass. */
interface Row {
  readonly id: string;
  readonly cat: string;
  /** What is shown for a failed case (the question, or the turns). */
  readonly label: string;
  readonly turns: readonly CheckResult[];
  readonly pass: boolean;
}

interface SetResult {
  readonly file: string;
  readonly ok: boolean;
  readonly rows: readonly Row[];
  readonly summary: readonly { category: string; passed: number; total: number; fraction: number; target: number; ok: boolean }[];
}

function summarise(file: string, rows: readonly Row[], targets: Record<string, number>): SetResult {
  const categories = [...new Set(rows.map((r) => r.cat))];
  const summary = categories.map((cat) => {
    const inCat = rows.filter((r) => r.cat === cat);
    const passed = inCat.filter((r) => r.pass).length;
    const target = targets[cat] ?? 1;
    return { category: cat, passed, total: inCat.length, fraction: passed / inCat.length, target, ok: passed / inCat.length >= target };
  });
  return { file, ok: summary.every((s) => s.ok), rows, summary };
}

function printSet(title: string, set: SetResult): string[] {
  const pad = (s: string, n: number) => s.padEnd(n);
  const passedAll = set.rows.filter((r) => r.pass).length;
  const lines = [`${title}: ${set.file}`, '', `${pad('category', 14)} ${pad('passed', 8)} ${pad('share', 7)} ${pad('target', 7)} result`];
  for (const s of set.summary) {
    lines.push(`${pad(s.category, 14)} ${pad(`${s.passed}/${s.total}`, 8)} ${pad(`${Math.round(s.fraction * 100)}%`, 7)} ${pad(`${Math.round(s.target * 100)}%`, 7)} ${s.ok ? 'ok' : 'BELOW TARGET'}`);
  }
  lines.push(`${pad('overall', 14)} ${pad(`${passedAll}/${set.rows.length}`, 8)} ${pad(`${Math.round((passedAll / set.rows.length) * 100)}%`, 7)}`);
  const failed = set.rows.filter((r) => !r.pass);
  if (failed.length > 0) {
    lines.push('', 'Failed:');
    for (const r of failed) {
      lines.push(`  ${r.id} [${r.cat}] ${r.label.slice(0, 100)}`);
      r.turns.forEach((t, i) => lines.push(...t.failures.map((f) => `      - ${r.turns.length > 1 ? `turn ${i + 1}: ` : ''}${f}`)));
    }
  }
  return lines;
}

/**
 * `contractbot eval [--file F] [--conversations F] [--json] [--concurrency N]` (`npm run eval`):
 * asks every question of the question file and every conversation of the conversation file
 * through `contractbot ask --json` (a child process per turn, a few cases in parallel), each case
 * in a fresh conversation address so no case sees another's memory; a conversation's turns go in
 * order to one address. Applies the rules of the files' notes, prints per-category and overall
 * figures for both sets, and exits 1 when a category passes less than its target
 * (knowledge/data/eval-targets.json; conversations count per case, all turns must pass).
 * With `--file` or `--conversations` only the set(s) named run; with neither, both dev sets.
 */
export const evalCommand: Command = async (args, io) => {
  const { values } = parseCommandArgs(
    'eval',
    args,
    {
      file: { type: 'string' },
      conversations: { type: 'string' },
      json: { type: 'boolean', default: false },
      concurrency: { type: 'string', default: '3' },
    },
    false,
  );
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16) throw new UsageError('eval: --concurrency must be a whole number from 1 to 16.');
  const shared = join(projectRoot(), '..', 'shared', 'eval');
  // No file named: both dev sets. A file named: only the set(s) named.
  const both = values.file === undefined && values.conversations === undefined;
  const file = values.file !== undefined || both ? resolve(values.file ?? join(shared, 'dev-questions.json')) : undefined;
  const conversationsFile = values.conversations !== undefined || both ? resolve(values.conversations ?? join(shared, 'dev-conversations.json')) : undefined;
  const evalFile: EvalFile | undefined = file ? parseWith(evalFileSchema, readJson(file, 'question file'), `question file ${file}`) : undefined;
  const conversations: EvalConversationFile | undefined = conversationsFile
    ? parseWith(evalConversationFileSchema, readJson(conversationsFile, 'conversation file'), `conversation file ${conversationsFile}`)
    : undefined;
  const { targets } = parseWith(targetsSchema, readJson(knowledgePath('data', 'eval-targets.json'), 'targets file'), 'knowledge/data/eval-targets.json');
  const bin = join(projectRoot(), 'bin', 'contractbot.js');
  // A fresh address per case and run: memory from an earlier case or run never leaks in.
  const run = randomBytes(4).toString('hex');

  const questionRows: Row[] = await mapLimit(evalFile?.questions ?? [], concurrency, async (question) => {
    const result = checkAnswer(question, await runAsk(bin, question.q, question.now ?? evalFile?.now ?? '', io.env, `local:eval-${run}-q-${question.id}`));
    return { id: question.id, cat: question.cat, label: question.q, turns: [result], pass: result.pass };
  });
  const conversationRows: Row[] = await mapLimit(conversations?.conversations ?? [], concurrency, async (conversation) => {
    const address = `local:eval-${run}-c-${conversation.id}`;
    const { turns, pass } = await checkConversation(conversation, conversations?.now ?? '', address, (q, now, at) => runAsk(bin, q, now, io.env, at));
    return {
      id: conversation.id,
      cat: conversation.cat ?? 'conversation',
      label: conversation.turns.map((t) => t.q).join(' → '),
      turns,
      pass,
    };
  });
  const sets = {
    questions: file ? summarise(file, questionRows, targets) : undefined,
    conversations: conversationsFile ? summarise(conversationsFile, conversationRows, targets) : undefined,
  };
  const ok = (sets.questions?.ok ?? true) && (sets.conversations?.ok ?? true);

  if (values.json) {
    const jsonOf = (set: SetResult | undefined) =>
      set && {
        file: set.file,
        ok: set.ok,
        overall: { passed: set.rows.filter((r) => r.pass).length, total: set.rows.length },
        categories: set.summary,
        cases: set.rows.map((r) => ({ id: r.id, cat: r.cat, pass: r.pass, turns: r.turns.map((t) => ({ pass: t.pass, failures: t.failures })) })),
      };
    io.stdout.write(JSON.stringify({ ok, questions: jsonOf(sets.questions), conversations: jsonOf(sets.conversations) }) + '\n');
    return ok ? 0 : 1;
  }
  const printed = [sets.questions && printSet('Questions', sets.questions), sets.conversations && printSet('Conversations', sets.conversations)];
  io.stdout.write(printed.filter((lines): lines is string[] => lines !== undefined).map((lines) => lines.join('\n')).join('\n\n') + '\n');
  return ok ? 0 : 1;
};
