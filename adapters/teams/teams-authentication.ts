import { CallerIdConstants, ConfigurationBotFrameworkAuthentication, StatusCodes, type Activity } from 'botbuilder';
import {
  AuthenticationConstants,
  AuthenticationError,
  type AuthenticateRequestResult,
  type ConnectorClientOptions,
  type ServiceClientCredentialsFactory,
} from 'botframework-connector';
import type { TeamsConfig } from './teams-config.js';

/** Overrides for private clouds and for tests that sign their own tokens against a local key. */
export interface TeamsAuthenticationOverrides {
  /** OpenID metadata document listing the keys that sign channel tokens (default: the Bot Framework's). */
  readonly openIdMetadataUrl?: string;
  /** How outgoing connector calls get their bearer token (default: MSAL client credentials from MICROSOFT_APP_*). */
  readonly credentialsFactory?: ServiceClientCredentialsFactory;
}

/**
 * botbuilder's configuration-based authentication, with one change: every failure to authenticate
 * an incoming activity is an {@link AuthenticationError}, so CloudAdapter answers 401 (a token
 * signed with an unknown key otherwise surfaces as a JsonWebTokenError and a 500).
 */
class StrictAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError(`Unauthorized: ${error instanceof Error ? error.message : 'invalid token'}`, StatusCodes.UNAUTHORIZED);
    }
  }
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
  return new StrictAuthentication({ ...credentials, ...endpoints }, overrides.credentialsFactory, undefined, undefined, connectorClientOptions);
}
