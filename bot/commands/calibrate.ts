import { writeFileSync } from 'node:fs';
import { loadConfig } from '../config.js';
import { commandKnowledge } from '../command-knowledge.js';
import { lazyStore } from '../create-context.js';
import { relative, resolve } from 'node:path';
import { knowledgePath, projectRoot } from '../../knowledge/paths.js';
import type { Command } from '../cli-io.js';
import { UsageError } from '../config-error.js';
import { silentLogger } from '../logger.js';
import { parseCommandArgs } from '../parse-args.js';
import { parseNow } from '../parse-now.js';

/** The rule before calibration (a coverage threshold set on 8 questions), reported for comparison. */
const PREVIOUS_RULE = {
  noneBelowCoverage: 0.2,
  answerCoverage: 0.5,
  standoutCoverage: 1,
  maxScoreRatio: 0,
  maxAbsentShare: 0,
  furtherMinCoverage: 0.4,
  furtherMinScoreRatio: 0.3,
} as const;

const percent = (n: number, total: number) => `${n}/${total} (${total > 0 ? Math.round((n / total) * 1000) / 10 : 0}%)`;

/**
 * `contractbot calibrate [--file F] [--write] [--json] [--now DATE]` (`npm run calibrate`): runs the
 * evidence calibration set (knowledge/eval/evidence-questions.json) through the question handler's
 * search, scores every candidate evidence rule (in-domain answered with the right document and a
 * phrase shown; out-of-domain hedged or "nothing found"), and prints the shipped, the previous and
 * the best rules. `--write` stores the best rule in knowledge/data/evidence-rule.json and the
 * figures in knowledge/eval/evidence-calibration.json (the floors the regression test holds).
 */
export const calibrateCommand: Command = async (args, io) => {
  const { values } = parseCommandArgs(
    'calibrate',
    args,
    { file: { type: 'string' }, write: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, now: { type: 'string', default: '2026-11-23' } },
    false,
  );
  const now = parseNow(values.now);
  const file = resolve(values.file ?? knowledgePath('eval', 'evidence-questions.json'));
  const { loadEvidenceSet, collectEvidence, scoreRule, calibrateEvidence } = await import('../eval/calibrate-evidence.js');
  const { loadEvidenceRule } = await import('../../knowledge/search/evidence-rule.js');
  let set;
  try {
    set = loadEvidenceSet(file);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UsageError(`calibrate: cannot use ${file}: ${message}`);
  }
  const shipped = loadEvidenceRule();
  const config = loadConfig(io.env);
  const store = lazyStore(config.databaseUrl);
  const knowledge = await commandKnowledge(config, store.get).finally(() => store.close());
  const context = {
    now,
    knowledge,
    holidays: { goodFriday: false, liberationDay: false },
    store: () => Promise.reject(new Error('calibration uses no store')),
    log: silentLogger,
  };
  const { ranked, heldOut } = await calibrateEvidence(set, context, shipped);
  const best = ranked[0];
  if (!best) throw new UsageError('calibrate: no candidate rules.');
  const report = {
    set: relative(projectRoot(), file),
    questions: { inDomain: set.inDomain.length, outOfDomain: set.outOfDomain.length },
    shipped: { rule: shipped, figures: scoreRule(await collectEvidence(set, context, shipped), shipped) },
    previous: { rule: PREVIOUS_RULE, figures: scoreRule(await collectEvidence(set, context, PREVIOUS_RULE), PREVIOUS_RULE) },
    best,
    heldOut,
    runnersUp: ranked.slice(1, 6),
  };

  if (values.write) {
    const f = best.figures;
    writeFileSync(
      knowledgePath('data', 'evidence-rule.json'),
      JSON.stringify(
        {
          note: `When the documents answer a question (knowledge/search/evidence-rule.ts). Chosen by \`npm run calibrate -- --write\` on ${report.set} (${f.inDomainTotal} in-domain, ${f.outOfDomainTotal} out-of-domain questions); figures in knowledge/eval/evidence-calibration.json.`,
          rule: best.rule,
        },
        null,
        2,
      ) + '\n',
    );
    writeFileSync(
      knowledgePath('eval', 'evidence-calibration.json'),
      JSON.stringify(
        {
          note: 'Written by `npm run calibrate -- --write`. figures: how the chosen rule does on the set (inDomainRight = answered with the right document among the first three sources and a phrase in the text or their snippets; outOfDomainHedgedOrNothing = hedged or "nothing found"). floors: what bot/eval/evidence-questions.test.ts requires of the shipped rule.',
          set: report.set,
          rule: best.rule,
          figures: f,
          previous: report.previous,
          heldOut,
          floors: { inDomainRight: f.inDomainRight, outOfDomainHedgedOrNothing: f.outOfDomainHedgedOrNothing },
          runnersUp: report.runnersUp,
        },
        null,
        2,
      ) + '\n',
    );
  }

  if (values.json) {
    io.stdout.write(JSON.stringify(report) + '\n');
    return 0;
  }
  const line = (label: string, r: { rule: object | string; figures: ReturnType<typeof scoreRule> }) => {
    const f = r.figures;
    return [
      `${label}: ${typeof r.rule === 'string' ? r.rule : JSON.stringify(r.rule)}`,
      `    in-domain right (doc in top 3 and a phrase shown): ${percent(f.inDomainRight, f.inDomainTotal)}; hedged ${f.inDomainHedged} (of which the passages hold the answer: ${f.inDomainHedgedWithAnswer}); nothing found ${f.inDomainNothing}`,
      `    out-of-domain hedged or nothing found: ${percent(f.outOfDomainHedgedOrNothing, f.outOfDomainTotal)} (nothing found ${f.outOfDomainNothing})`,
    ].join('\n');
  };
  io.stdout.write(
    [
      `Evidence calibration: ${report.set} (${set.inDomain.length} in-domain, ${set.outOfDomain.length} out-of-domain)`,
      '',
      line('shipped', report.shipped),
      line('previous', report.previous),
      line('best', best),
      line('held out', { rule: 'a rule chosen on one half of the set (even or odd position), scored on the other half, both ways summed', figures: heldOut }),
      ...report.runnersUp.map((r, i) => line(`runner-up ${i + 1}`, r)),
      values.write ? '\nWrote knowledge/data/evidence-rule.json and knowledge/eval/evidence-calibration.json.' : '',
    ].join('\n') + '\n',
  );
  return 0;
};
