import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPolicyPdf, programBytes } from '../../knowledge/ingest/extract/test-support/policy-files.js';
import { runCliInProcess } from '../test-support/run-cli-in-process.js';

const INSURER = 'Zorgverzekeraar Noorderlicht';

async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'cb-docs-'));
  const env = { DATABASE_URL: `file:${join(dir, 'bot.db')}` };
  const pdf = join(dir, 'noorderlicht-ggz-2027.pdf');
  writeFileSync(pdf, await buildPolicyPdf({ insurer: INSURER, contractYear: 2027 }));
  const cli = (...argv: string[]) => runCliInProcess(argv, { env });
  return { dir, env, pdf, cli };
}

describe('contractbot documents and milestones', () => {
  it('an insurer the product never heard of: add, confirm, ask, remind, calendar, remove', async () => {
    const { pdf, cli } = await setup();
    const added = await cli('documents', 'add', pdf, '--insurer', INSURER, '--sector', 'ggz', '--json', '--now', '2026-04-02');
    expect(added.err).toBe('');
    expect(added.code).toBe(0);
    const json = JSON.parse(added.out) as { id: string; insurer: string; contractYear: number; sections: number; passages: number; proposals: { id: string; date: string | null; kind: string; quote: string; page: number | null }[] };
    expect(json).toMatchObject({ insurer: INSURER, contractYear: 2027 });
    expect(json.sections).toBeGreaterThan(2);
    const signing = json.proposals.find((p) => p.date === '2026-11-12');
    expect(signing?.quote).toContain('ondertekening');
    expect(signing?.page).toBe(2);
    expect(json.proposals.some((p) => p.kind === 'rule' && p.quote.includes('10 werkdagen'))).toBe(true);

    // A proposal is not a fact: the deadline answer does not use it yet.
    const before = JSON.parse((await cli('ask', '--json', '--now', '2026-10-01', `When must I sign with ${INSURER}?`)).out) as { deadlines: { date: string }[] };
    expect(before.deadlines.map((d) => d.date)).not.toContain('2026-11-12');

    const accepted = await cli('milestones', 'accept', '--document', json.id, '--all');
    expect(accepted.code).toBe(0);
    expect(accepted.out).toContain('Confirmed');
    expect(JSON.parse((await cli('milestones', 'review', '--document', json.id, '--json')).out)).toEqual([]);

    const answer = JSON.parse((await cli('ask', '--json', '--now', '2026-10-01', `When must I sign with ${INSURER}?`)).out) as {
      text: string;
      deadlines: { date: string; status: string; quote?: string; insurer: string | null }[];
    };
    expect(answer.deadlines[0]).toMatchObject({ date: '2026-11-12', status: 'upcoming', insurer: INSURER });
    expect(answer.text).toContain('ondertekening');

    expect((await cli('remind', 'add', '--channel', 'local:team', '--insurer', INSURER, '--lead', '7', '--now', '2026-10-01')).code).toBe(0);
    const due = await cli('remind', 'run-due', '--now', '2026-11-05T09:30:00+01:00', '--json');
    expect(due.code).toBe(0);
    const delivered = JSON.parse(due.out) as { milestoneId: string; date: string; leadDays: number }[];
    expect(delivered.some((d) => d.date === '2026-11-12' && d.leadDays === 7)).toBe(true);

    const ics = (await cli('calendar', '--insurer', INSURER, '--now', '2026-10-01')).out;
    expect(ics).toContain('DTSTART;VALUE=DATE:20261112');

    const removed = await cli('documents', 'remove', json.id);
    expect(removed.code).toBe(0);
    const after = JSON.parse((await cli('ask', '--json', '--now', '2026-10-01', `When must I sign with ${INSURER}?`)).out) as { deadlines: { date: string }[] };
    expect(after.deadlines.map((d) => d.date)).not.toContain('2026-11-12');
    expect((await cli('calendar', '--insurer', INSURER, '--now', '2026-10-01')).out).not.toContain('20261112');
    expect((await cli('documents', 'list', '--json')).out).not.toContain(json.id);
  });

  it('a Zorg en Zekerheid policy for 2027 beside the 2024 one answers by season', async () => {
    const { pdf, cli } = await setup();
    const added = await cli('documents', 'add', pdf, '--insurer', 'Zorg en Zekerheid', '--sector', 'ggz', '--contract-year', '2027', '--json');
    expect(added.code).toBe(0);
    const { id } = JSON.parse(added.out) as { id: string };
    expect((await cli('milestones', 'accept', '--document', id, '--all')).code).toBe(0);
    const in2026 = JSON.parse((await cli('ask', '--json', '--now', '2026-10-01', 'Wanneer moet ik tekenen bij Zorg en Zekerheid?')).out) as { deadlines: { date: string; status: string }[] };
    expect(in2026.deadlines[0]).toMatchObject({ date: '2026-11-12', status: 'upcoming' });
    const in2023 = JSON.parse((await cli('ask', '--json', '--now', '2023-10-15', 'Wanneer moet ik tekenen bij Zorg en Zekerheid?')).out) as { deadlines: { date: string; status: string }[] };
    expect(in2023.deadlines[0]).toMatchObject({ date: '2023-11-09', status: 'upcoming' });
    const asked = JSON.parse((await cli('ask', '--json', '--now', '2026-10-01', 'Wanneer moet ik tekenen bij Zorg en Zekerheid voor 2024?')).out) as { deadlines: { date: string }[] };
    expect(asked.deadlines[0]?.date).toBe('2023-11-09');
  });

  it('re-adding the same policy replaces it and keeps the confirmed dates still in its text', async () => {
    const { pdf, cli } = await setup();
    const first = JSON.parse((await cli('documents', 'add', pdf, '--insurer', INSURER, '--json')).out) as { id: string; proposals: { id: string; date: string | null }[] };
    const sign = first.proposals.find((p) => p.date === '2026-11-12');
    expect(sign).toBeDefined();
    expect((await cli('milestones', 'accept', sign?.id ?? '')).code).toBe(0);
    const second = JSON.parse((await cli('documents', 'add', pdf, '--insurer', INSURER, '--json')).out) as { id: string; replaced: boolean; kept: number; proposals: { date: string | null }[] };
    expect(second).toMatchObject({ id: first.id, replaced: true, kept: 1 });
    expect(second.proposals.map((p) => p.date)).not.toContain('2026-11-12');
    const list = JSON.parse((await cli('documents', 'list', '--json')).out) as { id: string; confirmed: number }[];
    expect(list.find((d) => d.id === first.id)?.confirmed).toBe(1);
  });

  it('bad files and bad arguments: one line, exit 2, nothing stored', async () => {
    const { dir, cli } = await setup();
    const fake = join(dir, 'policy.pdf');
    writeFileSync(fake, programBytes());
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    for (const argv of [
      ['documents', 'add', fake, '--insurer', INSURER],
      ['documents', 'add', empty, '--insurer', INSURER],
      ['documents', 'add', join(dir, 'missing.pdf'), '--insurer', INSURER],
      ['documents', 'add'],
      ['documents', 'add', fake, '--contract-year', 'soon'],
      ['documents', 'remove', 'zz-ggz-2024'],
      ['documents', 'frobnicate'],
      ['milestones', 'accept', 'nope'],
      ['milestones', 'accept', '--all'],
      ['milestones', 'edit', 'nope', '--date', '2027-02-30'],
    ]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err.trim().split('\n'), argv.join(' ')).toHaveLength(1);
      expect(r.err).not.toMatch(/at .*\.ts:\d+/);
    }
    const list = JSON.parse((await cli('documents', 'list', '--json')).out) as { origin: string }[];
    expect(list.filter((d) => d.origin === 'upload')).toEqual([]);
  });

  it('edits a proposal before confirming it', async () => {
    const { pdf, cli } = await setup();
    const added = JSON.parse((await cli('documents', 'add', pdf, '--insurer', INSURER, '--json')).out) as { proposals: { id: string; date: string | null }[] };
    const sign = added.proposals.find((p) => p.date === '2026-11-12');
    const edited = await cli('milestones', 'edit', sign?.id ?? '', '--date', '2026-11-13', '--actor', 'zorgaanbieder');
    expect(edited.code).toBe(0);
    expect(edited.out).toContain('2026-11-13');
    const review = JSON.parse((await cli('milestones', 'review', '--json')).out) as { id: string; date: string; actor: string }[];
    expect(review.find((r) => r.id === sign?.id)).toMatchObject({ date: '2026-11-13', actor: 'zorgaanbieder' });
  });
});
