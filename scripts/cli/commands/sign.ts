/** `sign --key FILE --serial N POLICY`: a signed remote config, after the policy is validated. */
import { readFile, writeFile } from 'node:fs/promises';
import { importPrivateKey, signConfig } from '../../../lib/remote-config/signed-config';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, PROGRAM, type Command, readArguments, usageError } from '../command';
import { loadPolicyFile, renderPolicyProblems } from '../load-policy';
import { nextSerialAfter } from '../next-serial';
import { createTerminalStyle, shouldUseColour } from '../terminal-style';

const OPTIONS = [
  { name: 'key', valueName: 'FILE', description: 'The private key written by keygen.' },
  {
    name: 'serial',
    valueName: 'N',
    description: 'A whole number, higher than every config published before (e.g. 2026112901), or "next": one more than the config in --out.',
  },
  { name: 'expires-in-days', valueName: 'DAYS', description: 'Browsers stop using this config after DAYS days (default: no expiry).' },
  { name: 'out', valueName: 'FILE', description: 'Write the signed config here instead of standard output.' },
  { name: 'help', short: 'h', description: 'Show this help.' },
] as const;

const DETAILS = `Validates the policy first and refuses to sign an invalid one. Browsers refuse a config
whose serial is lower than the one they already use, so always raise it: "--serial next"
reads the serial of the config in --out (1 when there is none yet) and uses the next. Publish the output
at the managed policy's "configUrl" over HTTPS; browsers verify it with "configPublicKey".`;

export const signCommand: Command = {
  name: 'sign',
  summary: 'Sign a policy for publication as a remote config.',
  usage: `${PROGRAM} sign --key FILE --serial N|next [--expires-in-days DAYS] [--out FILE] POLICY`,
  options: OPTIONS,
  async run(argv, io) {
    const parsed = readArguments(signCommand, argv, io, DETAILS);
    if (typeof parsed === 'number') return parsed;
    const { options, positionals } = parsed;
    const keyFile = options.get('key');
    const serialText = options.get('serial');
    if (typeof keyFile !== 'string') return usageError(io, 'sign', 'needs --key FILE');
    if (typeof serialText !== 'string' || (serialText !== 'next' && !/^[1-9]\d{0,14}$/.test(serialText))) {
      return usageError(io, 'sign', 'needs --serial N, a whole number of at least 1, or --serial next');
    }
    if (serialText === 'next' && typeof options.get('out') !== 'string') {
      return usageError(io, 'sign', '--serial next needs --out FILE: the serial follows the config signed into that file before');
    }
    if (positionals.length !== 1) return usageError(io, 'sign', `expects exactly one policy file, got ${positionals.length}`);
    const expiresText = options.get('expires-in-days');
    if (expiresText !== undefined && (typeof expiresText !== 'string' || !/^[1-9]\d{0,4}$/.test(expiresText))) {
      return usageError(io, 'sign', '--expires-in-days takes a whole number of days');
    }

    const policyFile = positionals[0] as string;
    const loaded = await loadPolicyFile(policyFile);
    if (!loaded.ok) {
      io.stderr.write(renderPolicyProblems(policyFile, loaded.problems, createTerminalStyle(shouldUseColour(false, io.env))));
      return EXIT_USAGE;
    }
    let keyText: string;
    try {
      keyText = (await readFile(keyFile, 'utf8')).trim();
    } catch (error) {
      io.stderr.write(`consent-gate sign: cannot read the key (${(error as Error).message}).\n`);
      return EXIT_USAGE;
    }
    const privateKey = await importPrivateKey(keyText);
    if (!privateKey) {
      io.stderr.write(`consent-gate sign: ${keyFile} is not a private key written by keygen.\n`);
      return EXIT_USAGE;
    }
    const out = options.get('out');
    let serial = Number(serialText);
    let after = '';
    if (serialText === 'next') {
      const next = await nextSerialAfter(out as string);
      if (!next.ok) {
        io.stderr.write(`consent-gate sign: --serial next: ${next.error}.\n`);
        return EXIT_USAGE;
      }
      serial = next.serial;
      after = next.previous === undefined ? ' (the first config in that file)' : ` (after serial ${next.previous})`;
    }
    const now = new Date();
    // The policy is re-serialised from the validated value: comments and layout of the source file are dropped,
    // and what browsers parse is exactly what was validated here.
    const signed = await signConfig(
      {
        policyText: JSON.stringify(loaded.policy),
        serial,
        issuedAt: now,
        ...(expiresText ? { expiresAt: new Date(now.getTime() + Number(expiresText) * 86_400_000) } : {}),
      },
      privateKey,
    );
    if (typeof out === 'string') {
      try {
        await writeFile(out, signed);
      } catch (error) {
        io.stderr.write(`consent-gate sign: cannot write ${out} (${(error as Error).message}).\n`);
        return EXIT_FAILURE;
      }
      io.stderr.write(`Signed ${policyFile} as serial ${serial}${after} into ${out}.\n`);
    } else {
      io.stdout.write(signed);
    }
    return EXIT_OK;
  },
};

