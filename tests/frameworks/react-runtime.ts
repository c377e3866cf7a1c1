/**
 * React 19 and ReactDOM for the browser tests. React ships CommonJS only, and the test runner
 * serves files as they are (no CommonJS transform), so this loads React's own development
 * builds from node_modules with a minimal `require`: the real React, not a stand-in.
 * With a CommonJS plugin in web-test-runner.config.js this becomes plain imports of 'react'
 * and 'react-dom/client'.
 */
import type * as ReactModule from 'react';
import type * as ReactDomClientModule from 'react-dom/client';

/** The CommonJS files React needs, by the name `require` is called with from each. */
const ENTRY_POINTS: Record<string, string> = {
  react: '/node_modules/react/cjs/react.development.js',
  'react-dom': '/node_modules/react-dom/cjs/react-dom.development.js',
  'react-dom/client': '/node_modules/react-dom/cjs/react-dom-client.development.js',
  scheduler: '/node_modules/scheduler/cjs/scheduler.development.js',
};

type Factory = (module: { exports: unknown }, exports: unknown, require: (name: string) => unknown, process: unknown) => void;

async function loadReact(): Promise<{ React: typeof ReactModule; ReactDomClient: typeof ReactDomClientModule }> {
  const factories = new Map<string, Factory>();
  await Promise.all(
    Object.entries(ENTRY_POINTS).map(async ([name, url]) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`loading ${url}: HTTP ${response.status}`);
      const source = await response.text();
      // An absolute sourceURL: the coverage collector parses every script's URL.
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- evaluating a CommonJS module is the point
      factories.set(name, new Function('module', 'exports', 'require', 'process', `${source}\n//# sourceURL=${new URL(url, location.href).href}`) as Factory);
    }),
  );
  const modules = new Map<string, { exports: unknown }>();
  const process = { env: { NODE_ENV: 'development' } };
  const require = (name: string): unknown => {
    const cached = modules.get(name);
    if (cached) return cached.exports;
    const factory = factories.get(name);
    if (!factory) throw new Error(`react-runtime: no module '${name}'`);
    const module = { exports: {} as unknown };
    modules.set(name, module);
    factory(module, module.exports, require, process);
    return module.exports;
  };
  return {
    React: require('react') as typeof ReactModule,
    ReactDomClient: require('react-dom/client') as typeof ReactDomClientModule,
  };
}

export const { React, ReactDomClient } = await loadReact();
