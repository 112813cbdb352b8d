/**
 * Streams consent-event files (`-` is stdin) through EventFileReader, one chunk at a time, and hands every event
 * to `onEvent`. A malformed event either stops the run at once (the default: an inventory missing events would
 * understate an app's reach or risk) or, when the admin asks, is skipped, counted and reported with file and line.
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { InventoryEvent } from '../../lib/inventory/inventory-event';
import { EventFileReader, type EventFileFormat, type EventProblem } from './event-file-reader';
import { errorMessage } from '../../lib/error-message';

export interface FileProblem extends EventProblem {
  file: string;
}

export interface ReadOutcome {
  /** False when a file could not be read, or a malformed event stopped the run. */
  ok: boolean;
  /** Every malformed event met (only the first, when it stopped the run). */
  problems: FileProblem[];
  /** How many malformed events were skipped, including those past the ones kept in `problems`. */
  skipped: number;
  formats: { file: string; format: EventFileFormat | undefined }[];
  /** Why a file could not be read. */
  readError?: string;
}

/** Problems kept for the report; past this only the count grows, so a file of junk cannot fill memory. */
export const MAX_PROBLEMS_KEPT = 100;

export async function readEventFiles(
  files: readonly string[],
  options: { stdin: Readable; skipMalformed: boolean },
  onEvent: (event: InventoryEvent) => void,
): Promise<ReadOutcome> {
  const outcome: ReadOutcome = { ok: true, problems: [], skipped: 0, formats: [] };
  for (const file of files) {
    const name = file === '-' ? '(stdin)' : file;
    const reader = new EventFileReader(name);
    let stopped = false;
    const onProblem = (problem: EventProblem): void => {
      if (stopped) return;
      if (outcome.problems.length < MAX_PROBLEMS_KEPT) outcome.problems.push({ file: name, ...problem });
      if (options.skipMalformed) outcome.skipped++;
      else stopped = true;
    };
    const stream = file === '-' ? options.stdin : createReadStream(file);
    stream.setEncoding('utf8');
    try {
      for await (const chunk of stream) {
        reader.push(chunk as string, onEvent, onProblem);
        if (stopped) break;
      }
      if (!stopped) reader.end(onEvent, onProblem);
    } catch (error) {
      outcome.ok = false;
      outcome.readError = `${name}: cannot be read (${errorMessage(error)})`;
      return outcome;
    } finally {
      if (file !== '-') stream.destroy();
    }
    outcome.formats.push({ file: name, format: reader.detectedFormat });
    if (stopped) {
      outcome.ok = false;
      return outcome;
    }
  }
  return outcome;
}

export function formatProblem(problem: FileProblem): string {
  return `${problem.file}:${problem.line}: ${problem.reason}`;
}
