import { createInterface } from 'node:readline';
import { renderTerminal } from '../../adapters/terminal/render-terminal.js';
import { TerminalPager } from '../../adapters/terminal/terminal-pager.js';
import { APP_WELCOME } from '../../handlers/app-home.js';
import type { Command } from '../cli-io.js';
import { loadConfig } from '../config.js';
import { createHandlerContext, lazyStore } from '../create-context.js';
import { createKnowledgeSource } from '../knowledge-source.js';
import { createLogger } from '../logger.js';
import { parseCommandArgs } from '../parse-args.js';
import { parseNow } from '../parse-now.js';

/**
 * `contractbot chat` (`npm start`): a terminal conversation over the same handlers as Slack and
 * Teams. Interactive with a prompt on a TTY; otherwise answers each input line and exits at EOF.
 */
export const chatCommand: Command = async (args, io) => {
  const { values } = parseCommandArgs('chat', args, { now: { type: 'string' } }, false);
  const config = loadConfig(io.env);
  const fixedNow = values.now !== undefined ? parseNow(values.now) : undefined;
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const store = lazyStore(config.databaseUrl);
  const { route } = await import('../core.js');
  const knowledge = createKnowledgeSource({ glossaryPath: config.glossaryPath, log }, store.get);
  const interactive = Boolean(io.stdin.isTTY && io.stdout.isTTY);
  const rl = createInterface({ input: io.stdin, output: interactive ? io.stdout : undefined, terminal: interactive });
  const pager = new TerminalPager();
  if (interactive) {
    // The same welcome as a Teams install or a first Slack DM, from the core.
    const now = fixedNow ?? io.clock();
    const welcome = await route({ address: { platform: 'local', conversationId: 'terminal' }, text: '', action: { id: APP_WELCOME }, receivedAt: now }, createHandlerContext(config, now, log, store.get, await knowledge.refresh()));
    io.stdout.write(`${renderTerminal(welcome)}\n\n"exit" om te stoppen / to quit.\n`);
    rl.setPrompt('> ');
    rl.prompt();
  }
  try {
    for await (const line of rl) {
      const text = line.trim();
      if (/^(exit|quit|stop|bye|doei)$/i.test(text)) break;
      // "meer" / "alles" while a long reply is being shown a page at a time.
      const page = interactive ? pager.command(text) : undefined;
      if (page !== undefined) {
        io.stdout.write(page + '\n\n');
        rl.prompt();
        continue;
      }
      if (text !== '' || !interactive) {
        if (text !== '') {
          const now = fixedNow ?? io.clock();
          const reply = await route(
            { address: { platform: 'local', conversationId: 'terminal' }, text: line, receivedAt: now },
            createHandlerContext(config, now, log, store.get, await knowledge.refresh()),
          );
          // Interactive: long replies a page at a time (as Slack and Teams offer "next" / "show all"); piped: whole.
          io.stdout.write((interactive ? pager.show(renderTerminal(reply), reply.language) : renderTerminal(reply)) + '\n\n');
        }
      }
      if (interactive) rl.prompt();
    }
  } finally {
    rl.close();
    await store.close();
  }
  return 0;
};
