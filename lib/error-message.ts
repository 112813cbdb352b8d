/**
 * The text of a failure, for a person, a log line or a reply: an Error's own message, or the thrown value as text.
 * StorageError and MessageError messages are written for people already (lib/storage/storage-error.ts,
 * lib/messages/send-message.ts). Never empty: an Error without a message gives its name, and a thrown plain object
 * (whose text says nothing) a general sentence, so a blank never stands where the reason belongs.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message.trim() !== '') return error.message;
  const text = String(error);
  return text === '' || text === '[object Object]' ? 'An unexpected error occurred.' : text;
}
