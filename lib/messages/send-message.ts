/**
 * This module's job is the browser: the typed way content scripts and extension pages talk to the background.
 * Imports only types from protocol.ts, so a content script does not carry the schemas.
 */
import { browser } from 'wxt/browser';
import { isFailureReply } from './failure-reply';
import type { Message, MessageReplies, MessageType } from './protocol';

/** The background refused the message or failed while handling it; `message` says why, for a person. */
export class MessageError extends Error {
  override readonly name = 'MessageError';
  readonly refused: boolean;

  constructor(message: string, refused: boolean) {
    super(message);
    this.refused = refused;
  }
}

export async function sendMessage<T extends MessageType>(message: Message<T>): Promise<MessageReplies[T]> {
  const reply: unknown = await browser.runtime.sendMessage(message);
  if (reply === undefined) {
    throw new MessageError(`Consent Gate's background did not answer ${message.type}. Reload the page and try again.`, false);
  }
  if (isFailureReply(reply)) throw new MessageError(reply.error, reply.refused === true);
  return reply as MessageReplies[T];
}
