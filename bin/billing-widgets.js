#!/usr/bin/env node
// `npx @perlod/billing-widgets conformance --api-base <url> [--token <t>] [--origin <o>] [--allow-writes] [--json]`:
// checks an implementation of the billing API against the contract the widgets use (README,
// "Conformance kit"). The kit itself is dist/conformance.js (src/conformance/, built with the
// library); this file only hands it Node's fetch, the output streams and the environment.
// Exit code: 0 nothing failed, 1 a check failed, 2 a usage error.
const MODULE = '../dist/conformance.js';

let kit;
try {
  kit = await import(MODULE);
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('conformance.js')) throw error;
  console.error(`billing-widgets: ${new URL(MODULE, import.meta.url).pathname} is missing: build the package first (npm run build).`);
  process.exit(2);
}

process.exitCode = await kit.main(process.argv.slice(2), {
  fetch: (input, init) => fetch(input, init),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
