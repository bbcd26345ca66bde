import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { ServiceClientCredentialsFactory, type ServiceClientCredentials } from 'botframework-connector';

export const TEST_APP_ID = '6f1c2f4e-0d7a-4b8e-9c51-3a2b1c0d9e8f';
/** The bearer token {@link LocalCredentialsFactory} puts on every outgoing connector call. */
export const OUTBOUND_TOKEN = 'Bearer outbound-test-token';

/** Outgoing calls get a fixed bearer token instead of an MSAL client-credentials token (no network here). */
export class LocalCredentialsFactory extends ServiceClientCredentialsFactory {
  constructor(private readonly appId: string = TEST_APP_ID) {
    super();
  }
  async isValidAppId(appId: string) {
    return appId === this.appId;
  }
  async isAuthenticationDisabled() {
    return false;
  }
  async createCredentials(): Promise<ServiceClientCredentials> {
    return {
      signRequest: async (request) => {
        request.headers.set('authorization', OUTBOUND_TOKEN);
        return request;
      },
    };
  }
}

/**
 * A channel signing key and a signer of Bot Framework channel tokens (RS256) for it; `jwks` goes
 * to the connector stand-in, which serves it as the OpenID key set.
 */
export function channelSigner(appId: string = TEST_APP_ID): { jwks: unknown[]; token(serviceUrl: string): string } {
  const key = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'channel-key-1';
  return {
    jwks: [{ ...key.publicKey.export({ format: 'jwk' }), kid, use: 'sig', endorsements: ['msteams'] }],
    token(serviceUrl) {
      const now = Math.floor(Date.now() / 1000);
      return jwt(key.privateKey, kid, { iss: 'https://api.botframework.com', aud: appId, serviceurl: serviceUrl, nbf: now - 60, exp: now + 3600 });
    },
  };
}

function jwt(privateKey: KeyObject, kid: string, claims: Record<string, unknown>): string {
  const b64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const payload = b64url(JSON.stringify(claims));
  return `${header}.${payload}.${b64url(sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), privateKey))}`;
}
