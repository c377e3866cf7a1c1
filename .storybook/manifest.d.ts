// custom-elements.json is generated (gitignored) before Storybook starts: typed here rather than
// read by the compiler, so a typecheck works on a fresh clone too.
declare module '*/custom-elements.json' {
  const manifest: unknown;
  export default manifest;
}
