import cliProgress from 'cli-progress';
import type { Writable } from 'node:stream';

/** A terminal progress bar on `stream` (the caller only creates one when stdout is a terminal). */
export function progressBar(stream: Writable, label: string): { update: (done: number, total: number) => void; stop: () => void } {
  const bar = new cliProgress.SingleBar(
    { stream: stream as NodeJS.WritableStream, format: `${label} [{bar}] {value}/{total} pages`, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
