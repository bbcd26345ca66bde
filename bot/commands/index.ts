import type { Command } from '../cli-io.js';
import { loadConfig } from '../config.js';
import { UsageError } from '../config-error.js';
import { parseCommandArgs } from '../parse-args.js';

/**
 * `contractbot index [--quiet]`: rebuilds the search index of the knowledge documents and writes
 * it to knowledge/generated/index.json (progress per document when stdout is a terminal). Also
 * validates the extra glossary named by CONTRACTBOT_GLOSSARY, if any, and writes the Dutch
 * holiday table (knowledge/generated/holidays-nl.json) computed with date-holidays.
 */
export const indexCommand: Command = async (args, io) => {
  const { values } = parseCommandArgs('index', args, { quiet: { type: 'boolean', default: false } }, false);
  const config = loadConfig(io.env);
  const { loadGlossary, GlossaryError } = await import('../../knowledge/glossary.js');
  try {
    // Validated here once per build; the built CLI then reads the validated forms (knowledge/generated/data/).
    loadGlossary(config.glossaryPath, 'write');
  } catch (error) {
    if (error instanceof GlossaryError) throw new UsageError(`index: ${error.message}`);
    throw error;
  }
  const { readBundle } = await import('../../knowledge/bundle.js');
  readBundle({ validated: 'write' });
  const { buildIndexData, writeIndexFile, indexFilePath, sourceHash } = await import('../../knowledge/search/search-index.js');
  const { readBundleDocuments, readRawBundleDocument } = await import('../../knowledge/documents.js');
  const { buildCleanedDocument } = await import('../../knowledge/cleaned-documents.js');
  const { buildPassages } = await import('../../knowledge/ingest/passages.js');
  const { relative } = await import('node:path');
  const { projectRoot } = await import('../../knowledge/paths.js');
  const showProgress = !values.quiet && io.stdout.isTTY === true;
  const started = io.clock().getTime();
  const metas = readBundleDocuments();
  const documents = metas.map((meta, i) => {
    if (showProgress) io.stdout.write(`\r\u001b[K[${i + 1}/${metas.length}] ${meta.id}`);
    const document = buildCleanedDocument(meta.id, readRawBundleDocument(meta));
    return { document, passages: buildPassages(document) };
  });
  const data = buildIndexData(documents, sourceHash(metas.map((m) => m.file)));
  writeIndexFile(data);
  // The holiday table spares every working-day answer the load of date-holidays.
  const { writeHolidayTable } = await import('../../knowledge/dates/dutch-holidays.js');
  writeHolidayTable();
  if (showProgress) io.stdout.write('\r\u001b[K');
  if (!values.quiet) {
    const passages = documents.reduce((sum, d) => sum + d.passages.length, 0);
    io.stdout.write(
      `Indexed ${passages} passages from ${documents.length} documents in ${io.clock().getTime() - started} ms → ${relative(projectRoot(), indexFilePath())}\n`,
    );
  }
  return 0;
};
