// The demo server's settings (`npm start`), read from the environment and checked before
// anything starts: a value it cannot use stops the start with a message naming the setting
// and what it accepts, rather than a server that answers every request with a 500. An empty
// value means the default, like an unset one.
//
//   SCENARIO      the reference API's starting data (default 'overdue')
//   PORT          the demo's port (default 5173; 0 picks a free one and starts no portal)
//   PORTAL_PORT   the third-party portal's port (default PORT+1; 0 starts no portal)
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

export const DEFAULT_PORT = 5173;
export const DEFAULT_SCENARIO = 'overdue';

const REFERENCE_API_MODULE = fileURLToPath(new URL('../../src/testing/index.ts', import.meta.url));

/** The reference API's scenario names, read from its TypeScript source. */
export async function scenarioNames() {
  const { module } = await runnerImport(REFERENCE_API_MODULE, { configFile: false, logLevel: 'error' });
  return Object.keys(module.SCENARIOS);
}

/** Settings the demo cannot start with; the message lists every problem, one a line. */
export class DemoSettingsError extends Error {}

/**
 * @param {Record<string, string | undefined>} env usually `process.env`
 * @param {readonly string[]} scenarios the valid scenario names
 * @returns {{ port: number, portalPort: number | undefined, scenario: string }}
 *   portalPort undefined: no portal.
 * @throws {DemoSettingsError}
 */
export function readDemoSettings(env, scenarios) {
  const problems = [];
  const read = (name) => (env[name] ?? '').trim();
  const portOf = (name) => {
    const value = read(name);
    if (value === '') return undefined;
    if (/^\d{1,5}$/.test(value) && Number(value) <= 65535) return Number(value);
    problems.push(`${name}='${env[name]}' is not a port number (0 to 65535; empty for the default).`);
    return undefined;
  };

  const port = portOf('PORT') ?? DEFAULT_PORT;
  const portalSetting = portOf('PORTAL_PORT');
  let portalPort;
  if (portalSetting === undefined) portalPort = port !== 0 && port < 65535 ? port + 1 : undefined;
  else if (portalSetting !== 0) portalPort = portalSetting;
  if (portalPort !== undefined && portalPort === port) {
    problems.push(`PORTAL_PORT=${portalPort} is PORT too: the portal needs a port of its own (or 0 for no portal).`);
  }

  const scenario = read('SCENARIO') || DEFAULT_SCENARIO;
  if (!scenarios.includes(scenario)) {
    problems.push(`SCENARIO='${env.SCENARIO}' is not a scenario. Use one of: ${scenarios.join(', ')} (empty for ${DEFAULT_SCENARIO}).`);
  }

  if (problems.length > 0) throw new DemoSettingsError(`The demo cannot start:\n  ${problems.join('\n  ')}`);
  return { port, portalPort, scenario };
}
