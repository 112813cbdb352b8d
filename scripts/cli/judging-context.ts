/** The `--policy` and `--today` options `check` and `explain` share: which policy to judge by, and as of which day. */
import type { CompiledPolicy } from '../../lib/policy/compiled-policy';
import { defaultCompiledPolicy } from '../../lib/engine/default-policy';
import type { CliIo } from './command';
import { loadPolicyFile, renderPolicyProblems } from './load-policy';
import { optionValue, type OptionSpec, type ParsedArguments } from './parse-arguments';
import { parseToday } from './parse-today';
import { createTerminalStyle } from './terminal-style';

export const JUDGING_OPTIONS: readonly OptionSpec[] = [
  { name: 'policy', valueName: 'FILE', description: 'Judge against this policy file instead of the built-in defaults.' },
  { name: 'today', valueName: 'YYYY-MM-DD', description: 'Judge expiry and review dates as of this day (default: today).' },
];

export interface JudgingContext {
  policy: CompiledPolicy;
  now: Date;
}

/** The context, or a usage message; an invalid policy is reported on stderr (undefined then). */
export async function resolveJudgingContext(
  args: ParsedArguments,
  io: CliIo,
): Promise<{ ok: true; context: JudgingContext } | { ok: false; usage?: string }> {
  const todayText = optionValue(args, 'today');
  const now = todayText === undefined ? new Date() : parseToday(todayText);
  if (now === undefined) return { ok: false, usage: `--today needs a real date as YYYY-MM-DD, not "${todayText}"` };

  const policyFile = optionValue(args, 'policy');
  if (policyFile === undefined) return { ok: true, context: { policy: defaultCompiledPolicy(), now } };
  const loaded = await loadPolicyFile(policyFile);
  if (!loaded.ok) {
    // Fail closed: a broken policy never falls back to the defaults, which approve nothing the admin approved.
    io.stderr.write(renderPolicyProblems(policyFile, loaded.problems, createTerminalStyle(false)));
    return { ok: false };
  }
  return { ok: true, context: { policy: loaded.compiled, now } };
}
