/**
 * A plain-text table that fits the terminal: fixed columns take the width of their widest cell (up to a cap), the
 * last column takes what is left and wraps; an optional detail line under a row uses the full width. Colour is applied after padding so escapes never skew the alignment.
 */
import type { Colour, TerminalStyle } from './terminal-style';
import { wrapText } from './terminal-text';

export interface TableCell {
  text: string;
  colour?: Colour;
}

export interface TableColumn {
  header: string;
  /** Widest the column may grow before its cells wrap. */
  maxWidth: number;
}

const GAP = '  ';
export const MIN_LAST_COLUMN = 24;

export function renderTable(
  columns: readonly TableColumn[],
  rows: readonly (readonly (TableCell | string)[])[],
  options: {
    width: number;
    indent: string;
    style: TerminalStyle;
    /** Text printed under each row across the full width (a scope's meaning), by row index. */
    details?: readonly (string | undefined)[];
  },
): string[] {
  const cells = rows.map((row) => columns.map((_, index) => toCell(row[index])));
  const widths = columns.map((column, index) =>
    Math.min(column.maxWidth, Math.max(column.header.length, ...cells.map((row) => (row[index] as TableCell).text.length))),
  );
  const last = columns.length - 1;
  const fixed = widths.slice(0, last).reduce((sum, width) => sum + width + GAP.length, options.indent.length);
  widths[last] = Math.max(MIN_LAST_COLUMN, Math.min(widths[last] as number, options.width - fixed));

  const lines = [options.indent + columns.map((column, index) => padCell(column.header, index, widths, last)).join(GAP).trimEnd()];
  lines[0] = options.style.bold(lines[0] as string);
  const detailIndent = `${options.indent}    `;
  for (const [rowIndex, row] of cells.entries()) {
    const wrapped = row.map((cell, index) => wrapText(cell.text, widths[index] as number));
    const height = Math.max(...wrapped.map((cellLines) => cellLines.length));
    for (let lineIndex = 0; lineIndex < height; lineIndex++) {
      const parts = row.map((cell, index) => {
        const padded = padCell((wrapped[index] as string[])[lineIndex] ?? '', index, widths, last);
        return cell.colour === undefined ? padded : options.style.paint(padded, cell.colour);
      });
      lines.push((options.indent + parts.join(GAP)).trimEnd());
    }
    const detail = options.details?.[rowIndex];
    if (detail !== undefined) {
      for (const line of wrapText(detail, options.width - detailIndent.length)) lines.push(`${detailIndent}${line}`);
    }
  }
  return lines;
}

function toCell(cell: TableCell | string | undefined): TableCell {
  if (cell === undefined) return { text: '' };
  return typeof cell === 'string' ? { text: cell } : cell;
}

function padCell(text: string, index: number, widths: readonly number[], last: number): string {
  return index === last ? text : text.padEnd(widths[index] as number);
}
