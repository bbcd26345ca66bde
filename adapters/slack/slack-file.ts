import { downloadFile, MAX_UPLOAD_BYTES, type DownloadResult } from '../download-file.js';
import type { SlackWebClient } from './slack-web-client.js';

/** The fields of a Slack file object (in `message` events with `subtype: 'file_share'`, and from `files.info`) this adapter reads. */
export interface SlackFilePayload {
  readonly id: string;
  readonly name?: string;
  readonly title?: string;
  readonly mimetype?: string;
  readonly size?: number;
  readonly url_private?: string;
  readonly url_private_download?: string;
  /** `check_file_info` (Slack Connect): the event carries only the id; `files.info` has the rest. */
  readonly file_access?: string;
}

/** A shared file, fetched: what `IncomingMessage.file.fetch()` gives the core, or why not. */
export type SlackFileResult =
  | { readonly kind: 'ok'; readonly name: string; readonly bytes: Uint8Array; readonly mimeType?: string }
  | { readonly kind: 'too-large'; readonly name: string; readonly limit: number }
  | { readonly kind: 'failed'; readonly name: string; readonly detail: string };

/** The file objects of an event (`files[]`), checked at runtime; at most `max` of them. */
export function readSlackFiles(value: unknown, max = 5): SlackFilePayload[] {
  if (!Array.isArray(value)) return [];
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
  const out: SlackFilePayload[] = [];
  for (const raw of value.slice(0, max)) {
    if (typeof raw !== 'object' || raw === null) continue;
    const f = raw as Record<string, unknown>;
    const id = str(f.id);
    if (!id) continue;
    const optional = {
      name: str(f.name),
      title: str(f.title),
      mimetype: str(f.mimetype),
      url_private: str(f.url_private),
      url_private_download: str(f.url_private_download),
      file_access: str(f.file_access),
    };
    out.push({
      id,
      ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
      ...(typeof f.size === 'number' && Number.isFinite(f.size) ? { size: f.size } : {}),
    });
  }
  return out;
}

/**
 * True for URLs the bot token may be sent to: Slack's own https hosts (`files.slack.com`,
 * `*.slack.com`) and the origin of SLACK_API_URL (a proxy, or the test stand-in). The token
 * never goes anywhere else, whatever a payload says.
 */
export function isSlackFileUrl(url: string, apiUrl: string | undefined): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'https:' && (parsed.hostname === 'slack.com' || parsed.hostname.endsWith('.slack.com'))) return true;
  if (!apiUrl) return false;
  try {
    return parsed.origin === new URL(apiUrl).origin;
  } catch {
    return false;
  }
}

/** The name a shared file goes by: its file name, else its title, else its id. */
export function slackFileName(file: SlackFilePayload): string {
  return (file.name ?? file.title ?? file.id).slice(0, 200);
}

/**
 * Downloads a file shared with the bot: from `url_private_download` (else `url_private`) with
 * the bot token as `Authorization: Bearer` (scope `files:read`), refused before the download when
 * its `size` is over 50 MB and cut off while streaming when it grows past that. Slack answers a
 * request it does not accept with its HTML sign-in page (HTTP 200), so an HTML body for a file that
 * is not HTML counts as a failed download. Slack Connect files (`file_access: check_file_info`) are
 * looked up with `files.info` first. Never throws.
 */
export async function downloadSlackFile(
  file: SlackFilePayload,
  deps: { readonly token: string; readonly apiUrl: string | undefined; readonly client: SlackWebClient; readonly maxBytes?: number },
): Promise<SlackFileResult> {
  const maxBytes = deps.maxBytes ?? MAX_UPLOAD_BYTES;
  let info = file;
  if (!info.url_private_download && !info.url_private) {
    try {
      const answer = await deps.client.files.info({ file: file.id });
      info = readSlackFiles([answer.file])[0] ?? file;
    } catch (error) {
      return { kind: 'failed', name: slackFileName(file), detail: `files.info: ${error instanceof Error ? error.message.slice(0, 120) : 'failed'}` };
    }
  }
  const name = slackFileName(info);
  if (info.size !== undefined && info.size > maxBytes) return { kind: 'too-large', name, limit: maxBytes };
  const url = info.url_private_download ?? info.url_private;
  if (!url) return { kind: 'failed', name, detail: 'the file has no download URL' };
  if (!isSlackFileUrl(url, deps.apiUrl)) return { kind: 'failed', name, detail: 'the download URL is not on Slack' };
  const result: DownloadResult = await downloadFile(url, { headers: { authorization: `Bearer ${deps.token}` }, maxBytes });
  switch (result.kind) {
    case 'too-large':
      return { kind: 'too-large', name, limit: result.limit };
    case 'failed':
      return { kind: 'failed', name, detail: result.detail };
    case 'ok': {
      const html = result.contentType?.toLowerCase().startsWith('text/html') === true;
      if (html && !(info.mimetype ?? '').toLowerCase().startsWith('text/html')) {
        return { kind: 'failed', name, detail: 'Slack answered with its sign-in page (is the files:read scope granted?)' };
      }
      return { kind: 'ok', name, bytes: result.bytes, ...(info.mimetype ? { mimeType: info.mimetype } : {}) };
    }
  }
}
