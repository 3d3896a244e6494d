// The shell: the commander program. Each command's module is imported only when it runs, and only
// the command named on the command line is declared (all of them only for help or a mistyped name),
// so that start-up stays near bare Node however many commands there are. main() returns the exit
// code; bin/cxm.js sets it.

import { readFileSync } from 'node:fs';
import type * as Commander from 'commander';
import type { AnonymizeFlags } from './anonymize.js';
import type { AssessFlags } from './assess.js';
import { commander } from './commander.js';
import type { CompareFlags } from './compare.js';
import { EXIT, UsageError, colorAllowed, outputFailureMessage, watchProcessOutput, type Context } from './context.js';
import type { FormFlags } from './form.js';
import type { ImportFlags } from './import.js';
import type { ReportFlags } from './report.js';
import type { ScoreFlags } from './score.js';
import type { ValidateFlags } from './validate.js';
import { isIsoDate } from '../domain/evidence.js';

const { Argument, Command, CommanderError, InvalidArgumentError, Option } = commander;
type Command = Commander.Command;

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** (1.1) --anonymous, --min-group-size N, --gap-threshold N: for every command that makes a report. */
function addTeamOptions(command: Command): Command {
  return command
    .option('--anonymous', 'no respondent names in any output; groups too small to hide a person are not shown')
    .option('--min-group-size <n>', 'with --anonymous: the smallest group shown (default 3, at least 2)', (value: string) => {
      const n = Number(value);
      if (!/^\d+$/.test(value.trim()) || n < 2) throw new InvalidArgumentError('give a whole number of 2 or more (a group of 1 is one person).');
      return n;
    })
    .option('--gap-threshold <points>', 'points between two groups from which a perception gap is shown (default 25)', (value: string) => {
      const n = Number(value);
      if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError('give a number of points from 0 to 100, e.g. 25.');
      return n;
    });
}

/** (1.2) --as-of DATE: the date evidence expiry is judged at (validate and every command that scores). */
function asOfOption(): Commander.Option {
  return new Option('--as-of <date>', "judge evidence expiry at this ISO date (default: the answers' date)").argParser((value: string) => {
    if (!isIsoDate(value.trim())) throw new InvalidArgumentError('give an ISO date that exists, e.g. 2026-11-22.');
    return value.trim();
  });
}

/** (1.2) --target LEVEL, --target ELEMENT=LEVEL (repeatable, over the answers' targets) and --as-of: for every command that scores. */
function addTargetOptions(command: Command): Command {
  return command
    .option('--target <level|element=level>', 'the level to reach: every element (LEVEL) or one (ELEMENT=LEVEL); repeatable; over the answers file\'s targets', (value: string, all: string[] = []) => [...all, value])
    .addOption(asOfOption());
}

export interface MainOptions {
  readonly stdin?: Context['stdin'];
  readonly stdout?: Context['stdout'];
  readonly stderr?: Context['stderr'];
  readonly signals?: Context['signals'];
  readonly env?: Context['env'];
  readonly cwd?: string;
}

/** Runs a command's action: sets the exit code main() returns. */
type Run = (cmd: Command, action: (context: Context) => Promise<number>) => Promise<void>;

/** Each command, declared on the program: its arguments, options and action. The order is the help's. */
const COMMANDS: Readonly<Record<string, (program: Command, run: Run) => Command>> = {
  validate: (program, run) =>
    program
      .command('validate')
      .description('check models, questionnaires and answers files; every finding with file:line:column')
      .argument('[paths...]', 'files and directories (default: the built-in model)')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'github']).default('text'))
      .option('--model <dir>', 'model to check answers files against')
      .option('--strict', 'warnings fail too (exit 1)')
      .addOption(asOfOption())
      .option('--max-file-size <size>', 'largest file to read, e.g. 64MiB (default 16MiB)')
      .action((paths: string[], opts: ValidateFlags, cmd: Command) =>
        run(cmd, async (context) => (await import('./validate.js')).runValidate(context, paths, opts)),
      ),

  schema: (program, run) =>
    program
      .command('schema')
      .description('print the JSON Schema of a file kind')
      .addArgument(new Argument('<kind>', 'kind of file').choices(['model', 'questionnaire', 'answers', 'report', 'comparison']))
      .action((kind: string, _opts: unknown, cmd: Command) =>
        run(cmd, async (context) => (await import('./schema.js')).runSchema(context, kind)),
      ),

  init: (program, run) =>
    program
      .command('init')
      .description('copy the built-in model into DIR to customise')
      .argument('[dir]', 'target directory', 'cx-maturity')
      .option('--force', 'overwrite files that exist')
      .action((dir: string, opts: { force?: boolean }, cmd: Command) =>
        run(cmd, async (context) => (await import('./init.js')).runInit(context, dir, opts)),
      ),

  score: (program, run) =>
    addTargetOptions(addTeamOptions(
      program
        .command('score')
        .description('score answers files and print a summary')
        .argument('<answers...>', 'answers files of one assessment')
        .option('--model <dir>', 'model directory (default: the built-in model named in the answers)')
        .option('--json', 'print the report JSON')
        .option('--max-file-size <size>', 'largest file to read, e.g. 64MiB (default 16MiB)'),
    )).action((files: string[], opts: ScoreFlags, cmd: Command) =>
      run(cmd, async (context) => (await import('./score.js')).runScore(context, files, opts)),
    ),

  report: (program, run) =>
    addTargetOptions(addTeamOptions(
      program
        .command('report')
        .description('write the report of an assessment')
        .argument('<answers...>', 'answers files of one assessment')
        .option('--model <dir>', 'model directory (default: the built-in model named in the answers)')
        .addOption(new Option('-f, --format <format>', 'report format').choices(['markdown', 'json', 'html']).default('markdown'))
        .option('-o, --output <file>', 'write to FILE (atomically) instead of stdout')
        .option('--max-file-size <size>', 'largest file to read, e.g. 64MiB (default 16MiB)'),
    )).action((files: string[], opts: ReportFlags, cmd: Command) =>
      run(cmd, async (context) => (await import('./report.js')).runReport(context, files, opts)),
    ),

  compare: (program, run) =>
    addTargetOptions(addTeamOptions(
      program
        .command('compare')
        .description('the same organization over periods: scores, levels and deltas side by side')
        .argument('<assessments...>', 'one answers file (or report JSON) per period')
        .option('--model <dir>', "model to score every period with (default: the newest period's)")
        .addOption(
          new Option('-f, --format <format>', 'output format').choices(['text', 'markdown', 'json', 'html']).default('text'),
        )
        .option('-o, --output <file>', 'write to FILE (atomically) instead of stdout')
        .option('--max-file-size <size>', 'largest file to read, e.g. 64MiB (default 16MiB)'),
    )).action((files: string[], opts: CompareFlags, cmd: Command) =>
      run(cmd, async (context) => (await import('./compare.js')).runCompare(context, files, opts)),
    ),

  assess: (program, run) =>
    program
      .command('assess')
      .description('run the interactive questionnaire (needs a terminal); autosaves every answer; resumes')
      .option('--model <dir>', 'model directory (default: the built-in model)')
      .option('--answers <file>', 'answers file to write and resume', 'answers.yaml')
      .option('--respondent <name>', 'name of the person answering')
      .option('--from <previous>', "last period's answers file, offered as defaults")
      .option('--elements <ids>', 'comma-separated element ids to ask (default: all)')
      .option('--notes', 'ask for a note after every answer (otherwise "Add a note" is a choice of each question)')
      .option('--review', 'change answers already given (offered anyway to a respondent who has answered everything)')
      .action((opts: AssessFlags, cmd: Command) =>
        run(cmd, async (context) => (await import('./assess.js')).runAssess(context, opts)),
      ),

  form: (program, run) =>
    program
      .command('form')
      .description('the questionnaire to send out: a CSV response sheet, or a printable form')
      .option('--model <dir>', 'model directory (default: the built-in model)')
      .addOption(new Option('-f, --format <format>', 'output format (default csv; markdown with --checklist)').choices(['csv', 'markdown', 'html']).default('csv'))
      .option('--checklist', 'the evidence to gather before the workshop, with space to note where it was found (markdown or html)')
      .option('-o, --output <file>', 'write to FILE (atomically) instead of stdout')
      .action((opts: FormFlags, cmd: Command) =>
        run(cmd, async (context) => {
          // (1.2) the checklist is read, not filled in a spreadsheet: Markdown unless -f says otherwise
          const flags = opts.checklist && cmd.getOptionValueSource('format') === 'default' ? { ...opts, format: 'markdown' as const } : opts;
          return (await import('./form.js')).runForm(context, flags);
        }),
      ),

  import: (program, run) =>
    program
      .command('import')
      .description('survey responses (CSV or .xlsx, one respondent a row) to an answers file; findings at file:row:column')
      .argument('<responses>', 'CSV, tab-separated text or .xlsx file exported from a survey tool or a spreadsheet')
      .option('--model <dir>', 'model directory (default: the built-in model)')
      .option('--organization <name>', 'organization assessed')
      .option('--period <period>', 'period of the assessment, e.g. 2026-Q4')
      .option('--date <date>', 'ISO date of the assessment, e.g. 2026-11-22')
      .option('-o, --output <file>', 'write the answers to FILE (atomically) instead of stdout')
      .addOption(new Option('-f, --format <format>', 'findings format').choices(['text', 'json', 'github']).default('text'))
      .option('--skip-invalid-rows', 'write the rows without errors and list the others')
      .option('--skip-invalid-cells', 'leave the cells that cannot be read unanswered (each listed as a warning) and keep the rest of the row')
      .option('--encoding <name>', 'the CSV file\'s encoding: utf-8, utf-16le, utf-16be or windows-1252 (default: from its byte-order mark, else UTF-8)')
      .option('--delimiter <char>', 'the CSV delimiter: "," ";" or tab (default: the one whose header row names the questions)')
      .option('--sheet <name>', 'the sheet of an .xlsx workbook to read (default: the first)')
      .option('--name-column <header>', "the column that holds respondents' names")
      .option('--email-column <header>', "the column that holds respondents' e-mail addresses")
      .option('--role-column <header>', "the column that holds respondents' roles")
      .option('--group-column <header>', "the column that holds respondents' groups (departments)")
      .option('--ignore-column <header>', 'a column to leave out (repeatable)', (value: string, all: string[] = []) => [...all, value])
      .option('--names-from-email', 'name respondents without a name by their e-mail address')
      .option('--anonymous', 'write no names, roles or timestamps, respondents in an order not the rows\'; reports show no names')
      .option('--max-file-size <size>', 'largest responses file to read, and largest a workbook may unpack to (default 16MiB)')
      .action((file: string, opts: ImportFlags, cmd: Command) =>
        run(cmd, async (context) => (await import('./import.js')).runImport(context, file, opts)),
      ),

  anonymize: (program, run) =>
    program
      .command('anonymize')
      .description('a named answers file to one that can be handed on: no names, roles or e-mails; order from the answers')
      .argument('<answers>', 'answers file to anonymize')
      .option('--model <dir>', 'model directory (default: the built-in model named in the answers)')
      .option('-o, --output <file>', 'write the anonymous answers to FILE (atomically) instead of stdout')
      .option('--keep-notes', "keep the notes (they are the respondents' own words: read them first)")
      .option('--max-file-size <size>', 'largest file to read, e.g. 64MiB (default 16MiB)')
      .action((file: string, opts: AnonymizeFlags, cmd: Command) =>
        run(cmd, async (context) => (await import('./anonymize.js')).runAnonymize(context, file, opts)),
      ),
};

/**
 * The commands to declare for these arguments: the one named (its help, its options and its usage
 * errors need no other); none for a lone --version; all of them for help, no command or a mistyped one.
 */
function commandsFor(argv: readonly string[]): readonly string[] {
  const words = argv.filter((arg) => !arg.startsWith('-'));
  const named = words[0];
  if (named !== undefined && Object.hasOwn(COMMANDS, named)) return [named];
  if (named === undefined && argv.length > 0 && argv.every((arg) => ['-V', '--version', '--no-color'].includes(arg)) && argv.some((arg) => arg !== '--no-color')) return [];
  return Object.keys(COMMANDS);
}

export async function main(argv: readonly string[], options: MainOptions = {}): Promise<number> {
  // the process's own streams: a full disk, a closed pipe or a closed stdout ends with exit 2 and a sentence
  const watched = options.stdout === undefined ? watchProcessOutput() : undefined;
  try {
    const code = await runMain(argv, options);
    const failure = await watched?.settle();
    if (failure === undefined) return code;
    if (failure.stream === 'stdout') process.stderr.write(outputFailureMessage(failure));
    return EXIT.usage;
  } finally {
    watched?.dispose();
  }
}

async function runMain(argv: readonly string[], options: MainOptions): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  let exitCode: number = EXIT.ok;

  const run: Run = async (cmd, action) => {
    const noColor = cmd.optsWithGlobals()['color'] === false;
    exitCode = await action({
      stdin: options.stdin ?? process.stdin,
      stdout,
      stderr,
      signals: options.signals ?? process,
      script: process.argv[1],
      env,
      cwd,
      color: {
        stdout: colorAllowed(stdout, env, noColor),
        stderr: colorAllowed(stderr, env, noColor),
      },
    });
  };

  const program = new Command('cxm')
    .description('Measure how mature an organization is at creating customer experience.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .option('--no-color', 'never use colour')
    .showHelpAfterError('(run cxm --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  cxm assess --answers acme-2026-q4.yaml      run an assessment; every answer is saved at once
  cxm report acme-2026-q4.yaml -o report.md   write the report to hand over
  cxm compare 2026-Q2.yaml 2026-Q3.yaml 2026-Q4.yaml
                                              what moved from quarter to quarter, and why
  cxm validate models/ -f github --strict     check questionnaires in CI

Exit codes: 0 success, 1 invalid input, 2 usage or I/O error, 130 interrupted (answers saved).`,
    )
    .configureOutput({
      writeOut: (s) => stdout.write(s),
      writeErr: (s) => stderr.write(s),
    })
    .exitOverride();

  for (const name of commandsFor(argv)) {
    // a usage error names the help that answers it
    COMMANDS[name]!(program, run).showHelpAfterError(`(run cxm ${name} --help for usage)`);
  }

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version "errors" are successes; everything else commander reports is a usage error
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      // help asked for (`cxm help validate`) is a success; help shown in place of a missing command is not
      if (error.code === 'commander.help' && error.exitCode === 0) return EXIT.ok;
      return EXIT.usage;
    }
    // messages may quote file content or paths: no control sequence reaches the terminal
    const { stripControls } = await import('../text/sanitize.js');
    if (error instanceof UsageError) {
      stderr.write(`cxm: ${stripControls(error.message)}\n`);
      return error.exitCode;
    }
    // an output larger than a string can be (size-limits.ts): the limit and what to do, not an internal error
    const { isStringTooLong, OUTPUT_OVER_TEXT_LIMIT } = await import('../load/size-limits.js');
    if (isStringTooLong(error)) {
      stderr.write(`cxm: ${OUTPUT_OVER_TEXT_LIMIT}\n`);
      return EXIT.usage;
    }
    const detail = error instanceof Error ? (env['CXM_DEBUG'] ? (error.stack ?? error.message) : error.message) : String(error);
    stderr.write(`cxm: internal error: ${stripControls(detail)}\nThis is a bug in cxm, not in your files; please report it (set CXM_DEBUG=1 for details).\n`);
    return EXIT.internal;
  }
}
