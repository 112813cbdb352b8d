/**
 * The text a person sees for a failure. StorageError and MessageError messages are written for people already
 * (lib/storage/storage-error.ts, lib/messages/send-message.ts); anything else keeps its own message.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message.trim() !== '') return error.message;
  const text = String(error);
  return text === '' || text === '[object Object]' ? 'An unexpected error occurred.' : text;
}
