// The debug page: the raw JSON the reference billing API answers, problem+json bodies
// included. Everything from the API is written with textContent, never parsed as HTML.
import { API_BASE_PATH } from '../src/testing/index.js';
import { startShell } from './shell.js';

function show(target: HTMLElement, state: 'ready' | 'error', text: string): void {
  target.textContent = text;
  target.dataset['state'] = state;
}

async function showEndpoint(path: string, targetId: string): Promise<void> {
  const target = document.getElementById(targetId);
  if (!target) throw new Error(`api page: #${targetId} is missing`);
  try {
    const response = await fetch(`${API_BASE_PATH}${path}`, { headers: { Accept: 'application/json' } });
    const body: unknown = await response.json();
    const json = JSON.stringify(body, null, 2);
    if (response.ok) show(target, 'ready', json);
    else show(target, 'error', `HTTP ${response.status}\n${json}`);
  } catch (error) {
    show(target, 'error', `GET ${path} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

await startShell('api');
await Promise.all([
  showEndpoint('/summary', 'summary'),
  showEndpoint('/invoices', 'invoices'),
  showEndpoint('/wallet', 'wallet'),
]);
