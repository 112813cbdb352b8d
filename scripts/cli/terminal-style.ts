/**
 * Colour for people at a terminal only: never in a pipe or a file, and never when NO_COLOR is set
 * (https://no-color.org: "present and not an empty string").
 */

export const COLOURS = { red: 31, green: 32, yellow: 33, magenta: 35, cyan: 36, grey: 90 } as const;
export type Colour = keyof typeof COLOURS;

export interface TerminalStyle {
  paint(text: string, colour: Colour): string;
  bold(text: string): string;
}

export function shouldUseColour(isTty: boolean | undefined, environment: NodeJS.ProcessEnv): boolean {
  const noColour = environment.NO_COLOR;
  return isTty === true && (noColour === undefined || noColour === '');
}

export function createTerminalStyle(colour: boolean): TerminalStyle {
  if (!colour) return { paint: (text) => text, bold: (text) => text };
  return {
    paint: (text, name) => `\u001b[${COLOURS[name]}m${text}\u001b[39m`,
    bold: (text) => `\u001b[1m${text}\u001b[22m`,
  };
}
