// Vue's self-contained browser build (no `process.env` flags to define), typed as 'vue' itself.
declare module 'vue/dist/vue.runtime.esm-browser.js' {
  export * from 'vue';
}
