// Minifies the markup and CSS inside the elements' `html` and `css` tagged templates in
// production builds (the library, the script-tag files, the benchmark pages), with the Lit
// team's plugin: html-minifier-next for markup, lightningcss for styles. Whitespace between
// tags is what it mostly removes: fewer bytes to download and fewer text nodes for Lit to
// clone on every render. Dev server, tests and Storybook run the sources as written.
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';

/** The plugin, for `src/` outside the reference API (whose pages are not Lit templates). */
export function minifyTemplates() {
  return {
    ...minifyHtmlLiterals({
      include: ['**/src/**/*.ts'],
      exclude: ['**/src/testing/**'],
      // A template it cannot read fails the build instead of shipping unminified.
      failOnError: true,
      // CSS is left as written: its `${tokens.x}` values are not CSS that lightningcss can parse.
      options: { minifyOptions: { minifyCSS: false } },
    }),
    apply: 'build',
  };
}
