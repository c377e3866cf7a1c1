// After `changeset version` (run by `npm run version-packages`): changesets writes the new
// version's section straight after CHANGELOG.md's first line, the title, which would put it
// above the header paragraphs (what semver covers, how breaking changes migrate). This moves
// the header back between the title and the versions. It also puts a blank line under each
// version heading and empties the whitespace-only lines changesets leaves inside an entry
// (what prettier would do; the repo does not use prettier). Running it again changes nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file = fileURLToPath(new URL('../CHANGELOG.md', import.meta.url));
/** The header's first line and its last (an HTML comment, invisible when rendered). */
const HEADER_START = 'All notable changes to `@perlod/billing-widgets`';
const HEADER_END = '<!-- Versions follow, newest first';

const lines = readFileSync(file, 'utf8').split('\n');
const start = lines.findIndex((line) => line.startsWith(HEADER_START));
const end = lines.findIndex((line, index) => index > start && line.startsWith(HEADER_END));
if (start < 1 || end < 0) {
  console.error(`tidy-changelog: CHANGELOG.md has no header from "${HEADER_START}" to "${HEADER_END}"; fix the file by hand.`);
  process.exit(1);
}
const header = lines.slice(start, end + 1);
const rest = [...lines.slice(1, start), ...lines.slice(end + 1)];
// Blank lines at the edges of what is left: one blank line after the title, one after the header.
while (rest.length > 0 && rest[0].trim() === '') rest.shift();
const out = [lines[0], '', ...header, '', ...rest]
  .map((line) => (line.trim() === '' ? '' : line))
  .join('\n')
  .replace(/^(## .+)\n(?=\S)/gm, '$1\n\n')
  .replace(/\n*$/, '\n');
writeFileSync(file, out);
console.log('tidy-changelog: the header paragraphs are back above the versions in CHANGELOG.md');
