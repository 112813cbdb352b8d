/**
 * Streams many generated lines through `check` as a separate process, the way an admin pipes a log into it, and
 * reports throughput and the process's peak memory (VmHWM from /proc, Linux only). Flat memory for a million
 * lines is the point: the CLI must never hold more than a line and an output batch.
 *
 * Usage: tsx scripts/bench/cli-stream.ts [LINES]   (default 1,000,000)
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { generatePolicy } from './generate-policy';
import { createSeededRandom } from './seeded-random';
import { createUrlMix } from './url-mix';

const lineCount = Number(process.argv[2] ?? 1_000_000);
const REPOSITORY = join(import.meta.dirname, '../..');

/** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ, proc(5)). */
const TICKS_PER_SECOND = 100;

/** Current and peak resident memory and CPU time so far of a process, from /proc (Linux). */
function sampleProcess(pid: number): { rssKb: number; peakKb: number; cpuSeconds: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = /VmRSS:\s+(\d+) kB/.exec(status);
    const peak = /VmHWM:\s+(\d+) kB/.exec(status);
    // Fields 14 and 15 of /proc/PID/stat are utime and stime; the command name (field 2) may hold spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
    return rss === null || peak === null ? undefined : { rssKb: Number(rss[1]), peakKb: Number(peak[1]), cpuSeconds };
  } catch {
    // The process has ended between two samples; the last sample stands.
    return undefined;
  }
}

/** Counts lines without reading the whole output (over a gigabyte for a million lines) into one string. */
async function countLines(file: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(file)) {
    for (let index = (chunk as Buffer).indexOf(10); index !== -1; index = (chunk as Buffer).indexOf(10, index + 1)) lines++;
  }
  return lines;
}

async function writeInput(file: string): Promise<void> {
  const random = createSeededRandom(7);
  const { approved } = generatePolicy(random, 1_000);
  const distinct = createUrlMix(random, approved, 20_000);
  const out = createWriteStream(file);
  for (let index = 0; index < lineCount; index++) {
    if (!out.write(`${distinct[index % distinct.length]}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

interface StreamRun {
  seconds: number;
  /** CPU time of the process up to the last sample (the last 50 ms may be missing). */
  cpuSeconds: number | undefined;
  peakKb: number | undefined;
  /** Peak RSS within each quarter of the run: flat when memory does not grow with the number of lines. */
  quarterPeaksKb: (number | undefined)[];
  code: number | null;
}

async function measure(inputFile: string, outputFile: string): Promise<StreamRun> {
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, [join(REPOSITORY, 'scripts/cli/launch.mjs'), 'check'], {
    cwd: REPOSITORY,
    stdio: [openSync(inputFile, 'r'), openSync(outputFile, 'w'), 'inherit'],
  });
  const samples: { at: number; rssKb: number; peakKb: number; cpuSeconds: number }[] = [];
  const sampler = setInterval(() => {
    const sample = child.pid === undefined ? undefined : sampleProcess(child.pid);
    if (sample !== undefined) samples.push({ at: Number(process.hrtime.bigint() - start) / 1e9, ...sample });
  }, 50);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearInterval(sampler);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const quarterPeaksKb = [0, 1, 2, 3].map((quarter) => {
    const within = samples.filter((sample) => sample.at >= (quarter * seconds) / 4 && sample.at < ((quarter + 1) * seconds) / 4);
    return within.length === 0 ? undefined : Math.max(...within.map((sample) => sample.rssKb));
  });
  const peaks = samples.map((sample) => sample.peakKb);
  const cpuSeconds = samples.at(-1)?.cpuSeconds;
  return { seconds, cpuSeconds, peakKb: peaks.length === 0 ? undefined : Math.max(...peaks), quarterPeaksKb, code };
}

const folder = mkdtempSync(join(tmpdir(), 'consent-gate-stream-'));
try {
  const input = join(folder, 'input.txt');
  const output = join(folder, 'output.jsonl');
  await writeInput(input);
  const oneLine = join(folder, 'one.txt');
  createWriteStream(oneLine).end('https://example.com/\n');
  await new Promise((resolve) => setTimeout(resolve, 50));
  const baseline = await measure(oneLine, join(folder, 'one.jsonl'));
  const run = await measure(input, output);
  const outputLines = await countLines(output);
  const megabytes = (kb: number | undefined) => (kb === undefined ? 'n/a' : `${(kb / 1024).toFixed(1)} MB`);
  console.log(`check, streaming ${lineCount.toLocaleString('en-US')} lines (${(statSync(input).size / 2 ** 20).toFixed(0)} MB in, ${(statSync(output).size / 2 ** 20).toFixed(0)} MB out)`);
  console.log(`  exit code          ${run.code}`);
  console.log(`  lines answered     ${outputLines.toLocaleString('en-US')}`);
  console.log(`  wall time          ${run.seconds.toFixed(1)} s (process start included)`);
  console.log(`  throughput         ${Math.round(outputLines / run.seconds).toLocaleString('en-US')} lines/s (wall)`);
  if (run.cpuSeconds !== undefined) {
    console.log(`  CPU time           ${run.cpuSeconds.toFixed(1)} s, ${Math.round(outputLines / run.cpuSeconds).toLocaleString('en-US')} lines per CPU second`);
  }
  console.log(`  peak RSS           ${megabytes(run.peakKb)}  (one line: ${megabytes(baseline.peakKb)})`);
  console.log(`  RSS by quarter     ${run.quarterPeaksKb.map(megabytes).join(', ')}`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
