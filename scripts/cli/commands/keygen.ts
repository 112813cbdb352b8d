/** `keygen --out DIR`: a new signing key pair for remote configs. The private half never leaves the admin's disk. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateSigningKeyPair } from '../../../lib/remote-config/signed-config';
import { EXIT_FAILURE, EXIT_OK, PROGRAM, type Command, readArguments, usageError } from '../command';

const OPTIONS = [
  { name: 'out', valueName: 'DIR', description: 'Folder for the key files (created if missing).' },
  { name: 'help', short: 'h', description: 'Show this help.' },
] as const;

export const PRIVATE_KEY_FILE = 'consent-gate-signing.key';
export const PUBLIC_KEY_FILE = 'consent-gate-signing.pub';

const DETAILS = `Writes ${PRIVATE_KEY_FILE} (private, PKCS#8 in base64, readable by you only) and
${PUBLIC_KEY_FILE} (public, SPKI in base64), and prints the public key. Put the public key in
managed policy as "configPublicKey"; keep the private key offline and use it with "sign".
Existing key files are never overwritten.`;

export const keygenCommand: Command = {
  name: 'keygen',
  summary: 'Create a key pair for signing remote configs.',
  usage: `${PROGRAM} keygen --out DIR`,
  options: OPTIONS,
  async run(argv, io) {
    const parsed = readArguments(keygenCommand, argv, io, DETAILS);
    if (typeof parsed === 'number') return parsed;
    const out = parsed.options.get('out');
    if (typeof out !== 'string' || parsed.positionals.length > 0) return usageError(io, 'keygen', 'expects --out DIR and nothing else');

    const pair = await generateSigningKeyPair();
    try {
      await mkdir(out, { recursive: true });
      // "wx": fail if the file exists, so an old key (and every browser pinned to it) is never lost by accident.
      await writeFile(join(out, PRIVATE_KEY_FILE), `${pair.privateKey}\n`, { flag: 'wx', mode: 0o600 });
      await writeFile(join(out, PUBLIC_KEY_FILE), `${pair.publicKey}\n`, { flag: 'wx', mode: 0o644 });
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'EEXIST' ? 'a key file already exists there; choose another folder' : (error as Error).message;
      io.stderr.write(`consent-gate keygen: cannot write the keys (${reason}).\n`);
      return EXIT_FAILURE;
    }
    io.stdout.write(`Wrote ${join(out, PRIVATE_KEY_FILE)} (keep it secret) and ${join(out, PUBLIC_KEY_FILE)}.\nconfigPublicKey: ${pair.publicKey}\n`);
    return EXIT_OK;
  },
};

