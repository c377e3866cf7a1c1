// custom-elements.json (generated, gitignored) from the elements' JSDoc: editor data,
// Storybook's controls and framework typings all read it. Never edit the output by hand.
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  // package.json already declares "customElements"; the analyzer must not rewrite it.
  packagejson: false,
};
