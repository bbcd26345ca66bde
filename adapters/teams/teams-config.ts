/** The Teams bot registration's settings, from MICROSOFT_APP_* environment variables (secrets never logged). */
export interface TeamsConfig {
  readonly appId: string;
  readonly appPassword: string;
  readonly appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
  readonly tenantId?: string;
}
