/**
 * The one way the background receives messages: classify the sender from the browser's fields, parse the payload
 * with its schema, check the sender may send it (ALLOWED_SENDERS), and only then call the typed handler.
 * Every refusal is answered with a reason and logged; nothing is silently accepted or dropped.
 */
import { ALLOWED_SENDERS, parseMessage, type Message, type MessageReplies, type MessageType } from './protocol';
import type { FailureReply } from './failure-reply';
import { classifySender, senderContext, type ExtensionIdentity, type SenderContext, type SenderFields } from './sender';
import { errorMessage } from '../error-message';

export type MessageHandler<T extends MessageType> = (
  message: Message<T>,
  sender: SenderContext,
) => MessageReplies[T] | Promise<MessageReplies[T]>;

export type MessageHandlers = { [T in MessageType]: MessageHandler<T> };

export interface RouterLog {
  warn(message: string, details?: unknown): void;
  error(message: string, details?: unknown): void;
}

export interface RouterOptions {
  extension: ExtensionIdentity;
  log?: RouterLog;
}

export type RouterReply = MessageReplies[MessageType] | FailureReply;
export type MessageRouter = (message: unknown, sender: SenderFields) => Promise<RouterReply>;

function describeSender(sender: SenderFields): string {
  return `id=${sender.id ?? '-'} url=${sender.url?.slice(0, 200) ?? '-'} tab=${sender.tab?.id ?? '-'}`;
}

export function createMessageRouter(handlers: MessageHandlers, options: RouterOptions): MessageRouter {
  const log = options.log ?? console;

  const refuse = (reason: string, sender: SenderFields): FailureReply => {
    log.warn(`Consent Gate refused a message: ${reason}`, describeSender(sender));
    return { ok: false, refused: true, error: reason };
  };

  return async (raw, sender) => {
    const kind = classifySender(sender, options.extension);
    if (kind === undefined) return refuse('Refused a message from an unknown sender.', sender);

    const parsed = parseMessage(raw);
    if (!parsed.ok) return refuse(parsed.error, sender);

    const { message } = parsed;
    if (!ALLOWED_SENDERS[message.type].includes(kind)) {
      return refuse(`Refused ${message.type} from a ${kind}: only ${ALLOWED_SENDERS[message.type].join(', ')} may send it.`, sender);
    }

    const handler = handlers[message.type] as MessageHandler<MessageType>;
    try {
      return await handler(message, senderContext(kind, sender));
    } catch (error) {
      const reason = errorMessage(error);
      log.error(`Consent Gate could not handle ${message.type}: ${reason}`, error);
      return { ok: false, failed: true, error: reason };
    }
  };
}
