// The static Storybook (`npm run build-storybook`, storybook-static/) as reviewers open it: the
// folder served by a plain static server, and the first story of every element loaded in
// Debian's Chromium (`iframe.html?id=...&viewMode=story`). Each must render its element with
// real content in its shadow root (words, no skeleton, no error panel) and log no page error,
// console error or failed request.
// Without a build, or with one older than the sources, the test builds it first.
/* global document, HTMLElement, HTMLSlotElement, Node -- only inside page callbacks, which run in the browser */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, INSTALL_HINT, findChromium } from '../../scripts/chromium.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STATIC_DIR = join(ROOT, 'storybook-static');
const INDEX = join(STATIC_DIR, 'index.json');
/** What the build reads: a change in any of these makes an existing build stale. */
const SOURCES = ['src', 'stories', '.storybook'];
const BUILD_TIMEOUT_MS = 180_000;
const RENDER_TIMEOUT_MS = 20_000;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Why the build must be (re)made, or undefined when storybook-static is current. */
function buildNeeded() {
  if (!existsSync(INDEX)) return 'no storybook-static/index.json';
  const built = statSync(INDEX).mtimeMs;
  const changed = SOURCES.find((folder) => existsSync(join(ROOT, folder)) && newestMtime(join(ROOT, folder)) > built);
  return changed ? `${changed}/ changed since storybook-static was built` : undefined;
}

/** `npm run build-storybook`, as CI runs it; rejects with its output when it fails. */
function buildStorybook() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build-storybook'], {
      cwd: ROOT,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), BUILD_TIMEOUT_MS);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 && existsSync(INDEX)) resolve();
      else reject(new Error(`npm run build-storybook failed (${code ?? signal}):\n${output.slice(-4000)}`));
    });
  });
}

/** A static file server over storybook-static on a free port of 127.0.0.1. */
function serveStatic() {
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    let file = normalize(join(STATIC_DIR, decodeURIComponent(pathname)));
    if (file !== STATIC_DIR && !file.startsWith(STATIC_DIR + sep)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end(`not found: ${pathname}`);
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ baseUrl: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

/** The first story of each element (index order: the file's first export), by tag name. */
function firstStories() {
  const { entries } = JSON.parse(readFileSync(INDEX, 'utf8'));
  const stories = new Map();
  for (const entry of Object.values(entries)) {
    const match = /^Elements\/([a-z]+(?:-[a-z]+)+)$/.exec(entry.title);
    if (entry.type === 'story' && match && !stories.has(match[1])) stories.set(match[1], entry);
  }
  return stories;
}

/**
 * In the page: the element's state. Its composed text (shadow roots and slotted nodes, as it
 * is seen), whether a skeleton or an error panel is shown anywhere in it, and Storybook's own
 * error display. `done`: rendered with content, or Storybook gave up with an error. While
 * `waiting`, returns false until done (a predicate for `waitForFunction`). Self-contained: it
 * is sent to the page as source.
 */
function renderState({ tag, waiting }) {
  const element = document.querySelector(tag);
  const errorDisplay = document.body.classList.contains('sb-show-errordisplay')
    ? (document.querySelector('#error-message')?.textContent ?? 'Storybook error display shown').trim()
    : undefined;
  if (!element) return waiting && errorDisplay === undefined ? false : { found: false, errorDisplay, done: errorDisplay !== undefined };
  let text = '';
  const flags = { skeleton: false, error: false };
  const visit = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      text += node.textContent;
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
    if (node.nodeType === Node.ELEMENT_NODE) {
      if (['STYLE', 'SCRIPT', 'TEMPLATE'].includes(node.tagName)) return;
      const parts = (node.getAttribute('part') ?? '').split(/\s+/);
      if (parts.includes('skeleton')) flags.skeleton = true;
      if (parts.includes('error') || parts.includes('config-error')) flags.error = true;
      if (node instanceof HTMLSlotElement) {
        for (const assigned of node.assignedNodes({ flatten: true })) visit(assigned);
        return;
      }
      if (node instanceof HTMLElement && node.shadowRoot) {
        visit(node.shadowRoot);
        return;
      }
    }
    for (const child of node.childNodes) visit(child);
  };
  const shadowRoot = element.shadowRoot;
  if (shadowRoot) visit(element);
  text = text.replace(/\s+/g, ' ').trim();
  const shadowChildren = shadowRoot ? shadowRoot.querySelectorAll('*').length : 0;
  // Real content: a rendered shadow tree with words in it (a button's label at least), not a
  // placeholder or an error panel.
  const rendered = shadowChildren > 0 && /\p{L}{2,}/u.test(text) && !flags.skeleton && !flags.error;
  const done = rendered || errorDisplay !== undefined;
  if (waiting && !done) return false;
  return { found: true, hasShadowRoot: shadowRoot !== null, shadowChildren, text, ...flags, errorDisplay, rendered, done };
}

describe('static Storybook (storybook-static)', () => {
  let server;
  let browser;
  let stories;

  before(
    async () => {
      const executablePath = findChromium();
      if (!executablePath) throw new Error(INSTALL_HINT);
      const reason = buildNeeded();
      if (reason) {
        const started = Date.now();
        console.log(`building storybook-static (${reason})...`);
        await buildStorybook();
        console.log(`built storybook-static in ${((Date.now() - started) / 1000).toFixed(1)}s`);
      }
      stories = firstStories();
      server = await serveStatic();
      browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
    },
    { timeout: BUILD_TIMEOUT_MS + 30_000 },
  );

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.close();
  });

  it('has a story for every element the package defines', () => {
    const defined = readdirSync(join(ROOT, 'src/define'))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => file.replace(/\.ts$/, ''))
      .sort();
    assert.deepEqual([...stories.keys()].sort(), defined);
  });

  it('renders the first story of each element with content and no page error', async () => {
    const failures = [];
    for (const [tag, story] of stories) {
      const context = await browser.newContext({ baseURL: server.baseUrl });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
      // A failed load is reported as its response instead; the browser's own favicon probe
      // (storybook-static has no /favicon.ico) is not the stories' business.
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(`console error: ${message.text()}`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400 && new URL(response.url()).pathname !== '/favicon.ico') errors.push(`HTTP ${response.status()} ${response.url()}`);
      });
      try {
        await page.goto(`/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`);
        await page.waitForFunction(renderState, { tag, waiting: true }, { timeout: RENDER_TIMEOUT_MS, polling: 100 }).catch(() => {
          // Reported below with the last state seen.
        });
        const state = await page.evaluate(renderState, { tag, waiting: false });
        if (state.errorDisplay) failures.push(`${story.id}: Storybook shows an error: ${state.errorDisplay}`);
        else if (!state.rendered) failures.push(`${story.id}: <${tag}> did not render content within ${RENDER_TIMEOUT_MS} ms: ${JSON.stringify({ ...state, text: state.text?.slice(0, 200) })}`);
        if (errors.length > 0) failures.push(`${story.id}: ${errors.join('; ')}`);
      } finally {
        await context.close();
      }
    }
    assert.deepEqual(failures, [], failures.join('\n'));
  });
});
