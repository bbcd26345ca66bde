import { afterEach, describe, expect, it } from 'vitest';
import { describeFile } from '../test-support/describe-file.js';
import type { IncomingMessage } from '../../handlers/types.js';
import { eventEnvelope, postSigned } from './test-support/signed-request.js';
import { BOT_TOKEN, SIGNING_SECRET, startSlackHarness, type SlackHarness } from './test-support/slack-harness.js';
import type { SlackFileObject } from './test-support/slack-stand-in.js';

/** The bot's answer to the upload (the DM's one-time welcome comes first). */
function answer(h: SlackHarness) {
  return h.standIn.waitFor((c) => c.method === 'chat.postMessage' && !String(c.args.text).includes('app.welcome'));
}

/** What the core received apart from the welcome. */
function uploads(h: SlackHarness): IncomingMessage[] {
  return h.received.filter((m) => m.action?.id !== 'app.welcome');
}

function fileShare(file: Partial<SlackFileObject> & { id: string }, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    subtype: 'file_share',
    channel_type: 'im',
    channel: 'D0ADMIN',
    user: 'U0ADMIN',
    text: '',
    ts: `1715500000.${Math.floor(Math.random() * 1e6).toString().padStart(6, '0')}`,
    upload: true,
    files: [file],
    ...over,
  };
}

describe('Slack file_share in a DM (real Bolt over HTTP, stand-in files.slack.com)', () => {
  let h: SlackHarness;
  afterEach(async () => {
    await h?.close();
  });

  it('downloads url_private_download with the bot token and hands the bytes to the core', async () => {
    h = await startSlackHarness({ handle: (m) => describeFile(m) });
    const file = h.standIn.addFile({ id: 'F0POLICY', name: 'beleid 2027.pdf', mimetype: 'application/pdf', bytes: Buffer.from('%PDF-1.7 policy bytes') });
    const res = await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'json', value: eventEnvelope('EvFile1', fileShare(file, { text: 'CZ 2027' })) });
    expect(res.status).toBe(200);
    const post = await answer(h);
    expect(post.args.channel).toBe('D0ADMIN');
    expect(String(post.args.text)).toBe('file beleid 2027.pdf 21 bytes application/pdf «%PDF-1.7 policy byte»');
    const download = h.standIn.callsTo('file.download');
    expect(download).toHaveLength(1);
    expect(download[0]?.path).toBe('/files-pri/T0001-F0POLICY/download/beleid%202027.pdf');
    expect(download[0]?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(uploads(h)[0]).toMatchObject({ text: 'CZ 2027', address: { platform: 'slack', conversationId: 'D0ADMIN', userId: 'U0ADMIN' } });
    expect(h.logLines.join('\n')).not.toContain(BOT_TOKEN);
  });

  it('refuses a file whose declared size is over 50 MB without downloading it', async () => {
    h = await startSlackHarness({ handle: (m) => describeFile(m) });
    const file = h.standIn.addFile({ id: 'F0HUGE', name: 'huge.pdf', mimetype: 'application/pdf', bytes: Buffer.from('%PDF'), size: 50 * 1024 * 1024 + 1 });
    await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'json', value: eventEnvelope('EvFile2', fileShare(file)) });
    const post = await answer(h);
    expect(String(post.args.text)).toBe('not fetched: too-large huge.pdf');
    expect(h.standIn.callsTo('file.download')).toHaveLength(0);
  });

  it("treats Slack's sign-in page (a token Slack does not accept) as a failed download", async () => {
    h = await startSlackHarness({ handle: (m) => describeFile(m) });
    h.standIn.fileToken = 'xoxb-some-other-token';
    const file = h.standIn.addFile({ id: 'F0DENIED', name: 'beleid.pdf', mimetype: 'application/pdf', bytes: Buffer.from('%PDF-1.7') });
    await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'json', value: eventEnvelope('EvFile3', fileShare(file)) });
    const post = await answer(h);
    expect(String(post.args.text)).toBe('not fetched: failed beleid.pdf');
    expect(h.logLines.some((l) => l.includes('files:read'))).toBe(true);
  });

  it('looks a Slack Connect file (file_access: check_file_info) up with files.info first', async () => {
    h = await startSlackHarness({ handle: (m) => describeFile(m) });
    h.standIn.addFile({ id: 'F0CONNECT', name: 'beleid.txt', mimetype: 'text/plain', bytes: Buffer.from('Inkoopbeleid 2027') });
    await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'json', value: eventEnvelope('EvFile4', fileShare({ id: 'F0CONNECT', file_access: 'check_file_info' } as never)) });
    const post = await answer(h);
    expect(String(post.args.text)).toBe('file beleid.txt 17 bytes text/plain «Inkoopbeleid 2027»');
    expect(h.standIn.callsTo('files.info')[0]?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
  });

  it('never sends the bot token to a URL outside Slack, and ignores files shared in channels', async () => {
    h = await startSlackHarness({ handle: (m) => describeFile(m) });
    const foreign = { id: 'F0EVIL', name: 'x.pdf', mimetype: 'application/pdf', size: 10, url_private_download: 'https://evil.example/steal' };
    await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'json', value: eventEnvelope('EvFile5', fileShare(foreign)) });
    const post = await answer(h);
    expect(String(post.args.text)).toBe('not fetched: failed x.pdf');

    const file = h.standIn.addFile({ id: 'F0CHAN', name: 'c.pdf', mimetype: 'application/pdf', bytes: Buffer.from('%PDF') });
    await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'json', value: eventEnvelope('EvFile6', fileShare(file, { channel_type: 'channel', channel: 'C0PLANNING' })) });
    await h.part.idle();
    expect(h.standIn.callsTo('file.download')).toHaveLength(0);
    expect(uploads(h)).toHaveLength(1);
  });
});
