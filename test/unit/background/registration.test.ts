import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_HANDLERS } from '../../../lib/background/handlers';
import { MESSAGE_SCHEMAS } from '../../../lib/messages/protocol';
import { MIGRATIONS } from '../../../lib/storage/migrations';

const root = join(__dirname, '../../..');

describe('registration', () => {
  it('has one background handler for every message of the protocol', () => {
    expect(Object.keys(BACKGROUND_HANDLERS).sort()).toEqual(Object.keys(MESSAGE_SCHEMAS).sort());
  });

  it('registers every handler file in handlers/index.ts', () => {
    const index = readFileSync(join(root, 'lib/background/handlers/index.ts'), 'utf8');
    const files = readdirSync(join(root, 'lib/background/handlers')).filter((file) => file !== 'index.ts');
    expect(files.length).toBe(Object.keys(MESSAGE_SCHEMAS).length);
    for (const file of files) expect(index).toContain(`from './${file.replace(/\.ts$/, '')}'`);
  });

  it('lists every numbered migration file, in order', () => {
    const files = readdirSync(join(root, 'lib/storage/migrations')).filter((file) => /^\d{3}-.+\.ts$/.test(file)).sort();
    expect(files.map((file) => Number(file.slice(0, 3)))).toEqual(MIGRATIONS.map((migration) => migration.version));
  });
});
