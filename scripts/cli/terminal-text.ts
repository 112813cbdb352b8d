/**
 * Plain-text helpers for output people read in a terminal. Every string from a URL is attacker-controlled: control
 * characters could move the cursor or recolour the screen (ANSI escapes), and bidirectional overrides could make
 * text read differently from what it is (CVE-2021-42574, "Trojan Source"), so both are shown as visible escapes.
 */

// C0 controls, DEL, C1 controls, bidi embeddings/overrides/isolates, and the invisible marks that reorder text.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Breaks text into lines of at most `width` characters, at spaces where possible; a word longer than the width
 * (a URL, a Graph scope) is cut so the table never runs off the screen.
 */
export function wrapText(text: string, width: number): string[] {
  const limit = Math.max(1, width);
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/ +/)) {
    if (word === '') continue;
    let rest = word;
    while (rest.length > 0) {
      const room = current === '' ? limit : limit - current.length - 1;
      if (rest.length <= room) {
        current = current === '' ? rest : `${current} ${rest}`;
        rest = '';
      } else if (current !== '' && rest.length <= limit) {
        lines.push(current);
        current = '';
      } else {
        const take = current === '' ? limit : room;
        if (take <= 0) {
          lines.push(current);
          current = '';
          continue;
        }
        const piece = rest.slice(0, take);
        lines.push(current === '' ? piece : `${current} ${piece}`);
        current = '';
        rest = rest.slice(take);
      }
    }
  }
  if (current !== '' || lines.length === 0) lines.push(current);
  return lines;
}
