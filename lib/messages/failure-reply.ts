/**
 * The reply the router sends instead of a handler's when it refuses a message or the handler fails. Kept apart
 * from protocol.ts so a content script can recognise it without bundling the schemas.
 */
export interface FailureReply {
  ok: false;
  error: string;
  /** The message was refused before any handler ran (unknown type, wrong sender, malformed payload). */
  refused?: true;
  /** The handler ran and threw. */
  failed?: true;
}

export function isFailureReply(value: unknown): value is FailureReply {
  if (typeof value !== 'object' || value === null) return false;
  const reply = value as Record<string, unknown>;
  return reply.ok === false && typeof reply.error === 'string' && (reply.refused === true || reply.failed === true);
}
