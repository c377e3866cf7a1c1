// Minifies the markup and CSS inside the elements' `html` and `css` tagged templates in
// production builds (the library, the script-tag files, the benchmark pages). Markup: the Lit
// team's plugin (html-minifier-next). Whitespace between tags is what it mostly removes: fewer
// bytes to download and fewer text nodes for Lit to clone on every render. Styles: its CSS
// minifier (lightningcss) cannot read our `${tokens.x}` values (it merges `padding: X X`
// placeholders and the template no longer matches), so `collapseCssWhitespace` below only
// removes comments and the whitespace CSS never needs. Dev server, tests and Storybook run the
// sources as written.
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { compactCss } from './compact-css.js';

const SOURCES = /[\\/]src[\\/](?!testing[\\/]).*\.ts$/;

/** Compacts every css`` template of the elements' sources; `${...}` values are left alone. */
function collapseCssWhitespace() {
  return {
    name: 'collapse-css-whitespace',
    apply: 'build',
    transform(code, id) {
      if (!SOURCES.test(id) || !code.includes('css`')) return null;
      const compacted = code.replace(/\bcss`([^`]*)`/g, (_template, body) => {
        const parts = body.split(/(\$\{[^}]*\})/);
        return `css\`${parts.map((part, index) => (index % 2 === 1 ? part : compactCss(part))).join('')}\``;
      });
      return { code: compacted, map: null };
    },
  };
}

/** The plugins, for `src/` outside the reference API (whose pages are not Lit templates). */
export function minifyTemplates() {
  return [
    {
      ...minifyHtmlLiterals({
        include: ['**/src/**/*.ts'],
        exclude: ['**/src/testing/**'],
        // A template it cannot read fails the build instead of shipping unminified.
        failOnError: true,
        options: { minifyOptions: { minifyCSS: false } },
      }),
      apply: 'build',
    },
    collapseCssWhitespace(),
  ];
}
