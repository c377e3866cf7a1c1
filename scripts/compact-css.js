// The CSS compaction of production builds (minify-templates.js), on its own so the browser
// can check it: tests/build/compact-css.test.ts parses every element's styles as written and
// compacted and compares the rules the browser reads.

/**
 * CSS text without comments, indentation, space around `{ } ; ,` or space after `:`: what
 * CSS never needs. Spaces that mean something stay (`a :hover`, `calc(1px + 2px)`, `0 0`).
 * @param {string} text
 * @returns {string}
 */
export function compactCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}');
}
