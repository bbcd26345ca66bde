/** The most an uploaded file may have: 50 MB, the limit of the document extractor. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/** Why a file could not be fetched; `detail` is a short English fact for logs, never shown raw. */
export type DownloadResult =
  | { readonly kind: 'ok'; readonly bytes: Uint8Array; readonly contentType?: string }
  | { readonly kind: 'too-large'; readonly limit: number }
  | { readonly kind: 'failed'; readonly detail: string };

export interface DownloadOptions {
  /** Request headers (the platform's bearer token where the URL needs one). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Default {@link MAX_UPLOAD_BYTES}; checked against Content-Length and again while reading. */
  readonly maxBytes?: number;
  /** Default 60 s for the whole download. */
  readonly timeoutMs?: number;
}

/**
 * Fetches one file over HTTP(S) into memory, never more than `maxBytes`: a Content-Length above
 * the limit is refused before the body is read, and the stream is cancelled as soon as it passes
 * the limit (a chunked body has no length). Redirects are followed; per the fetch standard the
 * Authorization header is dropped on a redirect to another origin. Never throws.
 *
 * @example const result = await downloadFile(url, { headers: { authorization: `Bearer ${token}` } });
 */
export async function downloadFile(url: string, options: DownloadOptions = {}): Promise<DownloadResult> {
  const maxBytes = options.maxBytes ?? MAX_UPLOAD_BYTES;
  let response: Response;
  try {
    response = await fetch(url, { headers: options.headers ?? {}, redirect: 'follow', signal: AbortSignal.timeout(options.timeoutMs ?? 60_000) });
  } catch (error) {
    return { kind: 'failed', detail: errorLine(error) };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'failed', detail: `HTTP ${response.status}` };
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'too-large', limit: maxBytes };
  }
  const contentType = response.headers.get('content-type') ?? undefined;
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > maxBytes) {
          await reader.cancel().catch(() => undefined);
          return { kind: 'too-large', limit: maxBytes };
        }
        chunks.push(value);
      }
    }
  } catch (error) {
    return { kind: 'failed', detail: errorLine(error) };
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { kind: 'ok', bytes, ...(contentType ? { contentType } : {}) };
}

function errorLine(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const cause = (error as { cause?: unknown }).cause;
  const because = cause instanceof Error ? `: ${cause.message}` : '';
  return `${error.name}: ${error.message}${because}`.split('\n')[0]!.slice(0, 200);
}
