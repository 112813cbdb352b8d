/**
 * Turns input lines into `check`'s JSON lines, fast enough to scan a proxy log.
 *
 * Two facts make that possible without changing a byte of the output:
 * - In a real log the same apps come back over and over, each time with a fresh `state`, `nonce` or PKCE challenge.
 *   The engine's judgement depends only on what it reads from the request, and of that only the full URL and the
 *   login hint change from one sign-in to the next; so the serialised judgement (verdict, risk, findings: most of each
 *   line's bytes and most of its cost) is computed once per distinct request and reused. A test in
 *   test/unit/cli/check-line-serializer.test.ts proves on every fixture URL that the judgement ignores those fields,
 *   so a rule that starts reading them fails the build instead of silently sharing a stale judgement.
 * - Lines that are not authorization requests (most of a log) differ only in their input and reason.
 *
 * `JSON.stringify` of the whole record and this serializer give the same text; the test checks that too.
 */
import type { AuthorizationRequest } from '../../lib/authorization-request';
import { evaluateRequest } from '../../lib/engine/evaluate-request';
import type { CompiledPolicy } from '../../lib/policy/compiled-policy';
import { parseAuthorizationUrl } from '../../lib/parse-authorization-url';
import { judgementFields, notAnAuthorizationRequest, requestFields } from './format-check-result';
import { checkInput } from './check-input';
import type { SplitLine } from './line-splitter';

/** Distinct judgements kept. Bounded so that a log of a million different apps cannot grow memory without end. */
export const JUDGEMENT_MEMO_LIMIT = 20_000;
/**
 * Characters (keys and texts together) kept. A count alone does not bound memory: a line may be 4 MiB, so 20,000
 * hostile lines, each a distinct request with a huge scope list, would keep gigabytes. 16 Mi characters is far above a
 * real log's working set (a few hundred apps of a few hundred characters each).
 */
export const JUDGEMENT_MEMO_CHARACTER_LIMIT = 16 * 1024 * 1024;
/** One key and text longer than this are not kept at all: a single entry must not empty the memo for everyone else. */
export const JUDGEMENT_MEMO_ENTRY_LIMIT = 64 * 1024;

/** Request fields that vary per sign-in and that no rule reads (see the test named above). */
export const PER_SIGN_IN_FIELDS: ReadonlySet<string> = new Set<keyof AuthorizationRequest>(['url', 'loginHint']);

/** Every field but the per-sign-in ones, in the request's own order: equal keys mean equal judgements. */
export function judgementKey(request: AuthorizationRequest): string {
  // The replacer sees the top-level object under the key ''; only its own per-sign-in fields are left out.
  return JSON.stringify(request, function (this: unknown, key: string, value: unknown) {
    return this === request && PER_SIGN_IN_FIELDS.has(key) ? undefined : value;
  });
}

export class CheckLineSerializer {
  private readonly judgements = new Map<string, string>();
  private readonly rejections = new Map<string, string>();
  private readonly characters = new Map<Map<string, string>, number>();

  constructor(
    private readonly policy: CompiledPolicy,
    private readonly now: Date,
    private readonly memoLimit = JUDGEMENT_MEMO_LIMIT,
    private readonly characterLimit = JUDGEMENT_MEMO_CHARACTER_LIMIT,
  ) {}

  /** What the memos hold now: entries and characters (keys and texts), for the bounds' tests. */
  memoSize(): { entries: number; characters: number } {
    return {
      entries: this.judgements.size + this.rejections.size,
      characters: (this.characters.get(this.judgements) ?? 0) + (this.characters.get(this.rejections) ?? 0),
    };
  }

  /** One line of output, without its line end. Throws when the engine fails on the input. */
  serialize(line: SplitLine): string {
    // An over-long line is rare and never judged: the shared record says so.
    if (typeof line !== 'string') return JSON.stringify(checkInput(line, this.policy, this.now));
    const parsed = parseAuthorizationUrl(line);
    if (!parsed.ok) return `{"input":${JSON.stringify(line)}${this.rejectionText(parsed.reason)}`;

    const key = judgementKey(parsed.request);
    let judgement = this.judgements.get(key);
    if (judgement === undefined) {
      const evaluation = evaluateRequest(parsed.request, this.policy, { now: this.now });
      // `{"verdict":...}` becomes `,"verdict":...}`: the tail of the record after the request's fields.
      judgement = `,${JSON.stringify(judgementFields(evaluation)).slice(1)}`;
      this.remember(this.judgements, key, judgement);
    }
    return `${JSON.stringify(requestFields(line, parsed.request)).slice(0, -1)}${judgement}`;
  }

  /** Everything after `"input":"..."` for a rejected line: the same for every line rejected for the same reason. */
  private rejectionText(reason: string): string {
    let text = this.rejections.get(reason);
    if (text === undefined) {
      // `{"input":"",...}` becomes `,...}`.
      text = `,${JSON.stringify(notAnAuthorizationRequest('', reason)).slice('{"input":"",'.length)}`;
      this.remember(this.rejections, reason, text);
    }
    return text;
  }

  private remember(memo: Map<string, string>, key: string, text: string): void {
    const size = key.length + text.length;
    if (size > JUDGEMENT_MEMO_ENTRY_LIMIT || size > this.characterLimit) return;
    // Forget everything at a limit: simpler than LRU bookkeeping per line, and a log's working set of apps is far
    // below the limits, so this happens only on hostile or unusually varied input.
    let held = this.characters.get(memo) ?? 0;
    if (memo.size >= this.memoLimit || held + size > this.characterLimit) {
      memo.clear();
      held = 0;
    }
    memo.set(key, text);
    this.characters.set(memo, held + size);
  }
}
