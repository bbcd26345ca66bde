/** The Slack app's settings, from SLACK_* environment variables (secrets never logged). */
export interface SlackConfig {
  readonly botToken: string;
  readonly signingSecret: string;
  readonly appToken?: string;
  readonly apiUrl?: string;
}
