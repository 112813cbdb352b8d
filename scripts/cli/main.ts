/**
 * The admin CLI: `npm run --silent cli -- <command> ...`. Thin: hands the process's streams to the command and
 * sets the exit code.
 */
import { exitQuietlyOnBrokenPipe } from './output-writer';
import { runCli } from './run-cli';

exitQuietlyOnBrokenPipe(process.stdout, (code) => process.exit(code));
process.exitCode = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  stdoutIsTty: process.stdout.isTTY === true,
  stdinIsTty: process.stdin.isTTY === true,
  columns: process.stdout.isTTY === true ? process.stdout.columns : undefined,
});
