/**
 * The command line of every command, read with commander. `--help` (or `-h`) prints the usage, each option with its
 * default and examples on stdout and exits 0 before the command does anything (no index opened, no download). A usage
 * error (an unknown option, an option without its value, an argument too many, a value outside its choices) prints
 * one `error: …` line and the usage on stderr and exits 2, the conventional code for a command line that cannot run.
 */
import { Command } from 'commander';

/** Exit code of a command line that cannot run as typed (1 stays for a command that ran and failed). */
export const USAGE_ERROR = 2;

/** Where an option's default is read from the environment, shown in `--help`. */
export const INDEX_OPTION_HELP = 'index folder (default: $INDEX_DIR, else indexes/default)';

/** The environment variables that choose the embedding model (README, "The embedding model"). */
export const MODEL_ENVIRONMENT: [string, string][] = [
  ['MODEL_DIR', 'where models are looked for (default: models/); without a model, search is lexical only'],
  ['MODEL_ID', 'a model other than Xenova/multilingual-e5-small (with MODEL_DTYPE and MODEL_*_PREFIX)'],
];

export interface CommandSpec {
  /** How it is run, e.g. `npm run ingest --`: the first word of its usage line. */
  name: string;
  /** What it does, one or two sentences. */
  description: string;
  /** Command lines to copy, each with what it does: `[command line, comment]`. */
  examples: [string, string][];
  /** Environment variables it reads: `[name, meaning (default)]`, listed after the options. */
  environment?: [string, string][];
}

/** Two columns, the second aligned. */
function table(rows: [string, string][], mark: string): string {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${mark}${right}`).join('\n');
}

/** A commander program with the project's help layout and exit codes; add options and arguments, then `parse`. */
export function commandLine(spec: CommandSpec): Command {
  const program = new Command(spec.name)
    .description(spec.description)
    .helpOption('-h, --help', 'show this help and exit')
    .showHelpAfterError()
    .exitOverride((err) => {
      // 0: --help was shown. Anything else is a usage error commander has already printed with the usage.
      process.exit(err.exitCode === 0 ? 0 : USAGE_ERROR);
    });
  const sections: string[] = [];
  if (spec.environment?.length) sections.push(`Environment:\n${table(spec.environment, '')}`);
  sections.push(`Examples:\n${table(spec.examples, '# ')}`);
  program.addHelpText('after', `\n${sections.join('\n\n')}`);
  return program;
}

/** Prints `message` and the usage on stderr and returns the usage-error exit code, for errors found after parsing. */
export function usageError(program: Command, message: string): number {
  process.stderr.write(`error: ${message}\n\n${program.helpInformation()}`);
  return USAGE_ERROR;
}
