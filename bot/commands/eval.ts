import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { knowledgePath, projectRoot } from '../../knowledge/paths.js';
import type { Command } from '../cli-io.js';
import { UsageError } from '../config-error.js';
import { checkAnswer, type CheckResult } from '../eval/check-answer.js';
import { evalFileSchema, type EvalFile, type EvalQuestion } from '../eval/eval-question.js';
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

interface Row {
  readonly question: EvalQuestion;
  readonly result: CheckResult;
}

/**
 * `contractbot eval [--file F] [--json] [--concurrency N]` (`npm run eval`): asks every question of
 * the evaluation file through `contractbot ask --json` (a child process per question, a few in
 * parallel), applies the rules of the file's note, prints a table per category and overall, and
 * exits 1 when a category passes less than its target (knowledge/data/eval-targets.json).
 */
export const evalCommand: Command = async (args, io) => {
  const { values } = parseCommandArgs(
    'eval',
    args,
    { file: { type: 'string' }, json: { type: 'boolean', default: false }, concurrency: { type: 'string', default: '3' } },
    false,
  );
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16) throw new UsageError('eval: --concurrency must be a whole number from 1 to 16.');
  const file = resolve(values.file ?? join(projectRoot(), '..', 'shared', 'eval', 'dev-questions.json'));
  const evalFile: EvalFile = parseWith(evalFileSchema, readJson(file, 'question file'), `question file ${file}`);
  const { targets } = parseWith(targetsSchema, readJson(knowledgePath('data', 'eval-targets.json'), 'targets file'), 'knowledge/data/eval-targets.json');
  const bin = join(projectRoot(), 'bin', 'contractbot.js');

  const rows: Row[] = await mapLimit(evalFile.questions, concurrency, async (question) => ({
    question,
    result: checkAnswer(question, await runAsk(bin, question.q, question.now ?? evalFile.now, io.env)),
  }));

  const categories = [...new Set(rows.map((r) => r.question.cat))];
  const summary = categories.map((cat) => {
    const inCat = rows.filter((r) => r.question.cat === cat);
    const passed = inCat.filter((r) => r.result.pass).length;
    const target = targets[cat] ?? 1;
    return { category: cat, passed, total: inCat.length, fraction: passed / inCat.length, target, ok: passed / inCat.length >= target };
  });
  const passedAll = rows.filter((r) => r.result.pass).length;
  const ok = summary.every((s) => s.ok);

  if (values.json) {
    io.stdout.write(
      JSON.stringify({
        file,
        ok,
        overall: { passed: passedAll, total: rows.length },
        categories: summary,
        questions: rows.map((r) => ({ id: r.question.id, cat: r.question.cat, pass: r.result.pass, failures: r.result.failures })),
      }) + '\n',
    );
    return ok ? 0 : 1;
  }

  const pad = (s: string, n: number) => s.padEnd(n);
  const lines = [`Evaluation: ${file}`, '', `${pad('category', 12)} ${pad('passed', 8)} ${pad('share', 7)} ${pad('target', 7)} result`];
  for (const s of summary) {
    lines.push(`${pad(s.category, 12)} ${pad(`${s.passed}/${s.total}`, 8)} ${pad(`${Math.round(s.fraction * 100)}%`, 7)} ${pad(`${Math.round(s.target * 100)}%`, 7)} ${s.ok ? 'ok' : 'BELOW TARGET'}`);
  }
  lines.push(`${pad('overall', 12)} ${pad(`${passedAll}/${rows.length}`, 8)} ${pad(`${Math.round((passedAll / rows.length) * 100)}%`, 7)}`);
  const failed = rows.filter((r) => !r.result.pass);
  if (failed.length > 0) {
    lines.push('', 'Failed:');
    for (const r of failed) lines.push(`  ${r.question.id} [${r.question.cat}] ${r.question.q.slice(0, 80)}`, ...r.result.failures.map((f) => `      - ${f}`));
  }
  io.stdout.write(lines.join('\n') + '\n');
  return ok ? 0 : 1;
};
