/**
 * The serial that follows the config signed last: read from that signed file (`sign --serial next --out FILE`
 * replaces it, `decide --signed FILE` prints it). Browsers refuse a config whose serial is lower than the one in
 * force, so guessing is never good enough; a file that is there but unreadable is an error, not a fresh start.
 */
import { readFile } from 'node:fs/promises';
import { readSignedConfigSerial } from '../../lib/remote-config/signed-config';

/** `sign` takes serials of up to 15 digits, safely inside a JavaScript number. */
export const MAX_SERIAL = 999_999_999_999_999;

export type NextSerial = { ok: true; serial: number; previous?: number } | { ok: false; error: string };

export async function nextSerialAfter(signedFile: string): Promise<NextSerial> {
  let text: string;
  try {
    text = await readFile(signedFile, 'utf8');
  } catch (error) {
    // No config was signed into this file yet: the first one is serial 1.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, serial: 1 };
    return { ok: false, error: `cannot read ${signedFile} (${(error as Error).message})` };
  }
  const read = readSignedConfigSerial(text);
  if (!read.ok) return { ok: false, error: `${signedFile} is ${read.error}, so its serial is unknown; give --serial N yourself` };
  if (read.serial >= MAX_SERIAL) return { ok: false, error: `${signedFile} has serial ${read.serial}, the largest there is` };
  return { ok: true, serial: read.serial + 1, previous: read.serial };
}
