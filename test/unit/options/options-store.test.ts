import { describe, expect, it, vi } from 'vitest';
import type { SortKey } from '../../../lib/options/integration-rows';
import { createOptionsStore } from '../../../lib/ui-stores/options-store';
import { fakeOptions } from './options-harness';

describe('createOptionsStore', () => {
  it.each<[SortKey, 'ascending' | 'descending']>([
    ['risk', 'descending'],
    ['name', 'ascending'],
    ['provider', 'ascending'],
    ['owner', 'ascending'],
    ['reviewBy', 'ascending'],
    ['expiresOn', 'ascending'],
  ])('sorting by %s starts %s', (key, direction) => {
    const store = createOptionsStore(fakeOptions());
    if (key === 'risk') store.setSort('name');
    store.setSort(key);
    expect(store.sort.value).toEqual({ key, direction });
  });

  it.each([
    ['', 'empty'],
    ['   \n', 'empty'],
    ['{', 'invalid'],
    ['{ "enforcement": "block" }', 'valid'],
  ])('validates %j as %s', (text, kind) => {
    const store = createOptionsStore(fakeOptions());
    store.setEditorText(text);
    expect(store.validation.value.kind).toBe(kind);
  });

  it('refuses to apply an empty editor without asking the background', async () => {
    const options = fakeOptions();
    const store = createOptionsStore(options);
    await store.load();
    await store.apply();
    expect(store.applyState.value).toEqual({ kind: 'empty' });
    expect(options.importLocalPolicy).not.toHaveBeenCalled();
  });

  it('runs one remote check at a time', async () => {
    let finish: (outcome: 'updated') => void = () => undefined;
    const options = fakeOptions({ refreshRemoteConfig: vi.fn(() => new Promise<'updated'>((resolve) => (finish = resolve))) });
    const store = createOptionsStore(options);
    const first = store.checkNow();
    const second = store.checkNow();
    finish('updated');
    await Promise.all([first, second]);
    expect(options.refreshRemoteConfig).toHaveBeenCalledTimes(1);
    expect(store.refresh.value).toEqual({ kind: 'done', outcome: 'updated' });
  });

  it('remembers no replaced text when the editor was empty or held the same text', () => {
    const store = createOptionsStore(fakeOptions());
    store.loadFile('a.json', '{}');
    expect(store.replacedText.value).toBeNull();
    store.loadFile('a.json', '{}');
    expect(store.replacedText.value).toBeNull();
    store.setEditorText('{ "x": 1 }');
    store.loadFile('b.json', '{}');
    expect(store.replacedText.value).toBe('{ "x": 1 }');
  });

  it('builds no rows and exports no policy before the status arrives', () => {
    const options = fakeOptions();
    const store = createOptionsStore(options);
    expect(store.integrationRows.value).toEqual([]);
    store.exportPolicy();
    expect(options.download).not.toHaveBeenCalled();
  });
});
