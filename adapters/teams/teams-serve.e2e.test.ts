import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../knowledge/paths.js';
import { startConnectorStandIn, type ConnectorStandIn } from './test-support/connector-stand-in.js';
import { BOT, teamsMessage } from './test-support/teams-harness.js';

const root = projectRoot();

describe('contractbot serve with TEAMS_EMULATOR=1 (spawned CLI, real core)', () => {
  let connector: ConnectorStandIn;
  let child: ChildProcess;
  let dir: string;
  let url = '';
  let stderr = '';

  beforeAll(async () => {
    connector = await startConnectorStandIn();
    dir = mkdtempSync(join(tmpdir(), 'teams-serve-'));
    child = spawn(process.execPath, [join(root, 'bin', 'contractbot.js'), 'serve', '--now', '2026-03-02'], {
      cwd: dir,
      env: { PATH: process.env.PATH, TEAMS_EMULATOR: '1', HOST: '127.0.0.1', PORT: '0', DATABASE_URL: `file:${join(dir, 'bot.db')}`, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr!.on('data', (c) => (stderr += String(c)));
    url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`serve did not start: ${stderr}`)), 30_000);
      child.stdout!.on('data', (c) => {
        out += String(c);
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(`${match[1]}/api/messages`);
        }
      });
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
    });
  }, 180_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await connector?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function ask(id: string, text: string): Promise<string> {
    const before = connector.calls.length;
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        teamsMessage({ serviceUrl: connector.serviceUrl, conversationId: `19:e2e-channel@thread.tacv2;messageid=${id}`, conversationType: 'channel', id, text, mention: true }),
      ),
    });
    expect(res.status).toBe(200);
    const calls = await connector.waitForCalls(before + 1);
    const call = calls[before]!;
    expect(call.conversationId).toBe(`19:e2e-channel@thread.tacv2;messageid=${id}`);
    expect(call.activityId).toBe(id); // answered in the thread of the message
    return JSON.stringify(call.body);
  }

  it('answers a mention with the signing date of Zorg en Zekerheid, without echoing the <at> markup', async () => {
    const body = await ask('1700000000101', `<at>${BOT.name}</at> when must I sign with Zorg en Zekerheid?`);
    expect(body).toContain('9 November 2023');
    expect(body).not.toContain('<at>');
  });

  it('returns the escalation checklist as an Adaptive Card', async () => {
    const body = JSON.parse(await ask('1700000000102', `<at>${BOT.name}</at> draft an escalation checklist for VGZ`));
    const card = body.attachments?.[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content.version).toBe('1.5');
    expect(JSON.stringify(card.content)).toContain('VGZ');
    expect(JSON.stringify(card.content)).toContain('Action.Submit');
  });

  it('ticks a checklist item from the card and updates the card in place', async () => {
    const before = connector.calls.length;
    const cardCall = connector.calls.findLast((c) => c.body.attachments?.[0]?.content?.type === 'AdaptiveCard' && JSON.stringify(c.body).includes('checklist.toggle'));
    expect(cardCall).toBeDefined();
    const submits: { data: { action: { id: string; value?: string } } }[] = [];
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (node && typeof node === 'object') {
        const record = node as Record<string, unknown>;
        if (record.type === 'Action.Submit') submits.push(record as never);
        Object.values(record).forEach(collect);
      }
    };
    collect(cardCall!.body.attachments[0].content);
    const tick = submits.find((s) => s.data.action.id === 'checklist.toggle');
    expect(tick).toBeDefined();
    const submit = teamsMessage({
      serviceUrl: connector.serviceUrl,
      conversationId: '19:e2e-channel@thread.tacv2;messageid=1700000000102',
      conversationType: 'channel',
      id: 'submit-e2e-1',
      value: tick!.data,
      replyToId: 'activity-' + cardCall!.seq,
    });
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(submit) });
    expect(res.status).toBe(200);
    const calls = await connector.waitForCalls(before + 1);
    const update = calls[before]!;
    expect(update.method).toBe('PUT');
    expect(update.activityId).toBe('activity-' + cardCall!.seq);
    const updated = JSON.stringify(update.body.attachments[0].content);
    expect(updated).toContain('✅');
    expect(updated).toMatch(/\(1\/\d+\)/);
  });
});
