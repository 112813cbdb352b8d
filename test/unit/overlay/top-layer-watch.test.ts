import { describe, expect, it } from 'vitest';
import { decideTopLayerRepair, FUTILE_STREAK, REFRESH_MS, type TopLayerDecision, type TopLayerMemory, type TopLayerSnapshot } from '../../../components/overlay/top-layer-watch';

const NOW = 10_000;

function snapshot(overrides: Partial<TopLayerSnapshot<string>> = {}): TopLayerSnapshot<string> {
  return { ownOpen: true, others: [], modalDialogs: [], covered: false, holdsPerson: false, now: NOW, ...overrides };
}

function memory(below: string[] = [], lastRaise = NOW - 100, coveredStreak = 0): TopLayerMemory<string> {
  return { below: new Set(below), lastRaise, coveredStreak };
}

describe('deciding whether to raise the overlay in the top layer', () => {
  it.each<{ name: string; seen: TopLayerSnapshot<string>; known: TopLayerMemory<string>; expected: TopLayerDecision<string> }>([
    { name: 'alone in the top layer: nothing to do', seen: snapshot(), known: memory(), expected: { raise: null, close: [] } },
    { name: 'the page hid our popover', seen: snapshot({ ownOpen: false }), known: memory(), expected: { raise: 'hidden', close: [] } },
    {
      name: 'a hit test on our surface found a page element (a popover in a page shadow root)',
      seen: snapshot({ covered: true }),
      known: memory(),
      expected: { raise: 'covered', close: [] },
    },
    {
      name: 'a cover that the last raises did not remove (our overlay is inert): left until the refresh period',
      seen: snapshot({ covered: true }),
      known: memory([], NOW - 100, FUTILE_STREAK),
      expected: { raise: null, close: [] },
    },
    {
      name: 'the same stubborn cover once the refresh period has passed',
      seen: snapshot({ covered: true }),
      known: memory([], NOW - REFRESH_MS, FUTILE_STREAK),
      expected: { raise: 'covered', close: [] },
    },
    {
      name: 'a cover after fewer futile raises than the streak limit',
      seen: snapshot({ covered: true }),
      known: memory([], NOW - 16, FUTILE_STREAK - 1),
      expected: { raise: 'covered', close: [] },
    },
    {
      name: 'a page popover opened since our last raise',
      seen: snapshot({ others: ['page-popover'] }),
      known: memory(),
      expected: { raise: 'newcomer', close: [] },
    },
    {
      name: 'a page popover that was already below us at the last raise',
      seen: snapshot({ others: ['page-popover'] }),
      known: memory(['page-popover']),
      expected: { raise: null, close: [] },
    },
    {
      name: 'the same popover, a refresh period later (it may have re-entered above us unseen)',
      seen: snapshot({ others: ['page-popover'] }),
      known: memory(['page-popover'], NOW - REFRESH_MS),
      expected: { raise: 'refresh', close: [] },
    },
    {
      name: 'a page modal dialog while our overlay only informs: raised, the dialog left open',
      seen: snapshot({ others: ['page-dialog'], modalDialogs: ['page-dialog'] }),
      known: memory(),
      expected: { raise: 'newcomer', close: [] },
    },
    {
      name: 'a page modal dialog while our overlay holds the person: closed, since it makes ours inert',
      seen: snapshot({ others: ['page-dialog'], modalDialogs: ['page-dialog'], holdsPerson: true }),
      known: memory(),
      expected: { raise: 'newcomer', close: ['page-dialog'] },
    },
    {
      name: 'a known modal dialog under a modal display is closed even when ours is already on top',
      seen: snapshot({ others: ['page-dialog'], modalDialogs: ['page-dialog'], holdsPerson: true }),
      known: memory(['page-dialog']),
      expected: { raise: null, close: ['page-dialog'] },
    },
    {
      name: 'a page fullscreen element after ours',
      seen: snapshot({ others: ['video'] }),
      known: memory(['page-popover']),
      expected: { raise: 'newcomer', close: [] },
    },
    {
      name: 'hidden wins over every other reason',
      seen: snapshot({ ownOpen: false, covered: true, others: ['page-popover'] }),
      known: memory(),
      expected: { raise: 'hidden', close: [] },
    },
    {
      name: 'the refresh period alone, with nothing else in the top layer: nothing to do',
      seen: snapshot(),
      known: memory([], NOW - 10 * REFRESH_MS),
      expected: { raise: null, close: [] },
    },
  ])('$name', ({ seen, known, expected }) => {
    expect(decideTopLayerRepair(seen, known)).toEqual(expected);
  });
});
