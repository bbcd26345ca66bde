import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { ServiceClientCredentialsFactory, type ServiceClientCredentials } from 'botframework-connector';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeReply } from '../../handlers/reply.js';
import { startConnectorStandIn, type ConnectorStandIn } from './test-support/connector-stand-in.js';
import { BOT, startTeamsHarness, teamsMessage, type TeamsHarness } from './test-support/teams-harness.js';

const APP_ID = '6f1c2f4e-0d7a-4b8e-9c51-3a2b1c0d9e8f';
const ISSUER = 'https://api.botframework.com';

function b64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

/** An RS256 JWT as the Bot Framework channel signs it. */
function jwt(privateKey: KeyObject, kid: string, claims: Record<string, unknown>): string {
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const payload = b64url(JSON.stringify(claims));
  const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), privateKey);
  return `${header}.${payload}.${b64url(signature)}`;
}

/** Outgoing calls get a fixed bearer token instead of an MSAL client-credentials token (no network here). */
class LocalCredentialsFactory extends ServiceClientCredentialsFactory {
  async isValidAppId(appId: string) {
    return appId === APP_ID;
  }
  async isAuthenticationDisabled() {
    return false;
  }
  async createCredentials(): Promise<ServiceClientCredentials> {
    return {
      signRequest: async (request) => {
        request.headers.set('authorization', 'Bearer outbound-test-token');
        return request;
      },
    };
  }
}

describe('Teams route with credentials: every activity needs a valid Bot Framework token', () => {
  const channelKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const forgerKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let connector: ConnectorStandIn;
  let harness: TeamsHarness;
  const now = () => Math.floor(Date.now() / 1000);
  const claims = (over: Record<string, unknown> = {}) => ({
    iss: ISSUER,
    aud: APP_ID,
    serviceurl: connector.serviceUrl,
    nbf: now() - 60,
    exp: now() + 3600,
    ...over,
  });
  const activity = () =>
    teamsMessage({ serviceUrl: connector.serviceUrl, conversationId: 'a:1auth-personal', conversationType: 'personal', id: `m-${Math.random()}`, text: 'hello' });

  beforeAll(async () => {
    connector = await startConnectorStandIn();
    connector.jwks = [{ ...channelKey.publicKey.export({ format: 'jwk' }), kid: 'channel-key-1', use: 'sig', endorsements: ['msteams'] }];
    harness = await startTeamsHarness({
      env: {
        TEAMS_EMULATOR: '',
        MICROSOFT_APP_ID: APP_ID,
        MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
        MICROSOFT_APP_TYPE: 'SingleTenant',
        MICROSOFT_APP_TENANT_ID: 'tenant-1',
      },
      core: (m) => makeReply('question', 'en', [{ kind: 'text', markdown: `echo: ${m.text}` }]),
      part: { authentication: { openIdMetadataUrl: `${connector.origin}/openid`, credentialsFactory: new LocalCredentialsFactory() } },
    });
  });
  afterAll(async () => {
    await harness.close();
    await connector.close();
  });
  afterEach(() => {
    connector.calls.length = 0;
    harness.handled.length = 0;
  });

  it('refuses a missing token with 401 and no reply', async () => {
    expect((await harness.post(activity())).status).toBe(401);
    expect(harness.handled).toHaveLength(0);
    expect(connector.calls).toHaveLength(0);
  });

  it('refuses forged, mis-addressed and expired tokens with 401 and no reply', async () => {
    const cases = {
      forged: jwt(forgerKey.privateKey, 'channel-key-1', claims()),
      unknownKey: jwt(forgerKey.privateKey, 'attacker-key', claims()),
      otherBot: jwt(channelKey.privateKey, 'channel-key-1', claims({ aud: 'another-app' })),
      otherIssuer: jwt(channelKey.privateKey, 'channel-key-1', claims({ iss: 'https://evil.example' })),
      otherServiceUrl: jwt(channelKey.privateKey, 'channel-key-1', claims({ serviceurl: 'https://smba.trafficmanager.net/emea/' })),
      expired: jwt(channelKey.privateKey, 'channel-key-1', claims({ nbf: now() - 7200, exp: now() - 3600 })),
      garbage: 'not.a.jwt',
    };
    for (const [name, token] of Object.entries(cases)) {
      const res = await harness.post(activity(), { authorization: `Bearer ${token}` });
      expect(res.status, name).toBe(401);
    }
    expect(harness.handled).toHaveLength(0);
    expect(connector.calls).toHaveLength(0);
  });

  it('accepts the same valid token again, but still refuses it for another service URL or channel', async () => {
    const token = jwt(channelKey.privateKey, 'channel-key-1', claims());
    for (let i = 0; i < 3; i++) expect((await harness.post(activity(), { authorization: `Bearer ${token}` })).status).toBe(200);
    const elsewhere = { ...activity(), serviceUrl: 'https://smba.trafficmanager.net/emea/' };
    expect((await harness.post(elsewhere, { authorization: `Bearer ${token}` })).status).toBe(401);
    const otherChannel = { ...activity(), channelId: 'webchat' };
    expect((await harness.post(otherChannel, { authorization: `Bearer ${token}` })).status).toBe(401);
    await connector.waitForCalls(3);
    expect(harness.handled).toHaveLength(3);
  });

  it('answers an activity with a valid channel token, authenticating the reply', async () => {
    const token = jwt(channelKey.privateKey, 'channel-key-1', claims());
    const res = await harness.post(activity(), { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    expect(harness.handled.map((m) => m.text)).toEqual(['hello']);
    expect(connector.calls).toHaveLength(1);
    expect(connector.calls[0]!.body.text).toBe('echo: hello');
    expect(connector.calls[0]!.authorization).toBe('Bearer outbound-test-token');
    expect(connector.calls[0]!.body.from.id).toBe(BOT.id);
  });
});
