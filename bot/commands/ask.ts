import { renderTerminal } from '../../adapters/terminal/render-terminal.js';
import { parseAddress } from '../../handlers/address-key.js';
import { replyToJson } from '../../handlers/reply-json.js';
import type { Command } from '../cli-io.js';
import { loadConfig } from '../config.js';
import { UsageError } from '../config-error.js';
import { commandKnowledge } from '../command-knowledge.js';
import { createHandlerContext, lazyStore } from '../create-context.js';
import { createLogger } from '../logger.js';
import { parseCommandArgs } from '../parse-args.js';
import { parseNow } from '../parse-now.js';

/**
 * `contractbot ask [--json] [--now DATE] [--conversation ADDRESS] "<question>"`: one question, one
 * answer. Successive calls with the same `--conversation` (default `local:cli`) are one conversation:
 * follow-ups and the open checklist are remembered in DATABASE_URL's store.
 */
export const askCommand: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs('ask', args, {
    json: { type: 'boolean', default: false },
    now: { type: 'string' },
    conversation: { type: 'string', default: 'local:cli' },
  });
  const address = parseAddress(values.conversation);
  if (!address.ok) throw new UsageError(`ask: --conversation: ${address.message}`);
  if (positionals.length === 0) throw new UsageError('ask: give the question as an argument, e.g. contractbot ask "Wanneer moet ik tekenen bij VGZ?"');
  const config = loadConfig(io.env);
  const now = values.now !== undefined ? parseNow(values.now) : io.clock();
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const store = lazyStore(config.databaseUrl);
  try {
    const [{ route }, knowledge] = await Promise.all([import('../core.js'), commandKnowledge(config, store.get)]);
    const reply = await route(
      { address: address.address, text: positionals.join(' '), receivedAt: now },
      createHandlerContext(config, now, log, store.get, knowledge),
    );
    io.stdout.write(values.json ? JSON.stringify(replyToJson(reply)) + '\n' : renderTerminal(reply) + '\n');
    return 0;
  } finally {
    await store.close();
  }
};
