import type { CliIo, Command } from './cli-io.js';
import { ConfigError, UsageError } from './config-error.js';

/** Commands are loaded on demand so `ask` never pays for Slack, Teams or database modules. */
const COMMANDS: Record<string, { summary: string; details?: readonly string[]; load: () => Promise<Command> }> = {
  ask: {
    summary: 'ask [--json] [--now DATE] [--conversation A] "<question>"   answer one question (put -- before a question starting with -)',
    details: ['--conversation local:x | slack:C1#ts | teams:id (default local:cli): calls with the same address are one conversation'],
    load: async () => (await import('./commands/ask.js')).askCommand,
  },
  chat: {
    summary: 'chat [--now DATE]                                 terminal chat (what `npm start` runs)',
    load: async () => (await import('./commands/chat.js')).chatCommand,
  },
  deadlines: {
    summary: 'deadlines [--insurer X] [--sector S] [--from D] [--to D] [--now DATE] [--lang nl|en] [--json]',
    details: ['the deadline calendar, past and upcoming, as a table or JSON'],
    load: async () => (await import('./commands/deadlines.js')).deadlinesCommand,
  },
  remind: {
    summary: 'remind add|list|remove|run-due …                  channel reminder subscriptions and one scheduler pass',
    details: [
      'remind add --channel <address> [--insurer X,…|all] [--sector ggz|huisartsenzorg|all] [--lead 30,14,7,1] [--at HH:MM] [--language nl|en] [--now DATE] [--json]',
      'remind list [--channel <address>] [--json]',
      'remind remove <id>',
      'remind run-due [--now <ISO date-time>] [--json]',
    ],
    load: async () => (await import('./commands/remind.js')).remindCommand,
  },
  feedback: {
    summary: 'feedback list [--json]                            what people said about answers (👍/👎, comments), for review',
    load: async () => (await import('./commands/feedback.js')).feedbackCommand,
  },
  calendar: {
    summary: 'calendar [--insurer X,…] [--sector S] [--lang nl|en] [--past] [--alarm DAYS] [--now DATE] [--out FILE.ics]',
    details: ['the deadlines as an iCalendar file (standard output without --out)', '--past includes past contract years (left out by default); --alarm 7 adds an alarm 7 days before each event'],
    load: async () => (await import('./commands/calendar.js')).calendarCommand,
  },
  documents: {
    summary: 'documents add|list|show|remove …                 next year\'s policies from PDF, Word, HTML, Markdown or text',
    details: [
      'documents add <file> [--insurer <name>] [--sector <sector>] [--contract-year YYYY] [--title T] [--publisher P] [--url U] [--now DATE] [--json]',
      'documents list [--json]',
      'documents show <id> [--json]',
      'documents remove <id>',
    ],
    load: async () => (await import('./commands/documents.js')).documentsCommand,
  },
  milestones: {
    summary: 'milestones review|accept|reject|edit …           confirm the dates proposed for uploaded documents',
    details: [
      'milestones review [--document ID] [--json]',
      'milestones accept <id…> | milestones accept --document ID --all',
      'milestones reject <id…>',
      'milestones edit <id> [--date YYYY-MM-DD] [--label T] [--actor zorgaanbieder|zorgverzekeraar|NZa]',
    ],
    load: async () => (await import('./commands/milestones.js')).milestonesCommand,
  },
  serve: {
    summary: 'serve [--now DATE]                                HTTP server: Slack, Teams, calendar feed, reminder scheduler',
    load: async () => (await import('./commands/serve.js')).serveCommand,
  },
  index: {
    summary: 'index [--quiet]                                   rebuild the search index and the holiday table',
    load: async () => (await import('./commands/index.js')).indexCommand,
  },
  'teams-package': {
    summary: 'teams-package [--out contractbot.zip] [--valid-domain D] [--version V]   build the Microsoft Teams app package',
    load: async () => (await import('./commands/teams-package.js')).teamsPackageCommand,
  },
  eval: {
    summary: 'eval [--file F] [--conversations F] [--json] [--concurrency N]   run the evaluation question and conversation sets (npm run eval)',
    load: async () => (await import('./commands/eval.js')).evalCommand,
  },
  calibrate: {
    summary: 'calibrate [--file F] [--write] [--json] [--now DATE]  score evidence rules on the calibration set (npm run calibrate)',
    details: [
      'runs knowledge/eval/evidence-questions.json (or --file) through the question handler and ranks candidate evidence rules;',
      '--write stores the best in knowledge/data/evidence-rule.json and its figures in knowledge/eval/evidence-calibration.json',
    ],
    load: async () => (await import('./commands/calibrate.js')).calibrateCommand,
  },
};

/** Shown under the command list and under `remind --help`. */
const ADDRESS_NOTE = 'Addresses look like local:<name>, slack:<channel>[#<thread ts>] or teams:<conversation id>.';

export function usage(): string {
  const lines = Object.entries(COMMANDS).map(([, c]) => `  contractbot ${c.summary}`);
  return [
    'ContractBot: answers about the yearly contracting (zorginkoop) of Dutch healthcare providers, with sources.',
    '',
    'Usage:',
    ...lines,
    '',
    'Commands that read the clock take --now YYYY-MM-DD or an ISO date-time (Europe/Amsterdam) instead.',
    ADDRESS_NOTE,
    '"contractbot <command> --help" shows one command. Configuration comes from the environment; see README.md "Configuration".',
  ].join('\n');
}

/** Runs the CLI; resolves to the process exit code. Never lets a stack trace reach the user. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name) {
    io.stderr.write('contractbot: no command given. Run "contractbot --help" for the commands.\n');
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage() + '\n');
    return 0;
  }
  if (name === '--version') {
    io.stdout.write('contractbot 0.1.0\n');
    return 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.stderr.write(`contractbot: unknown command "${name.slice(0, 40)}". Run "contractbot --help".\n`);
    return 2;
  }
  const options = rest.indexOf('--');
  if ((options === -1 ? rest : rest.slice(0, options)).some((a) => a === '--help' || a === '-h')) {
    const details = (entry.details ?? []).map((d) => (d.startsWith(name) ? `    contractbot ${d}` : `    ${d}`));
    const notes = name === 'remind' ? [`    ${ADDRESS_NOTE}`] : [];
    io.stdout.write(['Usage:', `  contractbot ${entry.summary}`, ...details, ...notes].join('\n') + '\n');
    return 0;
  }
  try {
    const command = await entry.load();
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`contractbot: ${error.message}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      io.stderr.write(`contractbot: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`contractbot: internal error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
    return 1;
  }
}
