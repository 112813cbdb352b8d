/**
 * Command-line arguments for one command: declared options, `--name value` and `--name=value`, `--` ends the
 * options. Anything not declared is an error, so a typo such as `--polcy` never silently falls back to defaults.
 */

export interface OptionSpec {
  name: string;
  /** Set for options that take a value (`--policy FILE`); unset for switches (`--human`). */
  valueName?: string;
  /** A one-letter alias, e.g. `h` for `-h`. */
  short?: string;
  description: string;
}

export interface ParsedArguments {
  /** Switches hold `true`; options with a value hold the value given last. */
  options: Map<string, string | true>;
  positionals: string[];
}

export type ArgumentsResult = { ok: true; value: ParsedArguments } | { ok: false; message: string };

export function parseArguments(argv: readonly string[], specs: readonly OptionSpec[]): ArgumentsResult {
  const options = new Map<string, string | true>();
  const positionals: string[] = [];
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const byShort = new Map(specs.filter((spec) => spec.short !== undefined).map((spec) => [spec.short, spec]));

  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] as string;
    if (argument === '--') {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    // A lone "-" is a value (conventionally stdin), and so is anything not starting with "-".
    if (!argument.startsWith('-') || argument === '-') {
      positionals.push(argument);
      continue;
    }

    let spec: OptionSpec | undefined;
    let inlineValue: string | undefined;
    if (argument.startsWith('--')) {
      const equals = argument.indexOf('=');
      const name = equals === -1 ? argument.slice(2) : argument.slice(2, equals);
      inlineValue = equals === -1 ? undefined : argument.slice(equals + 1);
      spec = byName.get(name);
    } else if (argument.length === 2) {
      spec = byShort.get(argument.slice(1));
    }
    if (spec === undefined) return { ok: false, message: `unknown option ${argument}` };

    if (spec.valueName === undefined) {
      if (inlineValue !== undefined) return { ok: false, message: `--${spec.name} takes no value` };
      options.set(spec.name, true);
      continue;
    }
    if (inlineValue !== undefined) {
      options.set(spec.name, inlineValue);
      continue;
    }
    const next = argv[index + 1];
    if (next === undefined) return { ok: false, message: `--${spec.name} needs a value (${spec.valueName})` };
    options.set(spec.name, next);
    index++;
  }
  return { ok: true, value: { options, positionals } };
}

/** The value of an option that takes one, or undefined when it was not given. */
export function optionValue(parsed: ParsedArguments, name: string): string | undefined {
  const value = parsed.options.get(name);
  return typeof value === 'string' ? value : undefined;
}
