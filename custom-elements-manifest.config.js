// custom-elements.json (generated, gitignored) from the elements' JSDoc: editor data,
// Storybook's controls and framework typings all read it. Never edit the output by hand.

/**
 * The shared `emit(name, ...)` helper dispatches `new CustomEvent(name)`, which the analyzer
 * reads as an event literally called "name". Every real event is a documented `billing-*`
 * one (`@fires`), so drop the rest.
 */
function onlyBillingEvents() {
  return {
    name: 'perlod-only-billing-events',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          if (Array.isArray(declaration.events)) {
            declaration.events = declaration.events.filter((event) => event.name?.startsWith('billing-'));
          }
        }
      }
    },
  };
}

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  // package.json already declares "customElements"; the analyzer must not rewrite it.
  packagejson: false,
  plugins: [onlyBillingEvents()],
};
