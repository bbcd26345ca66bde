import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSigned } from './test-support/signed-request.js';
import { startSlackStandIn, type SlackStandIn } from './test-support/slack-stand-in.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SECRET = 'e2e-signing-secret-fedcba9876543210';
const TOKEN = 'xoxb-e2e-token-not-real';


describe('contractbot serve with Slack (spawned CLI, stand-in Slack API)', () => {
  let standIn: SlackStandIn;
  let child: ChildProcess;
  let baseUrl: string;
  let tmp: string;
  let output = '';

  beforeAll(async () => {
    standIn = await startSlackStandIn();
    tmp = mkdtempSync(join(tmpdir(), 'contractbot-slack-e2e-'));
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, TZ: process.env.TZ };
    Object.assign(env, {
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_API_URL: standIn.apiUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${join(tmp, 'e2e.db')}`,
      LOG_LEVEL: 'warn',
    });
    child = spawn(process.execPath, ['bin/contractbot.js', 'serve'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    baseUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 30_000);
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        const m = /listening on (http:\/\/[^\s:]+:\d+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
    });
  }, 180_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    await standIn?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('answers /contract when must I sign with Zorg en Zekerheid? with 9 November 2023 within 3 s', async () => {
    expect(standIn.callsTo('auth.test')).toHaveLength(1);
    const health = await fetch(`${baseUrl}/healthz`);
    expect(await health.json()).toMatchObject({ ok: true, parts: expect.arrayContaining(['slack']) });

    const form = {
      token: 'legacy',
      team_id: 'T0001',
      channel_id: 'C0PLANNING',
      channel_name: 'planning',
      user_id: 'U0ANNA',
      user_name: 'anna',
      command: '/contract',
      text: 'when must I sign with Zorg en Zekerheid?',
      api_app_id: 'A0001',
      response_url: standIn.responseUrl('e2e'),
      trigger_id: '1.2.3',
    };
    // The 3 seconds run from the moment the request is sent until the answer is at the response URL.
    const answered = standIn.waitFor((c) => c.path === '/response/e2e', 3000);
    const res = await postSigned(baseUrl, SECRET, { kind: 'form', value: form });
    expect(res.status).toBe(200);
    const answer = await answered;
    expect(String(answer.args.text)).toMatch(/9 November 2023/);
    expect(answer.args.response_type).toBe('in_channel');
    expect(JSON.stringify(answer.args.blocks)).toContain('9 November 2023');
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain(SECRET);
  });
});
