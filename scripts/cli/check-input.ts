/** Reads and judges one input line: the engine (lib/) behind `check` and `explain`. */
import type { ParseResult } from '../../lib/authorization-request';
import { evaluateRequest } from '../../lib/engine/evaluate-request';
import type { Evaluation } from '../../lib/evaluation';
import type { CompiledPolicy } from '../../lib/policy/compiled-policy';
import { parseAuthorizationUrl } from '../../lib/parse-authorization-url';
import { formatCheckResult, notAnAuthorizationRequest, type CheckRecord } from './format-check-result';
import type { SplitLine } from './line-splitter';

export interface Judgement {
  parsed: ParseResult;
  evaluation: Evaluation | undefined;
}

export function judgeInput(input: string, policy: CompiledPolicy, now: Date): Judgement {
  const parsed = parseAuthorizationUrl(input);
  return { parsed, evaluation: parsed.ok ? evaluateRequest(parsed.request, policy, { now }) : undefined };
}

export function checkInput(line: SplitLine, policy: CompiledPolicy, now: Date): CheckRecord {
  if (typeof line !== 'string') {
    return notAnAuthorizationRequest(
      line.prefix,
      `the line is ${line.length} characters long, more than any browser accepts as a URL; only its beginning is shown`,
    );
  }
  const { parsed, evaluation } = judgeInput(line, policy, now);
  return formatCheckResult(line, parsed, evaluation);
}
