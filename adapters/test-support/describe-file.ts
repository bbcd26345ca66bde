import { makeReply } from '../../handlers/reply.js';
import type { IncomingMessage, Reply } from '../../handlers/types.js';

/**
 * A core for the upload tests of both platforms: fetches a file it is given and says what it got
 * (the file's name and size, or why not); else the action.
 */
export async function describeFile(message: IncomingMessage): Promise<Reply> {
  const fetched = await message.file?.fetch();
  const text = !message.file || !fetched
    ? `action ${message.action?.id ?? '-'} ${message.action?.value ?? '-'} ${message.text}`
    : fetched.kind === 'ok'
      ? `file ${fetched.name} ${fetched.bytes.byteLength} bytes ${fetched.mimeType ?? '-'} «${Buffer.from(fetched.bytes).toString('utf8').slice(0, 20)}»`
      : `not fetched: ${fetched.kind} ${message.file.name}`;
  return makeReply('question', 'en', [{ kind: 'text', markdown: text }]);
}
