// The README's "Project layout" names every folder of src/ and every file of src/domain/ and
// src/money/, so the map a newcomer reads matches the tree.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const layout = /## Project layout\n[\s\S]*?```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';

describe('README project layout', () => {
  it('names every folder of src/', () => {
    assert.ok(layout, 'README has a "Project layout" section with a tree');
    const folders = readdirSync(join(ROOT, 'src'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
    for (const folder of folders) assert.ok(layout.includes(`src/${folder.name}/`), `src/${folder.name}/ is in the layout`);
  });

  it('names every file of src/domain/ and src/money/', () => {
    for (const folder of ['domain', 'money']) {
      const files = readdirSync(join(ROOT, 'src', folder), { recursive: true }).map(String).filter((file) => file.endsWith('.ts'));
      assert.ok(files.length > 0);
      for (const file of files) {
        const name = file.replaceAll('\\', '/').split('/').pop().replace(/\.styles\.ts$/, '.ts');
        assert.ok(layout.includes(name), `src/${folder}/${file} is in the layout`);
      }
    }
  });
});
