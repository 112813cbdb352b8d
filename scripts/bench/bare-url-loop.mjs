/**
 * The floor `npm run bench` compares `check` against: the least a line-by-line URL judge can do. Reads stdin as
 * `check` does (chunks, split at line ends), parses each line with `new URL()` and writes one JSON object per line
 * through the same kind of batched, backpressure-aware writes. Plain JavaScript run by bare Node, so no compiler or
 * loader cost is counted that `check` might not pay.
 */
/* global URL */
const BATCH = 64 * 1024;
let pending = '';
let output = '';

async function write(text) {
  output += text;
  if (output.length < BATCH) return;
  const chunk = output;
  output = '';
  if (!process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once('drain', resolve));
}

async function answer(line) {
  let record;
  try {
    const url = new URL(line);
    record = { input: line, valid: true, protocol: url.protocol, host: url.hostname, path: url.pathname, query: url.search };
  } catch {
    record = { input: line, valid: false };
  }
  await write(`${JSON.stringify(record)}\n`);
}

process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) {
  const text = pending + chunk;
  let start = 0;
  for (let end = text.indexOf('\n', start); end !== -1; end = text.indexOf('\n', start)) {
    await answer(text.slice(start, end));
    start = end + 1;
  }
  pending = text.slice(start);
}
if (pending !== '') await answer(pending);
process.stdout.write(output);
