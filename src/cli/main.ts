// `taamir <command>`: the operators' and scripts' entry to the platform.
import { isAppError } from '../platform/errors.ts';
import { type Command, EXIT, helpText, parseCommandArgs, UsageError } from './command.ts';
import { auditVerifyCommand } from './commands/audit-verify.ts';
import { calendarAddCommand, calendarHolidaysCommand } from './commands/calendar.ts';
import { createUserCommand } from './commands/create-user.ts';
import { documentsSpecimenCommand } from './commands/documents-specimen.ts';
import { migrateCommand } from './commands/migrate.ts';
import { open311IssueKeyCommand } from './commands/open311.ts';
import { seedCommand } from './commands/seed.ts';
import { serveCommand } from './commands/serve.ts';
import { zoningImportCommand } from './commands/zoning-import.ts';

export const COMMANDS: readonly Command[] = [
  serveCommand,
  migrateCommand,
  seedCommand,
  createUserCommand,
  auditVerifyCommand,
  calendarHolidaysCommand,
  calendarAddCommand,
  documentsSpecimenCommand,
  open311IssueKeyCommand,
  zoningImportCommand,
];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    'Usage: taamir <command> [options]',
    '',
    'Taamir (تعمير): the platform of the urban agencies of Morocco.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Run `taamir <command> --help` for the options of a command.',
    'Environment: DATA_DIR, DATABASE_URL, PORT, … (see .env.example).',
  ].join('\n');
}

function findCommand(argv: string[]): { command: Command; rest: string[] } | undefined {
  const two = argv.slice(0, 2).join(' ');
  const byTwo = COMMANDS.find((c) => c.name === two);
  if (byTwo) return { command: byTwo, rest: argv.slice(2) };
  const byOne = COMMANDS.find((c) => c.name === argv[0]);
  return byOne ? { command: byOne, rest: argv.slice(1) } : undefined;
}

export async function main(
  argv: string[],
  io = { out: (l: string) => console.log(l), err: (l: string) => console.error(l) },
): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out(overview());
    return argv.length === 0 ? EXIT.usage : EXIT.ok;
  }
  const found = findCommand(argv);
  if (!found) {
    const group = COMMANDS.filter((c) => c.name.startsWith(`${argv[0]} `));
    io.err(
      group.length
        ? `taamir ${argv[0]}: missing or unknown subcommand. One of: ${group.map((c) => c.name.split(' ')[1]).join(', ')}`
        : `taamir: unknown command "${argv[0]}". Run \`taamir --help\`.`,
    );
    return EXIT.usage;
  }
  const { command, rest } = found;
  try {
    const parsed = parseCommandArgs(command, rest);
    if (parsed.values.help) {
      io.out(helpText(command));
      return EXIT.ok;
    }
    return await command.run({ values: parsed.values, positionals: parsed.positionals, ...io });
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`taamir ${command.name}: ${error.message}\n\n${helpText(command)}`);
      return EXIT.usage;
    }
    if (isAppError(error)) {
      io.err(`taamir ${command.name}: ${error.code}`);
      return EXIT.failure;
    }
    io.err(`taamir ${command.name}: ${(error as Error).message}`);
    return EXIT.failure;
  }
}
