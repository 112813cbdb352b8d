/**
 * `npm run bench`: how fast the engine judges requests, loads a large policy, and copes with hostile input.
 * Single-threaded, after warm-up, timed with process.hrtime.bigint(). Prints results against the targets and
 * always exits 0: timings vary by machine, so they inform and never fail a build.
 */
import { arch, cpus, loadavg, platform } from 'node:os';
import { join } from 'node:path';
import { evaluateRequest } from '../../lib/engine/evaluate-request';
import type { Verdict } from '../../lib/evaluation';
import { parseAuthorizationUrl } from '../../lib/parse-authorization-url';
import { compilePolicy } from '../../lib/engine/compile-policy';
import type { CompiledPolicy } from '../../lib/policy/compiled-policy';
import { parseJsonText } from '../../lib/policy/parse-json-text';
import { parseFreshPolicyValue, parsePolicyText } from '../../lib/policy/parse-policy';
import { loadFixtureUrls } from './fixture-urls';
import { generatePolicy } from './generate-policy';
import { describeInventoryBenchmark, measureInventory } from './inventory';
import { createHostileInputs } from './hostile-inputs';
import { createSeededRandom } from './seeded-random';
import { createUrlMix } from './url-mix';
import { measureCliThroughput, printCliThroughput } from './cli-throughput';
import { errorMessage } from '../../lib/error-message';

const TARGET_URLS_PER_SECOND = 100_000;
const TARGET_POLICY_LOAD_MS = 50;
const TARGET_INPUT_MS = 5;

const APPROVED_INTEGRATIONS = 10_000;
const GENERATED_URLS = 20_000;
const THROUGHPUT_SECONDS = 3;
const POLICY_LOAD_RUNS = 15;
const HOSTILE_RUNS = 20;
const FIXTURE_FOLDER = join(import.meta.dirname, '../../test/fixtures/authorization-urls');
// A fixed day, so approvals expire the same way on every run.
const NOW = new Date(2026, 5, 15, 12);

function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Parses and evaluates; the verdict (or null for a non-request) keeps the work observable. */
function judge(input: string, policy: CompiledPolicy): Verdict | null {
  const parsed = parseAuthorizationUrl(input);
  return parsed.ok ? evaluateRequest(parsed.request, policy, { now: NOW }).verdict : null;
}

interface PolicyLoad {
  medianMs: number;
  /** Median CPU time of this process: steadier than wall-clock when other work shares the machine. */
  medianCpuMs: number;
  minMs: number;
  maxMs: number;
  /** Median of each stage, to show where the time goes. */
  stagesMs: { text: number; schema: number; compile: number };
  compiled: CompiledPolicy;
}

function measurePolicyLoad(text: string): PolicyLoad {
  const load = (): CompiledPolicy => {
    const parsed = parsePolicyText(text);
    if (!parsed.ok) throw new Error(`the generated policy is invalid: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
    return compilePolicy(parsed.policy);
  };
  for (let run = 0; run < 3; run++) load();
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let compiled = load();
  for (let run = 0; run < POLICY_LOAD_RUNS; run++) {
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    compiled = load();
    times.push(elapsedMs(start));
    cpuTimes.push(cpuMsSince(cpuStart));
  }

  const stages = { text: [] as number[], schema: [] as number[], compile: [] as number[] };
  for (let run = 0; run < POLICY_LOAD_RUNS; run++) {
    let start = process.hrtime.bigint();
    const value = parseJsonText(text);
    stages.text.push(elapsedMs(start));
    if (!value.ok) throw new Error(value.error.message);
    start = process.hrtime.bigint();
    // The value parsePolicyText checks: fresh from the text, so checked in place (lib/policy/parse-policy.ts).
    const parsed = parseFreshPolicyValue(value.value);
    stages.schema.push(elapsedMs(start));
    if (!parsed.ok) throw new Error('the generated policy is invalid');
    start = process.hrtime.bigint();
    compilePolicy(parsed.policy);
    stages.compile.push(elapsedMs(start));
  }
  return {
    medianMs: median(times),
    medianCpuMs: median(cpuTimes),
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    stagesMs: { text: median(stages.text), schema: median(stages.schema), compile: median(stages.compile) },
    compiled,
  };
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

interface Throughput {
  /** URLs per second of wall-clock time. */
  perWallSecond: number;
  /** URLs per second of this process's CPU time: steadier than wall-clock when other work shares the machine. */
  perCpuSecond: number;
  judged: number;
  verdicts: Map<string, number>;
}

function measureThroughput(urls: readonly string[], work: (url: string) => string): Throughput {
  const verdicts = new Map<string, number>();
  for (let pass = 0; pass < 2; pass++) for (const url of urls) work(url);
  let judged = 0;
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(THROUGHPUT_SECONDS * 1e9);
  while (process.hrtime.bigint() < deadline) {
    for (const url of urls) {
      const outcome = work(url);
      verdicts.set(outcome, (verdicts.get(outcome) ?? 0) + 1);
    }
    judged += urls.length;
  }
  const wallMs = elapsedMs(start);
  return { perWallSecond: (judged / wallMs) * 1000, perCpuSecond: (judged / cpuMsSince(cpuStart)) * 1000, judged, verdicts };
}

/**
 * Each URL of the mix timed alone, its fastest of three runs kept: the average can hide one slow input, and the
 * fastest run is the input's own cost, free of garbage-collection pauses and of other processes.
 */
function slowestOf(urls: readonly string[], policy: CompiledPolicy): { ms: number; url: string } {
  const fastest = new Array<number>(urls.length).fill(Number.POSITIVE_INFINITY);
  for (let run = 0; run < 3; run++) {
    urls.forEach((url, index) => {
      const start = process.hrtime.bigint();
      judge(url, policy);
      fastest[index] = Math.min(fastest[index] as number, elapsedMs(start));
    });
  }
  let slowest = 0;
  fastest.forEach((ms, index) => {
    if (ms > (fastest[slowest] as number)) slowest = index;
  });
  return { ms: fastest[slowest] as number, url: urls[slowest] as string };
}

interface HostileTiming {
  name: string;
  length: number;
  medianMs: number;
  medianCpuMs: number;
  maxMs: number;
  outcome: string;
}

function measureHostile(policy: CompiledPolicy): HostileTiming[] {
  return createHostileInputs().map(({ name, input }) => {
    let outcome: string;
    try {
      for (let run = 0; run < 3; run++) judge(input, policy);
      outcome = judge(input, policy) ?? 'not a request';
    } catch (error) {
      // A throw is a defect in the engine; show it in the table rather than stopping the other measurements.
      return { name, length: input.length, medianMs: Number.NaN, medianCpuMs: Number.NaN, maxMs: Number.NaN, outcome: `THREW: ${errorMessage(error)}` };
    }
    const times: number[] = [];
    const cpuTimes: number[] = [];
    for (let run = 0; run < HOSTILE_RUNS; run++) {
      const cpuStart = process.cpuUsage();
      const start = process.hrtime.bigint();
      judge(input, policy);
      times.push(elapsedMs(start));
      cpuTimes.push(cpuMsSince(cpuStart));
    }
    return { name, length: input.length, medianMs: median(times), medianCpuMs: median(cpuTimes), maxMs: Math.max(...times), outcome };
  });
}

function formatTable(headers: readonly string[], rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number>): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `  ${cells.map((cell, column) => (rightAligned.has(column) ? cell.padStart(widths[column] as number) : cell.padEnd(widths[column] as number))).join('  ')}`.trimEnd();
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

const number = (value: number, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ms = (value: number) => (Number.isNaN(value) ? 'n/a' : `${number(value, 3)} ms`);
const verdictOf = (met: boolean) => (met ? 'met' : 'MISSED');

function main(): void {
  const random = createSeededRandom(20_260_615);
  const { policy, approved } = generatePolicy(random, APPROVED_INTEGRATIONS);
  const policyText = JSON.stringify(policy, null, 2);
  const fixtureUrls = loadFixtureUrls(FIXTURE_FOLDER);
  const urls = [...createUrlMix(random, approved, GENERATED_URLS), ...fixtureUrls];

  console.log('Consent Gate engine benchmark');
  console.log(`  Node ${process.version}, ${platform()} ${arch()}, ${cpus()[0]?.model ?? 'unknown CPU'}; one thread`);
  console.log(
    `  Policy: ${number(APPROVED_INTEGRATIONS)} approved integrations, ${number(policy.blockedIntegrations?.length ?? 0)} blocked, ${number(policyText.length / 1024)} KB of JSON`,
  );
  console.log(`  URL mix: ${number(urls.length)} URLs (${number(GENERATED_URLS)} generated across providers, ${number(fixtureUrls.length)} from test fixtures)`);
  console.log('');

  const load = measurePolicyLoad(policyText);
  const parseOnly = measureThroughput(urls, (url) => (parseAuthorizationUrl(url).ok ? 'request' : 'not a request'));
  const throughput = measureThroughput(urls, (url) => judge(url, load.compiled) ?? 'not a request');
  const slowestMixUrl = slowestOf(urls, load.compiled);
  const hostile = measureHostile(load.compiled);
  const slowestHostile = hostile.reduce((worst, timing) => (Number.isNaN(timing.maxMs) || timing.maxMs > worst.maxMs ? timing : worst));
  const slowestHostileTypically = hostile.reduce((worst, timing) => (Number.isNaN(timing.medianMs) || timing.medianMs > worst.medianMs ? timing : worst));
  const slowestHostileCpu = hostile.reduce((worst, timing) => (Number.isNaN(timing.medianCpuMs) || timing.medianCpuMs > worst.medianCpuMs ? timing : worst));

  console.log(
    formatTable(
      ['Measure', 'Result', 'Target', 'Status'],
      [
        [
          'Parse + evaluate throughput',
          `${number(throughput.perCpuSecond)} URLs/s (CPU), ${number(throughput.perWallSecond)} URLs/s (wall)`,
          `>= ${number(TARGET_URLS_PER_SECOND)} URLs/s`,
          verdictOf(throughput.perCpuSecond >= TARGET_URLS_PER_SECOND),
        ],
        ['  of which parse only', `${number(parseOnly.perCpuSecond)} URLs/s (CPU), ${number(parseOnly.perWallSecond)} URLs/s (wall)`, '', ''],
        [
          `Policy load (parse + compile, median of ${POLICY_LOAD_RUNS})`,
          `${ms(load.medianMs)} (min ${number(load.minMs, 1)}, max ${number(load.maxMs, 1)}; CPU ${number(load.medianCpuMs, 1)} ms)`,
          `< ${TARGET_POLICY_LOAD_MS} ms`,
          verdictOf(load.medianMs < TARGET_POLICY_LOAD_MS),
        ],
        [
          '  by stage (medians)',
          `text ${number(load.stagesMs.text, 1)}, schema ${number(load.stagesMs.schema, 1)}, compile ${number(load.stagesMs.compile, 1)} ms`,
          '',
          '',
        ],
        [`Slowest hostile input (max of ${HOSTILE_RUNS} runs)`, `${ms(slowestHostile.maxMs)}: ${slowestHostile.name}`, `<= ${TARGET_INPUT_MS} ms`, verdictOf(slowestHostile.maxMs <= TARGET_INPUT_MS)],
        [
          'Slowest hostile input (median of its runs)',
          `${ms(slowestHostileTypically.medianMs)}: ${slowestHostileTypically.name}`,
          `<= ${TARGET_INPUT_MS} ms`,
          verdictOf(slowestHostileTypically.medianMs <= TARGET_INPUT_MS),
        ],
        [
          'Slowest hostile input (median CPU time)',
          `${ms(slowestHostileCpu.medianCpuMs)}: ${slowestHostileCpu.name}`,
          `<= ${TARGET_INPUT_MS} ms`,
          verdictOf(slowestHostileCpu.medianCpuMs <= TARGET_INPUT_MS),
        ],
        ['Slowest URL of the mix (fastest of 3 runs)', ms(slowestMixUrl.ms), `<= ${TARGET_INPUT_MS} ms`, verdictOf(slowestMixUrl.ms <= TARGET_INPUT_MS)],
      ],
      new Set(),
    ),
  );
  console.log('');
  console.log('Timings are wall-clock unless marked CPU; other processes on the machine inflate wall-clock maxima.');
  console.log(`Load average at the end: ${loadavg().map((load) => load.toFixed(2)).join(', ')} on ${cpus().length} CPUs.`);
  console.log(`Verdicts over ${number(throughput.judged)} judged URLs: ${[...throughput.verdicts].map(([verdict, count]) => `${verdict} ${number((100 * count) / throughput.judged, 1)}%`).join(', ')}`);
  const shown = slowestMixUrl.url === '' ? '(an empty line)' : slowestMixUrl.url;
  console.log(`Slowest URL of the mix: ${shown.length > 160 ? `${shown.slice(0, 160)}...` : shown}`);
  console.log('');
  console.log(`Hostile inputs (${HOSTILE_RUNS} timed runs each, after warm-up)`);
  console.log(
    formatTable(
      ['Input', 'Length', 'Median', 'Median CPU', 'Max', 'Outcome'],
      hostile.map((timing) => [timing.name, number(timing.length), ms(timing.medianMs), ms(timing.medianCpuMs), ms(timing.maxMs), timing.outcome]),
      new Set([1, 2, 3, 4]),
    ),
  );
}

main();
printCliThroughput(await measureCliThroughput());
// The `inventory` command on a million generated events (scripts/bench/inventory.ts).
console.log('');
console.log(describeInventoryBenchmark(await measureInventory()).join('\n'));
