import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { describeFile } from '../test-support/describe-file.js';
import { channelSigner, LocalCredentialsFactory, OUTBOUND_TOKEN, TEST_APP_ID } from './test-support/channel-auth.js';
import { startConnectorStandIn, type ConnectorStandIn } from './test-support/connector-stand-in.js';
import { startTeamsHarness, teamsMessage, type TeamsHarness } from './test-support/teams-harness.js';
import { TEAMS_FILE_DOWNLOAD_INFO } from './teams-file.js';

const PERSONAL = 'a:1file-personal';

function downloadInfo(name: string, downloadUrl: string): Record<string, unknown> {
  return {
    contentType: TEAMS_FILE_DOWNLOAD_INFO,
    contentUrl: `https://contoso.sharepoint.com/personal/anna/Documents/Microsoft Teams Chat Files/${name}`,
    name,
    content: { downloadUrl, uniqueId: '1150D938-8870-4044-9F2C-5BBDEBA70C9D', fileType: name.split('.').pop(), etag: '123' },
  };
}

/** The text/html copy Teams adds to a message with a file. */
const HTML_COPY = { contentType: 'text/html', content: '<p>beleid</p>' };

describe('Teams file attachments in personal chat (CloudAdapter, emulator mode, stand-in connector)', () => {
  let connector: ConnectorStandIn;
  let harness: TeamsHarness;
  beforeAll(async () => {
    connector = await startConnectorStandIn();
    harness = await startTeamsHarness({ core: describeFile });
  });
  afterAll(async () => {
    await harness.close();
    await connector.close();
  });
  afterEach(() => {
    connector.calls.length = 0;
    connector.downloads.length = 0;
    harness.handled.length = 0;
  });

  it('downloads a Teams file from its pre-authenticated downloadUrl, without a token, and hands the bytes to the core', async () => {
    const { downloadUrl } = connector.addFile('policy-1', Buffer.from('%PDF-1.7 policy bytes'), 'application/pdf');
    const activity = teamsMessage({ serviceUrl: connector.serviceUrl, conversationId: PERSONAL, conversationType: 'personal', id: 'f-1', text: '', attachments: [downloadInfo('beleid 2027.pdf', downloadUrl), HTML_COPY] });
    expect((await harness.post(activity)).status).toBe(200);
    expect(connector.calls.map((c) => c.body.text)).toEqual(['file beleid 2027.pdf 21 bytes - «%PDF-1.7 policy byte»']);
    expect(connector.downloads).toHaveLength(1);
    expect(connector.downloads[0]?.path.startsWith('/download/policy-1?tempauth=')).toBe(true);
    expect(connector.downloads[0]?.authorization).toBeUndefined();
    expect(harness.handled[0]?.address).toEqual({ platform: 'teams', conversationId: PERSONAL, userId: 'aad-user-1' });
  });

  it('answers an expired or refused link with the failure action, and ignores files outside personal chat', async () => {
    const { downloadUrl } = connector.addFile('policy-2', Buffer.from('%PDF'));
    const expired = downloadUrl.replace(/tempauth=.*/, 'tempauth=expired');
    await harness.post(teamsMessage({ serviceUrl: connector.serviceUrl, conversationId: PERSONAL, conversationType: 'personal', id: 'f-2', attachments: [downloadInfo('beleid.pdf', expired)] }));
    expect(connector.calls.map((c) => c.body.text)).toEqual(['not fetched: failed beleid.pdf']);

    connector.calls.length = 0;
    await harness.post(
      teamsMessage({ serviceUrl: connector.serviceUrl, conversationId: '19:group@thread.v2', conversationType: 'groupChat', id: 'f-3', text: 'hi', attachments: [downloadInfo('beleid.pdf', downloadUrl)] }),
    );
    expect(connector.downloads.filter((d) => d.path.startsWith('/download/policy-2?tempauth=v1'))).toHaveLength(0);
    expect(connector.calls.map((c) => c.body.text)).toEqual(['action - - hi']);
  });

  it('fetches a plain attachment from its contentUrl (Bot Framework Emulator style)', async () => {
    const { contentUrl } = connector.addFile('note-1', Buffer.from('Inkoopbeleid 2027'), 'text/plain');
    await harness.post(
      teamsMessage({ serviceUrl: connector.serviceUrl, conversationId: PERSONAL, conversationType: 'personal', id: 'f-4', attachments: [{ contentType: 'text/plain', contentUrl, name: 'beleid.txt' }] }),
    );
    expect(connector.calls.map((c) => c.body.text)).toEqual(['file beleid.txt 17 bytes text/plain «Inkoopbeleid 2027»']);
  });
});

describe('Teams contentUrl on the Bot Connector with credentials: downloaded with the bot token', () => {
  const signer = channelSigner();
  let connector: ConnectorStandIn;
  let harness: TeamsHarness;
  beforeAll(async () => {
    connector = await startConnectorStandIn();
    connector.jwks = signer.jwks;
    connector.attachmentAuthorization = OUTBOUND_TOKEN;
    harness = await startTeamsHarness({
      env: { TEAMS_EMULATOR: '', MICROSOFT_APP_ID: TEST_APP_ID, MICROSOFT_APP_PASSWORD: 'not-a-real-secret', MICROSOFT_APP_TYPE: 'SingleTenant', MICROSOFT_APP_TENANT_ID: 'tenant-1' },
      core: describeFile,
      part: { authentication: { openIdMetadataUrl: `${connector.origin}/openid`, credentialsFactory: new LocalCredentialsFactory() } },
    });
  });
  afterAll(async () => {
    await harness.close();
    await connector.close();
  });

  it("sends the bot's token to the connector URL, and never to another host", async () => {
    const { contentUrl } = connector.addFile('att-1', Buffer.from('%PDF-1.7 on connector'), 'application/pdf');
    const other = await startConnectorStandIn();
    try {
      const elsewhere = other.addFile('att-2', Buffer.from('%PDF elsewhere'), 'application/pdf').contentUrl;
      const activity = teamsMessage({
        serviceUrl: connector.serviceUrl,
        conversationId: PERSONAL,
        conversationType: 'personal',
        id: 'f-auth-1',
        attachments: [
          { contentType: 'application/pdf', contentUrl, name: 'beleid.pdf' },
          { contentType: 'application/pdf', contentUrl: elsewhere, name: 'elders.pdf' },
        ],
      });
      const res = await harness.post(activity, { authorization: `Bearer ${signer.token(connector.serviceUrl)}` });
      expect(res.status).toBe(200);
      expect(connector.downloads).toEqual([{ path: '/v3/attachments/att-1/views/original', authorization: OUTBOUND_TOKEN }]);
      expect(other.downloads).toEqual([{ path: '/v3/attachments/att-2/views/original' }]);
      expect(connector.calls.map((c) => c.body.text)).toEqual(['file beleid.pdf 21 bytes application/pdf «%PDF-1.7 on connecto»', 'file elders.pdf 14 bytes application/pdf «%PDF elsewhere»']);
    } finally {
      await other.close();
    }
  });
});
