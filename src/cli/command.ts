// A small command framework over node:util parseArgs: each command declares its options and usage,
// so `--help` and errors are uniform, and exit codes mean the same everywhere.
import { type ParseArgsConfig, parseArgs } from 'node:util';

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

export type OptionSpec = NonNullable<ParseArgsConfig['options']>[string] & { description: string };

export type CommandContext = {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  out: (line: string) => void;
  err: (line: string) => void;
};

export type Command = {
  /** One or two words: `serve`, `audit verify`. */
  name: string;
  summary: string;
  usage: string;
  options?: Record<string, OptionSpec>;
  positionals?: { min: number; max: number };
  run(context: CommandContext): Promise<number>;
};

export class UsageError extends Error {}

export function helpText(command: Command): string {
  const lines = [`Usage: taamir ${command.usage}`, '', command.summary];
  const options = Object.entries(command.options ?? {});
  if (options.length) {
    lines.push('', 'Options:');
    for (const [name, spec] of options) {
      const flag = `--${name}${spec.type === 'string' ? ' <value>' : ''}`;
      lines.push(`  ${flag.padEnd(26)} ${spec.description}`);
    }
  }
  lines.push(`  ${'--help'.padEnd(26)} Show this help`);
  return lines.join('\n');
}

export function parseCommandArgs(command: Command, argv: string[]) {
  const options: NonNullable<ParseArgsConfig['options']> = { help: { type: 'boolean' } };
  for (const [name, spec] of Object.entries(command.options ?? {})) {
    const { description: _d, ...rest } = spec;
    options[name] = rest;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { min, max } = command.positionals ?? { min: 0, max: 0 };
  if (!parsed.values.help && (parsed.positionals.length < min || parsed.positionals.length > max)) {
    throw new UsageError(
      min === max
        ? `expected ${min} argument${min === 1 ? '' : 's'}, got ${parsed.positionals.length}`
        : `expected ${min} to ${max} arguments, got ${parsed.positionals.length}`,
    );
  }
  return parsed;
}
