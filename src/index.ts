// The package's main entry: the public API. Element classes are exported without registering
// them (import `@perlod/billing-widgets/define/<name>` or the script-tag file for that), so an
// embedder with a name clash can define them under other names. The reference billing API
// stays behind the `./testing` subpath so it never ships to users.
//
// The script-tag files expose all of it but `AttemptStore` (page-api.ts): the building block of
// an app's own money flow on the client. In the script only the money dialogs use it, and they
// load it with themselves on first use.

export * from './page-api.js';
export { AttemptStore } from './money/attempts.js';
