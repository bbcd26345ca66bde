import { CallerIdConstants, ConfigurationBotFrameworkAuthentication, StatusCodes, type Activity } from 'botbuilder';
import {
  AuthenticationConstants,
  AuthenticationError,
  type AuthenticateRequestResult,
  type ConnectorClientOptions,
  type ServiceClientCredentialsFactory,
} from 'botframework-connector';
import type { TeamsConfig } from './teams-config.js';
import { ValidatedTokens } from './validated-tokens.js';

/** Overrides for private clouds and for tests that sign their own tokens against a local key. */
export interface TeamsAuthenticationOverrides {
  /** OpenID metadata document listing the keys that sign channel tokens (default: the Bot Framework's). */
  readonly openIdMetadataUrl?: string;
  /** How outgoing connector calls get their bearer token (default: MSAL client credentials from MICROSOFT_APP_*). */
  readonly credentialsFactory?: ServiceClientCredentialsFactory;
  /** Clock (ms) for how long a validated token is kept. */
  readonly now?: () => number;
}

/**
 * botbuilder's configuration-based authentication, with two changes: every failure to authenticate
 * an incoming activity is an {@link AuthenticationError}, so CloudAdapter answers 401 (a token
 * signed with an unknown key otherwise surfaces as a JsonWebTokenError and a 500); and a token
 * validated for a channel and service URL is trusted again for a few minutes ({@link ValidatedTokens}),
 * so the request thread does not verify the same RSA signature for every activity.
 */
class StrictAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly validated: ValidatedTokens<AuthenticateRequestResult>;

  constructor(
    credentials: ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[0],
    credentialsFactory: ServiceClientCredentialsFactory | undefined,
    connectorClientOptions: ConnectorClientOptions,
    now?: () => number,
  ) {
    super(credentials, credentialsFactory, undefined, undefined, connectorClientOptions);
    this.validated = new ValidatedTokens<AuthenticateRequestResult>({ expiresAt: expiryOf, ...(now ? { now } : {}) });
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    // Without a header (emulator mode, or a request botbuilder refuses at once) there is nothing to keep.
    if (!authHeader.trim()) return this.strict(activity, authHeader);
    return this.validated.get(`${authHeader}\n${activity.channelId ?? ''}\n${activity.serviceUrl ?? ''}`, () => this.strict(activity, authHeader));
  }

  private async strict(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError(`Unauthorized: ${error instanceof Error ? error.message : 'invalid token'}`, StatusCodes.UNAUTHORIZED);
    }
  }
}

/** The validated token's `exp` claim (ms since epoch); undefined (not kept) without one, e.g. emulator mode's anonymous identity. */
function expiryOf(result: AuthenticateRequestResult): number | undefined {
  const exp = Number(result.claimsIdentity?.getClaimValue('exp'));
  return Number.isFinite(exp) && exp > 0 ? exp * 1000 : undefined;
}

/**
 * The Bot Framework authentication for the Teams route: tokens validated against the app id,
 * type and tenant from the environment, or (`teams` undefined: emulator mode) no authentication.
 */
export function createTeamsAuthentication(
  teams: TeamsConfig | undefined,
  connectorClientOptions: ConnectorClientOptions,
  overrides: TeamsAuthenticationOverrides = {},
): ConfigurationBotFrameworkAuthentication {
  const credentials = teams
    ? {
        MicrosoftAppId: teams.appId,
        MicrosoftAppPassword: teams.appPassword,
        MicrosoftAppType: teams.appType,
        ...(teams.tenantId ? { MicrosoftAppTenantId: teams.tenantId } : {}),
      }
    : { MicrosoftAppId: '', MicrosoftAppPassword: '' };
  const endpoints = overrides.openIdMetadataUrl
    ? {
        // Setting one endpoint makes botbuilder expect all of them: the public cloud's, except the key source.
        ToBotFromChannelOpenIdMetadataUrl: overrides.openIdMetadataUrl,
        ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
        ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
        ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
        OAuthUrl: AuthenticationConstants.OAuthUrl,
        ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
        CallerId: CallerIdConstants.PublicAzureChannel,
        ValidateAuthority: true,
      }
    : {};
  return new StrictAuthentication({ ...credentials, ...endpoints }, overrides.credentialsFactory, connectorClientOptions, overrides.now);
}
