// Unit and element tests in a real Chromium (Debian's, found by chrome-launcher; CHROME_PATH overrides).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));

/**
 * The money model's parameters (tests/money/model/params.ts) as a module the page imports:
 * scripts/money-fuzz.js sets MONEY_MODEL_PARAMS (JSON); unset, the fixed-seed set runs.
 */
const moneyModelParams = {
  name: 'money-model-params',
  serve(context) {
    if (context.path !== '/__money-model/params.js') return undefined;
    const params = JSON.stringify(JSON.parse(process.env.MONEY_MODEL_PARAMS || '{}'));
    return { body: `export default ${params};`, type: 'js' };
  },
};

export default {
  files: ['tests/**/*.test.ts', '!tests/e2e/**'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  rootDir: '.',
  port: Number(process.env.WTR_PORT ?? 8765),
  // One page at a time: element tests rely on focus, and money tests share the origin's localStorage.
  concurrency: 1,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig }), moneyModelParams],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || undefined,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          '--disable-sync',
          // A test page may run in a background tab: keep its timers and frames alive.
          '--disable-background-timer-throttling',
          '--disable-renderer-backgrounding',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
  coverageConfig: {
    include: ['src/**/*.ts'],
    exclude: ['src/**/*.styles.ts'],
    report: true,
    reportDir: 'coverage',
  },
};
