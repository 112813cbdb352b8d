/**
 * Reads a policy file for the CLI and reports every problem with where it is and how to fix it. A file that cannot
 * be read is a problem like any other, never a silent fallback to the defaults.
 */
import { readFile } from 'node:fs/promises';
import { compilePolicy } from '../../lib/engine/compile-policy';
import type { CompiledPolicy } from '../../lib/policy/compiled-policy';
import { parsePolicyText, type PolicyError } from '../../lib/policy/parse-policy';
import type { Policy } from '../../lib/policy/schema';
import type { TerminalStyle } from './terminal-style';
import { escapeForTerminal, wrapText } from './terminal-text';
import { errorMessage } from '../../lib/error-message';

export type LoadedPolicy = { ok: true; policy: Policy; compiled: CompiledPolicy } | { ok: false; problems: PolicyError[] };

const READ_FIXES: Readonly<Record<string, string>> = {
  ENOENT: 'Check the path: no file has this name.',
  EISDIR: 'Give the path of the policy file, not of its folder.',
  EACCES: 'Make the file readable for your user, or run as a user who can read it.',
};

export async function loadPolicyFile(file: string): Promise<LoadedPolicy> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    const reason = errorMessage(error);
    return { ok: false, problems: [{ path: '$', message: `The file cannot be read (${reason}).`, fix: READ_FIXES[code] ?? 'Check the path and the file.' }] };
  }
  const parsed = parsePolicyText(text);
  if (!parsed.ok) return { ok: false, problems: parsed.errors };
  return { ok: true, policy: parsed.policy, compiled: compilePolicy(parsed.policy) };
}

/**
 * Every problem as a numbered block: `file:line:column` when the text itself is broken, the JSON path, what is
 * wrong and the fix.
 */
export function renderPolicyProblems(file: string, problems: readonly PolicyError[], style: TerminalStyle, width = 100): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const lines = [style.paint(`${escapeForTerminal(file)}: ${count}; the policy is not valid.`, 'red'), ''];
  problems.forEach((problem, index) => {
    const number = `${index + 1}. `;
    const indent = ' '.repeat(number.length + 2);
    const where = problem.line === undefined ? '' : `${escapeForTerminal(file)}:${problem.line}:${problem.column ?? 1}  `;
    lines.push(`  ${number}${style.bold(`${where}${escapeForTerminal(problem.path)}`)}`);
    // The location is already in the heading.
    const message = escapeForTerminal(problem.message.replace(/^Line \d+, column \d+: /, ''));
    for (const line of wrapText(message, width - indent.length)) lines.push(`${indent}${line}`);
    wrapText(`Fix: ${escapeForTerminal(problem.fix)}`, width - indent.length).forEach((line, lineIndex) => {
      lines.push(`${indent}${lineIndex === 0 ? line.replace(/^Fix:/, style.paint('Fix:', 'green')) : line}`);
    });
    lines.push('');
  });
  return `${lines.join('\n')}`;
}
