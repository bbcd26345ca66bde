/**
 * The action an adapter sends instead of a file it could not fetch (the message text is the file's
 * name): `too-large` (over 50 MB, by the size the platform declared or while downloading) or
 * `download-failed` (the platform refused or did not answer). The documents handler answers it.
 */
export const UPLOAD_FAILED_ACTION = 'documents.upload-failed';

export type UploadFailure = 'too-large' | 'download-failed';

/** The failure an {@link UPLOAD_FAILED_ACTION} value names; `download-failed` for anything else. */
export function parseUploadFailure(value: string | undefined): UploadFailure {
  return value === 'too-large' ? 'too-large' : 'download-failed';
}
