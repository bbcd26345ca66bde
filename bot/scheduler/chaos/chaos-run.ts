import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { REMINDER_EVENT_TYPE } from '../../../adapters/slack/post-messages.js';
import { startSlackStandIn } from '../../../adapters/slack/test-support/slack-stand-in.js';
import type { Actor, Milestone } from '../../../knowledge/milestones/milestone.js';
import { openStore } from '../../storage/open-store.js';
import { datedMilestone } from '../test-support/test-milestones.js';

const CHILD = fileURLToPath(new URL('./chaos-process.ts', import.meta.url));
const VITE_NODE = fileURLToPath(new URL('../../../node_modules/vite-node/vite-node.mjs', import.meta.url));

export interface ChaosOptions {
  /** A fresh, empty database both replicas open. */
  readonly databaseUrl: string;
  readonly conversations: number;
  /** Distinct deadlines (milestones on 1 April 2027) each conversation is reminded of, 1–8. */
  readonly deadlines: number;
  /** Every n-th conversation has a second, overlapping subscription (one message per deadline still). */
  readonly doubleEvery: number;
  /** Rounds in which each replica kills itself (SIGKILL) right after a random accepted post. */
  readonly killRounds: number;
  /** Share of posts the stand-in accepts but answers after the client timeout. */
  readonly lateShare: number;
  /** The replicas' clock difference. */
  readonly skewMs: number;
  readonly leaseMs?: number;
  readonly clientTimeoutMs?: number;
  readonly maxRounds?: number;
}

export interface ChaosReport {
  readonly occurrences: number;
  readonly messages: number;
  readonly duplicates: number;
  readonly missed: number;
  readonly kills: number;
  readonly lateAnswers: number;
  /** Claims completed because their earlier attempt was found in the history. */
  readonly recovered: number;
  /** Sends that ended unknown (timeouts). */
  readonly unknown: number;
  readonly rounds: number;
  readonly passes: number;
  readonly durationMs: number;
}

const ACTORS: readonly Actor[] = ['zorgaanbieder', 'zorgverzekeraar', 'NZa', 'zorgaanbieder en zorgverzekeraar'];

/** The test deadlines: one date, distinct actor/sector pairs so each is its own reminder. */
export function chaosMilestones(count: number): Milestone[] {
  return Array.from({ length: count }, (_, i) => datedMilestone(`chaos-${i}`, '2027-04-01', { actor: ACTORS[i % 4] as Actor, sector: i < 4 ? 'huisartsenzorg' : 'ggz' }));
}

/**
 * Two scheduler replicas (separate processes, clocks `skewMs` apart) deliver `conversations ×
 * deadlines` Slack reminders through the real Slack adapter to the stand-in, which answers
 * `lateShare` of the posts after the client timeout, while in the first `killRounds` rounds each
 * replica kills itself right after a random accepted post (before the commit). Rounds repeat until
 * every delivery is final. Counts the stand-in's reminder messages per claim id.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const started = Date.now();
  const leaseMs = options.leaseMs ?? 3000;
  const timeoutMs = options.clientTimeoutMs ?? 300;
  const t0 = new Date('2027-03-25T12:00:00+01:00');
  const milestones = chaosMilestones(options.deadlines);
  const store = await openStore(options.databaseUrl);
  const standIn = await startSlackStandIn();
  let lateAnswers = 0;
  standIn.postLatency = () => (Math.random() < options.lateShare ? (lateAnswers++, timeoutMs + 300) : 0);
  try {
    const channels = Array.from({ length: options.conversations }, (_, i) => `C${String(i).padStart(6, '0')}`);
    for (const [i, channel] of channels.entries()) {
      const address = { platform: 'slack' as const, conversationId: channel };
      await store.addSubscription({ address, insurers: 'all', sectors: 'all', leadDays: [7], language: 'nl' }, new Date('2027-01-01T10:00:00Z'));
      if (i % options.doubleEvery === 0) await store.addSubscription({ address, insurers: 'all', sectors: 'all', leadDays: [14, 7], language: 'en' }, new Date('2027-01-02T10:00:00Z'));
    }
    const occurrences = channels.length * milestones.length;
    const env = { ...process.env, DATABASE_URL: options.databaseUrl, SLACK_API_URL: standIn.apiUrl, CHAOS_MILESTONES: JSON.stringify(milestones), CHAOS_T0: t0.toISOString(), CHAOS_STARTED_AT: String(started), CHAOS_LEASE_MS: String(leaseMs), CHAOS_TIMEOUT_MS: String(timeoutMs) };
    let kills = 0;
    let passes = 0;
    let recovered = 0;
    let unknown = 0;
    let rounds = 0;
    const maxRounds = options.maxRounds ?? options.killRounds + 6;
    const perReplica = Math.max(2, Math.floor(occurrences / 8));
    for (rounds = 1; rounds <= maxRounds; rounds++) {
      const replicas = [0, options.skewMs].map((skew) => {
        const kill = rounds <= options.killRounds ? 1 + Math.floor(Math.random() * perReplica) : undefined;
        const child = spawn(process.execPath, [VITE_NODE, CHILD], { env: { ...env, CHAOS_SKEW_MS: String(skew), ...(kill ? { CHAOS_KILL_AFTER: String(kill) } : {}) }, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        child.stderr.on('data', (c: Buffer) => (err += c.toString()));
        const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
        return new Promise<{ signal: NodeJS.Signals | null; code: number | null; out: string; err: string }>((resolve) =>
          child.on('close', (code, signal) => (clearTimeout(timer), resolve({ code, signal, out, err }))),
        );
      });
      for (const r of await Promise.all(replicas)) {
        if (r.signal === 'SIGKILL') kills++;
        else if (r.code !== 0) throw new Error(`chaos replica exited with ${r.code}: ${r.err.slice(-2000)}`);
        for (const line of r.out.split('\n').filter((l) => l.startsWith('{'))) {
          const p = JSON.parse(line) as { recovered: number; unknown: number };
          passes++;
          recovered += p.recovered;
          unknown += p.unknown;
        }
      }
      const states = await store.listDeliveries({ fromDate: '2027-04-01', toDate: '2027-04-01' });
      if (rounds > options.killRounds && states.length === occurrences && states.every((s) => s.status === 'delivered' || s.status === 'failed')) break;
      // Killed replicas leave claims leased: the next round takes them over once the lease has run out.
      await new Promise((resolve) => setTimeout(resolve, leaseMs));
    }

    const states = await store.listDeliveries({ fromDate: '2027-04-01', toDate: '2027-04-01' });
    const tagged = standIn.allMessages().filter((m) => m.metadata?.event_type === REMINDER_EVENT_TYPE);
    const perClaim = new Map<string, number>();
    for (const m of tagged) {
      const id = String(m.metadata?.event_payload.claim_id);
      perClaim.set(id, (perClaim.get(id) ?? 0) + 1);
    }
    const claimIds = new Set(states.map((s) => s.claimId));
    const expectedKeys = new Set(channels.flatMap((c) => milestones.map((m) => `slack:${c}|${m.id}`)));
    const deliveredKeys = new Set(states.filter((s) => (perClaim.get(s.claimId) ?? 0) > 0).map((s) => `${s.conversation}|${s.milestoneId}`));
    let duplicates = 0;
    for (const [id, n] of perClaim) duplicates += claimIds.has(id) ? n - 1 : n;
    // Two deliveries (e.g. two leads) of one deadline to one conversation would also be a duplicate.
    duplicates += states.length - new Set(states.map((s) => `${s.conversation}|${s.milestoneId}`)).size;
    const missed = [...expectedKeys].filter((k) => !deliveredKeys.has(k)).length;
    return { occurrences, messages: tagged.length, duplicates, missed, kills, lateAnswers, recovered, unknown, rounds: Math.min(rounds, maxRounds), passes, durationMs: Date.now() - started };
  } finally {
    await standIn.close();
    await store.close();
  }
}
