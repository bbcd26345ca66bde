import type { Activity } from 'botbuilder';
import { downloadFile, MAX_UPLOAD_BYTES } from '../download-file.js';

/** The Teams attachment type of a file a user sent the bot in personal chat (needs `supportsFiles: true`). */
export const TEAMS_FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

/** A file attached to an activity: where to fetch it and whether the bot's token goes with it. */
export interface TeamsFileRef {
  readonly name: string;
  readonly url: string;
  /** `bot`: a `contentUrl` on the Bot Connector (the activity's serviceUrl), fetched with the bot's token; `none`: pre-authenticated. */
  readonly auth: 'bot' | 'none';
  readonly mimeType?: string;
}

export type TeamsFileResult =
  | { readonly kind: 'ok'; readonly name: string; readonly bytes: Uint8Array; readonly mimeType?: string }
  | { readonly kind: 'too-large'; readonly name: string; readonly limit: number }
  | { readonly kind: 'failed'; readonly name: string; readonly detail: string };

function sameOrigin(url: string, base: string | undefined): boolean {
  if (!base) return false;
  try {
    return new URL(url).origin === new URL(base).origin;
  } catch {
    return false;
  }
}

function isHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * The files of a personal-chat message, at most `max`:
 * - a Teams file (`application/vnd.microsoft.teams.file.download.info`): its `content.downloadUrl`,
 *   a short-lived pre-authenticated OneDrive/SharePoint link (its `contentUrl` is the SharePoint
 *   page, which needs Graph permissions the bot does not have);
 * - any other attachment with a `contentUrl` (Bot Framework Emulator, inline files), except cards
 *   pictures, sound, video and Teams' `text/html` copy of the message: with the bot's token when the URL is on the Bot
 *   Connector that sent the activity, else as is.
 * Channels and group chats never deliver file bytes to bots, so their attachments are ignored.
 */
export function readTeamsFiles(activity: Partial<Activity>, max = 5): TeamsFileRef[] {
  if (activity.conversation?.conversationType !== 'personal' || !Array.isArray(activity.attachments)) return [];
  const out: TeamsFileRef[] = [];
  for (const attachment of activity.attachments) {
    if (out.length >= max) break;
    if (typeof attachment !== 'object' || attachment === null) continue;
    const type = typeof attachment.contentType === 'string' ? attachment.contentType : '';
    const content = attachment.content as { downloadUrl?: unknown; uniqueId?: unknown; fileType?: unknown } | undefined;
    const name = (typeof attachment.name === 'string' && attachment.name.trim() ? attachment.name.trim() : undefined)?.slice(0, 200);
    if (type === TEAMS_FILE_DOWNLOAD_INFO) {
      const url = typeof content?.downloadUrl === 'string' ? content.downloadUrl : undefined;
      if (!url || !isHttpUrl(url)) continue;
      const fileType = typeof content?.fileType === 'string' ? content.fileType.slice(0, 10) : undefined;
      out.push({ name: name ?? `file${fileType ? `.${fileType}` : ''}`, url, auth: 'none' });
      continue;
    }
    // Pictures, sound and video are never documents (Teams inlines pasted images as `image/*`).
    if (/^(application\/vnd\.microsoft\.card\.|text\/html|image\/|audio\/|video\/)/.test(type)) continue;
    const url = typeof attachment.contentUrl === 'string' ? attachment.contentUrl : undefined;
    if (!url || !isHttpUrl(url)) continue;
    out.push({ name: name ?? 'file', url, auth: sameOrigin(url, activity.serviceUrl) ? 'bot' : 'none', ...(type && !type.includes('*') ? { mimeType: type } : {}) });
  }
  return out;
}

/**
 * Downloads one attached file, at most 50 MB (cut off while streaming: Teams does not say how big
 * a file is). `authorization` gives the bot's `Authorization` header for connector URLs; it is
 * never sent to any other host. Never throws.
 */
export async function downloadTeamsFile(file: TeamsFileRef, authorization: () => Promise<string | undefined>, maxBytes = MAX_UPLOAD_BYTES): Promise<TeamsFileResult> {
  let headers: Record<string, string> = {};
  if (file.auth === 'bot') {
    try {
      const value = await authorization();
      if (value) headers = { authorization: value };
    } catch (error) {
      return { kind: 'failed', name: file.name, detail: `no bot token: ${error instanceof Error ? error.message.slice(0, 120) : 'failed'}` };
    }
  }
  const result = await downloadFile(file.url, { headers, maxBytes });
  switch (result.kind) {
    case 'ok':
      return { kind: 'ok', name: file.name, bytes: result.bytes, ...(file.mimeType ? { mimeType: file.mimeType } : {}) };
    case 'too-large':
      return { kind: 'too-large', name: file.name, limit: result.limit };
    case 'failed':
      return { kind: 'failed', name: file.name, detail: result.detail };
  }
}
