// Finds the Chrome/Chromium binary every browser tool here uses (web-test-runner, the e2e
// tests). Nothing may download a browser on this project's machines, so we look for the
// system one and, on a fresh Debian/Ubuntu CI box as root, install Debian's package.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const CANDIDATE_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** Flags for a headless Chromium as root in a container (see TOOLCHAIN.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export const INSTALL_HINT =
  'No Chrome or Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`; ' +
  'elsewhere Google Chrome) or set CHROME_PATH to the browser binary.';

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** CHROME_PATH, then /usr/bin/chromium, then the usual names on PATH; undefined if none. */
export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return isExecutable(fromEnv) ? fromEnv : undefined;
  if (isExecutable('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const name of CANDIDATE_NAMES) {
    const found = onPath(name);
    if (found) return found;
  }
  return undefined;
}

function canInstallWithApt() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return isRoot && existsSync('/etc/debian_version') && onPath('apt-get') !== undefined;
}

/**
 * The browser path, installing Debian's chromium first when none is found and we may
 * (root on Debian/Ubuntu). Returns undefined, after printing what to install, otherwise.
 */
export function ensureChromium({ log = console.log } = {}) {
  const found = findChromium();
  if (found) return found;
  if (process.env.CHROME_PATH) {
    console.error(`CHROME_PATH=${process.env.CHROME_PATH} is not an executable file.`);
    return undefined;
  }
  if (!canInstallWithApt()) {
    console.error(INSTALL_HINT);
    return undefined;
  }
  log('No Chromium found: installing Debian\'s (apt-get install -y chromium chromium-driver)...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', 'chromium', 'chromium-driver']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) {
      console.error(`apt-get ${args.join(' ')} failed. ${INSTALL_HINT}`);
      return undefined;
    }
  }
  const installed = findChromium();
  if (!installed) console.error(INSTALL_HINT);
  return installed;
}
