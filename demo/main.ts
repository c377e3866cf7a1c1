// The demo page, for now: the raw state of the reference billing API and a scenario switcher.
// Everything from the API is written with textContent, never parsed as HTML.
import { API_BASE_PATH, SCENARIOS } from '../src/testing/index.js';
import type { ScenarioName } from '../src/testing/index.js';

function element<T extends HTMLElement>(id: string, type: { new (): T; prototype: T }): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`demo page: #${id} is missing`);
  return found;
}

const scenarioSelect = element('scenario', HTMLSelectElement);
const scenarioDescription = element('scenario-description', HTMLParagraphElement);

function show(target: HTMLElement, state: 'ready' | 'error', text: string): void {
  target.textContent = text;
  target.dataset['state'] = state;
}

/** Shows the JSON an endpoint answers, problem+json bodies included. */
async function showEndpoint(path: string, target: HTMLElement): Promise<void> {
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

async function currentScenario(): Promise<string | undefined> {
  const response = await fetch(`${API_BASE_PATH}/_control/state`);
  if (!response.ok) return undefined;
  const state: unknown = await response.json();
  if (typeof state === 'object' && state !== null && 'scenario' in state && typeof state.scenario === 'string') {
    return state.scenario;
  }
  return undefined;
}

async function resetTo(scenario: string): Promise<void> {
  const response = await fetch(`${API_BASE_PATH}/_control/reset`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ scenario }),
  });
  if (!response.ok) throw new Error(`reset to '${scenario}' answered HTTP ${response.status}`);
}

function describeScenario(name: string): void {
  scenarioDescription.textContent = name in SCENARIOS ? SCENARIOS[name as ScenarioName].description : '';
}

async function setUpScenarioSwitcher(): Promise<void> {
  for (const [name, { title }] of Object.entries(SCENARIOS)) {
    scenarioSelect.append(new Option(title, name));
  }
  const scenario = await currentScenario();
  if (scenario) scenarioSelect.value = scenario;
  describeScenario(scenarioSelect.value);
  scenarioSelect.disabled = false;
  scenarioSelect.addEventListener('change', () => {
    scenarioSelect.disabled = true;
    resetTo(scenarioSelect.value).then(
      () => location.reload(),
      (error: unknown) => {
        scenarioSelect.disabled = false;
        scenarioDescription.textContent = `Could not switch scenario: ${error instanceof Error ? error.message : String(error)}`;
      },
    );
  });
}

await Promise.all([
  setUpScenarioSwitcher(),
  showEndpoint('/summary', element('summary', HTMLPreElement)),
  showEndpoint('/invoices', element('invoices', HTMLPreElement)),
  showEndpoint('/wallet', element('wallet', HTMLPreElement)),
]);
