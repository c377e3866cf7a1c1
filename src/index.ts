// The package's main entry, `@perlod/billing-widgets`: the public API (page-api.ts), the same
// the script-tag files expose. Element classes are exported without registering them (import
// `@perlod/billing-widgets/define/<name>` or the script-tag file for that), so an embedder with
// a name clash can define them under other names. The reference billing API is behind
// `./testing`, and what the elements are built from behind `./internals` (not covered by semver).

export * from './page-api.js';
export * from './page-elements.js';
