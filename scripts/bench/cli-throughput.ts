/**
 * `check` end to end, the way admins run it: a new process reading URLs on stdin and writing JSON lines, timed
 * beside a bare `new URL()` + JSON loop over the same input in the same run (scripts/bench/bare-url-loop.mjs).
 *
 * Three inputs, each written once to a temporary file:
 * - distinct authorization URLs (every line its own state and PKCE challenge; apps repeat as in a real log), judged
 *   with the built-in policy and with a policy of 10,000 approvals;
 * - a proxy-log mix: one line in a hundred an authorization URL, the rest ordinary page, asset and API URLs.
 *
 * CPU time is the process's own (the children's user + system time from /proc/self/stat after each exits), so a
 * busy machine changes wall time but hardly the figures judged against the targets.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAuthorizationUrl } from '../../lib/parse-authorization-url';
import { generatePolicy } from './generate-policy';
import { createSeededRandom, type SeededRandom } from './seeded-random';
import { createUrlMix } from './url-mix';

const REPOSITORY = join(import.meta.dirname, '../..');
const LAUNCHER = join(REPOSITORY, 'scripts/cli/launch.mjs');
const BARE = join(REPOSITORY, 'scripts/bench/bare-url-loop.mjs');

export const CLI_TARGETS = { authorizationUrlsPerSecond: 60_000, withinBareFactor: 3, logLinesPerSecond: 250_000 } as const;
const AUTHORIZATION_LINES = 200_000;
const LOG_LINES = 1_000_000;
const APPROVALS = 10_000;
const DISTINCT_SIGN_INS = 20_000;

/** The same sign-in again: a new `state`, as every real sign-in has. */
function withFreshState(url: string, random: SeededRandom): string {
  return url.replace(/([?&]state=)[^&#]*/, (_match, name: string) => `${name}${random.hex(24)}`);
}

function clientOf(url: string): string {
  const parsed = parseAuthorizationUrl(url);
  return parsed.ok ? `${parsed.request.provider} ${parsed.request.clientId}` : '';
}

/** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ, proc(5)). */
const TICKS_PER_SECOND = 100;

/** User + system CPU seconds of the children this process has waited for (fields cutime and cstime). */
function childrenCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
}

export interface ProcessRun {
  lines: number;
  wallSeconds: number;
  cpuSeconds: number;
}

async function run(args: readonly string[], inputFile: string, outputFile: string, lines: number): Promise<ProcessRun> {
  const cpuBefore = childrenCpuSeconds();
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, args, { cwd: REPOSITORY, stdio: [openSync(inputFile, 'r'), openSync(outputFile, 'w'), 'inherit'] });
  const [code] = (await once(child, 'exit')) as [number | null];
  const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (code !== 0) throw new Error(`${args.join(' ')} exited with ${code}`);
  return { lines, wallSeconds, cpuSeconds: Math.max(childrenCpuSeconds() - cpuBefore, 1 / TICKS_PER_SECOND) };
}

async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  for (const line of lines) if (!out.write(`${line}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

const PAGE_HOSTS = ['cdn.example.com', 'www.example.org', 'news.example.net', 'api.example.io', 'static.example.com', 'intranet.example.com', 'mail.example.com', 'assets.example.dev'];
const PATH_WORDS = ['static', 'js', 'css', 'img', 'api', 'v1', 'v2', 'users', 'search', 'feed', 'articles', 'assets', 'app', 'chunk'];

/** An ordinary URL of the kind a proxy log is full of: pages, assets and API calls, most with a query. */
function ordinaryUrl(random: SeededRandom): string {
  const host = `${random.next() < 0.5 ? `s${random.integer(200)}.` : ''}${random.pick(PAGE_HOSTS)}`;
  const depth = 1 + random.integer(4);
  let path = '';
  for (let level = 0; level < depth; level++) path += `/${random.next() < 0.7 ? random.pick(PATH_WORDS) : random.hex(8)}`;
  const roll = random.next();
  const query = roll < 0.3 ? '' : roll < 0.8 ? `?v=${random.hex(6)}` : `?q=${random.hex(5)}&page=${random.integer(20)}&utm_source=${random.pick(['mail', 'feed', 'ads'])}`;
  return `https://${host}${path}${random.next() < 0.4 ? '.js' : ''}${query}`;
}

export interface CliThroughput {
  authorizationUrls: number;
  logLines: number;
  /** Distinct sign-in requests (app, scopes, redirect, ...) the repeated input draws from. */
  distinctSignIns: number;
  /** Distinct apps in the input where every line is a new app. */
  distinctApps: number;
  bareEveryLineNew: ProcessRun;
  checkEveryLineNew: ProcessRun;
  bareAuthorization: ProcessRun;
  checkDefault: ProcessRun;
  checkApprovals: ProcessRun;
  bareLog: ProcessRun;
  checkLog: ProcessRun;
}

export async function measureCliThroughput(): Promise<CliThroughput> {
  const folder = mkdtempSync(join(tmpdir(), 'consent-gate-cli-bench-'));
  try {
    const random = createSeededRandom(20_261_208);
    const { policy, approved } = generatePolicy(random, APPROVALS);
    const policyFile = join(folder, 'policy.json');
    writeFileSync(policyFile, JSON.stringify(policy));

    // A log repeats the same sign-ins (app, scopes, redirect) with a fresh state each time; the worst case has no
    // repetition at all: every line a different app.
    const signIns = createUrlMix(random, approved, DISTINCT_SIGN_INS).filter((url) => parseAuthorizationUrl(url).ok);
    const authorization = Array.from({ length: AUTHORIZATION_LINES }, () => withFreshState(random.pick(signIns), random));
    const everyLineNew: string[] = [];
    while (everyLineNew.length < AUTHORIZATION_LINES) {
      for (const url of createUrlMix(random, [], 20_000)) if (parseAuthorizationUrl(url).ok) everyLineNew.push(url);
    }
    everyLineNew.length = AUTHORIZATION_LINES;
    const distinctApps = new Set(everyLineNew.map((url) => clientOf(url))).size;
    const everyLineNewFile = join(folder, 'every-line-new.txt');
    await writeLines(everyLineNewFile, everyLineNew);
    const authorizationFile = join(folder, 'authorization.txt');
    await writeLines(authorizationFile, authorization);

    const logFile = join(folder, 'proxy-log.txt');
    await writeLines(
      logFile,
      (function* () {
        for (let index = 0; index < LOG_LINES; index++) yield index % 100 === 50 ? (authorization[index % authorization.length] as string) : ordinaryUrl(random);
      })(),
    );

    const out = join(folder, 'out.jsonl');
    const check = [LAUNCHER, 'check'];
    // Build the CLI bundle if a source changed, so no timed run pays for it.
    const oneLine = join(folder, 'one.txt');
    writeFileSync(oneLine, 'https://example.com/\n');
    await run(check, oneLine, out, 1);

    const bareAuthorization = await run([BARE], authorizationFile, out, AUTHORIZATION_LINES);
    const checkDefault = await run(check, authorizationFile, out, AUTHORIZATION_LINES);
    const checkApprovals = await run([...check, '--policy', policyFile], authorizationFile, out, AUTHORIZATION_LINES);
    const bareEveryLineNew = await run([BARE], everyLineNewFile, out, AUTHORIZATION_LINES);
    const checkEveryLineNew = await run(check, everyLineNewFile, out, AUTHORIZATION_LINES);
    const bareLog = await run([BARE], logFile, out, LOG_LINES);
    const checkLog = await run(check, logFile, out, LOG_LINES);
    if (statSync(out).size === 0) throw new Error('check wrote nothing');
    return {
      authorizationUrls: AUTHORIZATION_LINES,
      logLines: LOG_LINES,
      distinctSignIns: signIns.length,
      distinctApps,
      bareAuthorization,
      checkDefault,
      checkApprovals,
      bareEveryLineNew,
      checkEveryLineNew,
      bareLog,
      checkLog,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const number = (value: number) => Math.round(value).toLocaleString('en-US');
const perSecond = (run: ProcessRun, seconds: number) => run.lines / seconds;

function row(label: string, run: ProcessRun, target: string, status: string): string[] {
  return [label, `${number(perSecond(run, run.cpuSeconds))} lines/s (CPU)`, `${number(perSecond(run, run.wallSeconds))} lines/s (wall)`, target, status];
}

export function printCliThroughput(result: CliThroughput): void {
  const { bareAuthorization, checkDefault, checkApprovals, bareLog, checkLog } = result;
  const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const factor = (run: ProcessRun) => run.cpuSeconds / bareAuthorization.cpuSeconds;
  const rows = [
    ['Command, input', 'CPU', 'Wall', 'Target', 'Status'],
    row(`bare new URL() + JSON, ${number(result.authorizationUrls)} authorization URLs`, bareAuthorization, '(baseline)', ''),
    row('check, built-in policy', checkDefault, `>= ${number(CLI_TARGETS.authorizationUrlsPerSecond)}/s`, met(perSecond(checkDefault, checkDefault.cpuSeconds) >= CLI_TARGETS.authorizationUrlsPerSecond)),
    ['', `${factor(checkDefault).toFixed(2)}x the baseline's CPU time`, '', `<= ${CLI_TARGETS.withinBareFactor}x`, met(factor(checkDefault) <= CLI_TARGETS.withinBareFactor)],
    row(`check, ${number(APPROVALS)}-approval policy`, checkApprovals, `>= ${number(CLI_TARGETS.authorizationUrlsPerSecond)}/s`, met(perSecond(checkApprovals, checkApprovals.cpuSeconds) >= CLI_TARGETS.authorizationUrlsPerSecond)),
    ['', `${factor(checkApprovals).toFixed(2)}x the baseline's CPU time`, '', `<= ${CLI_TARGETS.withinBareFactor}x`, met(factor(checkApprovals) <= CLI_TARGETS.withinBareFactor)],
    row(`bare new URL() + JSON, ${number(result.authorizationUrls)} authorization URLs, every line a new app`, result.bareEveryLineNew, '(baseline)', ''),
    row('check, built-in policy (worst case: nothing repeats)', result.checkEveryLineNew, '', ''),
    ['', `${(result.checkEveryLineNew.cpuSeconds / result.bareEveryLineNew.cpuSeconds).toFixed(2)}x that baseline's CPU time`, '', '', ''],
    row(`bare new URL() + JSON, ${number(result.logLines)}-line proxy log (1% authorization URLs)`, bareLog, '(baseline)', ''),
    row('check, built-in policy', checkLog, `>= ${number(CLI_TARGETS.logLinesPerSecond)}/s`, met(perSecond(checkLog, checkLog.cpuSeconds) >= CLI_TARGETS.logLinesPerSecond)),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((cells) => (cells[column] ?? '').length)));
  console.log('');
  console.log('CLI end to end (a new process per run, stdin to stdout, process start included; targets judged on CPU time)');
  for (const [index, cells] of rows.entries()) {
    console.log(`  ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')}`.trimEnd());
    if (index === 0) console.log(`  ${widths.map((width) => '-'.repeat(width)).join('  ')}`);
  }
  console.log(
    `  Authorization URLs: ${number(result.authorizationUrls)} sign-ins drawn from ${number(result.distinctSignIns)} distinct requests (app, scopes, redirect), each line with its own state; the worst case has ${number(result.distinctApps)} distinct apps.`,
  );
}
