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

/**
 * Elements that forward an inner element's parts with `exportparts`, as `<prefix><part>`:
 * each forwarded part must be its own `@csspart` on the outer element, so a page finds it in
 * the manifest. The analysis fails when one is missing (a part added to the inner element only).
 */
const FORWARDED_PARTS = [{ element: 'wallet-balance', inner: 'top-up-button', prefix: 'top-up-button__' }];

function forwardedPartsDocumented() {
  return {
    name: 'perlod-forwarded-parts-documented',
    packageLinkPhase({ customElementsManifest }) {
      const parts = new Map();
      for (const mod of customElementsManifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.tagName) parts.set(declaration.tagName, (declaration.cssParts ?? []).map((part) => part.name));
        }
      }
      for (const { element, inner, prefix } of FORWARDED_PARTS) {
        const documented = new Set(parts.get(element) ?? []);
        const missing = (parts.get(inner) ?? []).filter((part) => !documented.has(`${prefix}${part}`));
        if (missing.length > 0) {
          throw new Error(`<${element}> forwards the parts of <${inner}> but documents no @csspart for ${missing.map((part) => prefix + part).join(', ')}`);
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
  plugins: [onlyBillingEvents(), forwardedPartsDocumented()],
};
