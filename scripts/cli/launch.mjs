/**
 * Starts the admin CLI (`npm run --silent cli -- ...`) from a bundle of scripts/cli/main.ts that is rebuilt whenever
 * one of its sources changed.
 *
 * Why a bundle instead of running the TypeScript through tsx: tsx compiles with esbuild's `keepNames`, which wraps
 * every function the engine creates per request in a helper that renames it, and loads about 150 modules one by
 * one. Scanning a log runs the engine a million times, and the bundle judges about twice as many lines per CPU second
 * (`npm run bench` prints the figures) and starts faster. Plain JavaScript because it must run before anything can
 * compile TypeScript.
 *
 * The bundle lives in node_modules/.cache/consent-gate-cli/ with the list of its inputs and their fingerprints; the
 * check costs a stat per input (about 200 files and 40 folders, a few milliseconds). A stale or missing bundle is
 * rebuilt (about half a second) and swapped in atomically, so two runs starting together never see half a file.
 *
 * What counts as an input, and why, so that a stale bundle can never run after an edit:
 * - every file esbuild read, plus the files that shape the build without being read as sources: this launcher (its
 *   build options), tsconfig.json and package.json (which esbuild consults), package-lock.json (dependencies);
 * - the folder of every source: a new file there can change what an import resolves to (`./x` finds `x.tsx` before
 *   `x.ts`) while no recorded file changed, and adding or removing a file changes the folder's fingerprint;
 * - a fingerprint is size, modification time, change time and inode. The modification time alone can be put back
 *   (cp -p, tar, rsync -t, touch -r); the change time cannot, and a file replaced by another has a new inode;
 * - a file or folder that changed after the build started is recorded as unknown, so the next run builds again
 *   rather than trust a bundle made from the older text.
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPOSITORY = join(dirname(fileURLToPath(import.meta.url)), '../..');
const ENTRY = join(REPOSITORY, 'scripts/cli/main.ts');
const CACHE = join(REPOSITORY, 'node_modules/.cache/consent-gate-cli');
const BUNDLE = join(CACHE, 'cli.mjs');
const INPUTS = join(CACHE, 'inputs.json');
const LAUNCHER = relative(REPOSITORY, fileURLToPath(import.meta.url));

/** Files that decide how the bundle is built, besides the sources esbuild reports. */
const BUILD_INPUTS = ['scripts/cli/launch.mjs', 'tsconfig.json', 'package.json', 'package-lock.json'];
/** Recorded for an input that changed while the bundle was built: never equal to a real fingerprint. */
const CHANGED_DURING_BUILD = 'changed-during-build';

/** Size, modification time, change time and inode of a file or folder, or undefined when it is gone. */
function fingerprint(file) {
  try {
    const stat = statSync(file);
    return `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`;
  } catch {
    return undefined;
  }
}

/** True when the bundle exists and every input still has the size and time it had when the bundle was built. */
function bundleIsFresh() {
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(INPUTS, 'utf8'));
  } catch {
    return false;
  }
  if (fingerprint(BUNDLE) === undefined || typeof recorded !== 'object' || recorded === null) return false;
  // A bundle built by another version of this file (other build options) is stale even if no source changed.
  if (recorded[LAUNCHER] === undefined) return false;
  for (const [file, print] of Object.entries(recorded)) {
    if (fingerprint(join(REPOSITORY, file)) !== print) return false;
  }
  return true;
}

async function rebuild() {
  mkdirSync(CACHE, { recursive: true });
  const temporary = `${BUNDLE}.${process.pid}.tmp`;
  // Change times are the file system's clock, which this process shares; a margin covers coarse timestamps.
  const startedAt = Date.now() - 2_000;
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: temporary,
    metafile: true,
    logLevel: 'error',
    // Prefer a package's ES module build: some packages' CommonJS builds (jsonc-parser's UMD) load their parts with
    // a `require` that a bundle cannot follow.
    mainFields: ['module', 'main'],
    // Bundled packages that still call `require` need one in an ES module.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  const files = [...Object.keys(result.metafile.inputs), ...BUILD_INPUTS].map((file) => join(REPOSITORY, file));
  // The repository's root is left out: nothing is imported from it by a relative path, and it changes often.
  const folders = [...new Set(files.map((file) => dirname(file)))].filter((folder) => folder !== REPOSITORY);
  const inputs = {};
  for (const absolute of [...files, ...folders]) {
    const print = fingerprint(absolute);
    if (print === undefined) continue;
    const changedSinceStart = statSync(absolute).ctimeMs >= startedAt;
    inputs[relative(REPOSITORY, absolute)] = changedSinceStart ? CHANGED_DURING_BUILD : print;
  }
  const inputsTemporary = `${INPUTS}.${process.pid}.tmp`;
  writeFileSync(inputsTemporary, JSON.stringify(inputs));
  // The bundle first: a reader that sees the new input list always finds the bundle it describes.
  renameSync(temporary, BUNDLE);
  renameSync(inputsTemporary, INPUTS);
}

if (!bundleIsFresh()) {
  try {
    await rebuild();
  } catch (error) {
    process.stderr.write(`consent-gate: could not build the CLI: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
}
await import(pathToFileURL(BUNDLE).href);
