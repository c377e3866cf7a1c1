// What every demo page shares: the signed-in session, the header (brand, navigation, the
// scenario, language and theme switchers), the footer, and the provider settings those
// switchers drive. Everything is built with DOM APIs and textContent, never parsed as HTML.
import { API_BASE_PATH, DEMO_SESSION_COOKIE, DEMO_SESSION_VALUE, SCENARIOS } from '../src/testing/index.js';
import type { ScenarioName } from '../src/testing/index.js';

export type DemoLocale = 'en' | 'de' | 'fa';
export type DemoTheme = 'light' | 'dark' | 'auto';
export type DemoPage = 'billing' | 'invoice' | 'service' | 'api';

const LOCALES: Record<DemoLocale, string> = { en: 'English', de: 'Deutsch', fa: 'فارسی' };
const THEMES: readonly DemoTheme[] = ['light', 'dark', 'auto'];
const LOCALE_KEY = 'perlod-demo:locale';
const THEME_KEY = 'perlod-demo:theme';

/** The page chrome's own text; the billing elements bring their own catalogs. */
const MESSAGES = {
  en: {
    'nav.label': 'Main',
    'nav.billing': 'Billing',
    'nav.api': 'API state',
    'controls.label': 'Demo settings',
    'controls.scenario': 'Scenario',
    'controls.language': 'Language',
    'controls.theme': 'Theme',
    'theme.light': 'Light',
    'theme.dark': 'Dark',
    'theme.auto': 'System',
    'billing.title': 'Billing',
    'billing.invoices': 'Invoices',
    'services.title': 'Your services',
    'services.loading': 'Loading services…',
    'services.none': 'No services on this account yet.',
    'services.error': 'The services could not be loaded.',
    'services.attention': 'Needs attention',
    'back.billing': 'Back to billing',
    'invoice.title': 'Invoice',
    'service.kicker': 'Service',
    'service.missing': 'No service chosen',
    'service.missing_body': 'Open a service from the billing page.',
    'service.not_found': 'Service not found',
    'service.console': 'Console',
    'service.graphs': 'Usage, last 24 hours',
    'service.cpu': 'CPU',
    'service.network': 'Network out',
    'service.invoices': 'Invoices for this service',
    'footer.api': 'Raw API state (debug)',
    'footer.note': 'Demo data from the reference billing API. Money actions move fake money; switch scenario to start over.',
  },
  de: {
    'nav.label': 'Hauptmenü',
    'nav.billing': 'Abrechnung',
    'nav.api': 'API-Zustand',
    'controls.label': 'Demo-Einstellungen',
    'controls.scenario': 'Szenario',
    'controls.language': 'Sprache',
    'controls.theme': 'Design',
    'theme.light': 'Hell',
    'theme.dark': 'Dunkel',
    'theme.auto': 'System',
    'billing.title': 'Abrechnung',
    'billing.invoices': 'Rechnungen',
    'services.title': 'Ihre Dienste',
    'services.loading': 'Dienste werden geladen…',
    'services.none': 'Noch keine Dienste in diesem Konto.',
    'services.error': 'Die Dienste konnten nicht geladen werden.',
    'services.attention': 'Handlungsbedarf',
    'back.billing': 'Zurück zur Abrechnung',
    'invoice.title': 'Rechnung',
    'service.kicker': 'Dienst',
    'service.missing': 'Kein Dienst gewählt',
    'service.missing_body': 'Öffnen Sie einen Dienst von der Abrechnungsseite aus.',
    'service.not_found': 'Dienst nicht gefunden',
    'service.console': 'Konsole',
    'service.graphs': 'Auslastung, letzte 24 Stunden',
    'service.cpu': 'CPU',
    'service.network': 'Netzwerk ausgehend',
    'service.invoices': 'Rechnungen für diesen Dienst',
    'footer.api': 'Roher API-Zustand (Debug)',
    'footer.note': 'Demodaten der Referenz-Abrechnungs-API. Zahlungen bewegen Spielgeld; ein Szenariowechsel setzt alles zurück.',
  },
  fa: {
    'nav.label': 'منوی اصلی',
    'nav.billing': 'صورت‌حساب‌ها',
    'nav.api': 'وضعیت API',
    'controls.label': 'تنظیمات دمو',
    'controls.scenario': 'سناریو',
    'controls.language': 'زبان',
    'controls.theme': 'پوسته',
    'theme.light': 'روشن',
    'theme.dark': 'تیره',
    'theme.auto': 'سیستم',
    'billing.title': 'صورت‌حساب‌ها',
    'billing.invoices': 'فاکتورها',
    'services.title': 'سرویس‌های شما',
    'services.loading': 'در حال بارگذاری سرویس‌ها…',
    'services.none': 'هنوز سرویسی در این حساب نیست.',
    'services.error': 'سرویس‌ها بارگذاری نشدند.',
    'services.attention': 'نیاز به اقدام',
    'back.billing': 'بازگشت به صورت‌حساب‌ها',
    'invoice.title': 'فاکتور',
    'service.kicker': 'سرویس',
    'service.missing': 'سرویسی انتخاب نشده است',
    'service.missing_body': 'یک سرویس را از صفحهٔ صورت‌حساب‌ها باز کنید.',
    'service.not_found': 'سرویس پیدا نشد',
    'service.console': 'کنسول',
    'service.graphs': 'مصرف، ۲۴ ساعت گذشته',
    'service.cpu': 'پردازنده',
    'service.network': 'ترافیک خروجی',
    'service.invoices': 'فاکتورهای این سرویس',
    'footer.api': 'وضعیت خام API (اشکال‌زدایی)',
    'footer.note': 'داده‌های نمایشی از API مرجع صورت‌حساب. پرداخت‌ها با پول ساختگی انجام می‌شوند؛ با تغییر سناریو همه‌چیز از نو شروع می‌شود.',
  },
} as const satisfies Record<DemoLocale, Record<string, string>>;

export type DemoMessage = keyof (typeof MESSAGES)['en'];

function isLocale(value: string | null): value is DemoLocale {
  return value !== null && value in LOCALES;
}

function isTheme(value: string | null): value is DemoTheme {
  return value !== null && (THEMES as readonly string[]).includes(value);
}

/** localStorage can throw (storage disabled); the demo then just forgets the choice. */
function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Not persisted; the choice still applies to this page.
  }
}

let locale: DemoLocale = isLocale(stored(LOCALE_KEY)) ? (stored(LOCALE_KEY) as DemoLocale) : 'en';
let theme: DemoTheme = isTheme(stored(THEME_KEY)) ? (stored(THEME_KEY) as DemoTheme) : 'auto';

export function currentLocale(): DemoLocale {
  return locale;
}

/** A chrome message in the current locale. */
export function msg(key: DemoMessage): string {
  return MESSAGES[locale][key];
}

/**
 * An element with attributes and children; strings become text nodes. Text that carries a
 * chrome message is marked with `data-msg` so a locale switch can re-translate it in place.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** An element whose text is a chrome message, kept translated. */
export function t<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  key: DemoMessage,
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  return h(tag, { ...attributes, 'data-msg': key }, msg(key));
}

/** Re-translates every `data-msg` text and `data-msg-label` aria-label on the page. */
function translatePage(): void {
  for (const element of document.querySelectorAll<HTMLElement>('[data-msg]')) {
    const key = element.dataset['msg'];
    if (key && key in MESSAGES.en) element.textContent = msg(key as DemoMessage);
  }
  for (const element of document.querySelectorAll<HTMLElement>('[data-msg-label]')) {
    const key = element.dataset['msgLabel'];
    if (key && key in MESSAGES.en) element.setAttribute('aria-label', msg(key as DemoMessage));
  }
}

function providers(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('billing-provider')];
}

/** The page direction and language follow the locale; so does every provider on the page. */
function applyLocale(next: DemoLocale): void {
  locale = next;
  const root = document.documentElement;
  root.lang = next;
  root.dir = next === 'fa' ? 'rtl' : 'ltr';
  for (const provider of providers()) provider.setAttribute('locale', next);
  translatePage();
}

/** `auto` leaves both the page and the widgets on `prefers-color-scheme`. */
function applyTheme(next: DemoTheme): void {
  theme = next;
  const root = document.documentElement;
  if (next === 'auto') delete root.dataset['theme'];
  else root.dataset['theme'] = next;
  for (const provider of providers()) {
    if (next === 'auto') provider.removeAttribute('theme');
    else provider.setAttribute('theme', next);
  }
}

interface ControlState {
  scenario: string | undefined;
  /** The reference API's clock (ISO instant); it does not follow the wall clock. */
  now: string | undefined;
}

async function controlState(): Promise<ControlState> {
  try {
    const response = await fetch(`${API_BASE_PATH}/_control/state`);
    if (!response.ok) return { scenario: undefined, now: undefined };
    const state: unknown = await response.json();
    if (typeof state !== 'object' || state === null) return { scenario: undefined, now: undefined };
    const scenario = 'scenario' in state && typeof state.scenario === 'string' ? state.scenario : undefined;
    const now = 'now' in state && typeof state.now === 'string' ? state.now : undefined;
    return { scenario, now };
  } catch {
    return { scenario: undefined, now: undefined };
  }
}

async function resetTo(scenario: string): Promise<void> {
  const response = await fetch(`${API_BASE_PATH}/_control/reset`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ scenario }),
  });
  if (!response.ok) throw new Error(`reset to '${scenario}' answered HTTP ${response.status}`);
}

function scenarioDescription(name: string): string {
  return name in SCENARIOS ? SCENARIOS[name as ScenarioName].description : '';
}

/**
 * Scenario texts exist in English only: isolated as left-to-right English so a Persian page
 * neither moves their punctuation nor mispronounces them.
 */
function describe(target: HTMLElement, text: string): void {
  target.replaceChildren(h('bdi', { dir: 'ltr', lang: 'en' }, text));
}

function scenarioSwitcher(current: string | undefined, description: HTMLElement): HTMLElement {
  const select = h('select', { id: 'scenario', 'aria-describedby': 'scenario-description', lang: 'en' });
  for (const [name, { title }] of Object.entries(SCENARIOS)) select.append(new Option(title, name));
  if (current) select.value = current;
  describe(description, scenarioDescription(select.value));
  select.addEventListener('change', () => {
    select.disabled = true;
    describe(description, scenarioDescription(select.value));
    // A reload keeps this page and its query; the elements then load the new scenario.
    resetTo(select.value).then(
      () => location.reload(),
      (error: unknown) => {
        select.disabled = false;
        describe(description, `Could not switch scenario: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  });
  return h('label', { class: 'control' }, t('span', 'controls.scenario'), select);
}

function localeSwitcher(): HTMLElement {
  const select = h('select', { id: 'locale' });
  for (const [code, name] of Object.entries(LOCALES)) {
    const option = new Option(name, code);
    // Each language names itself, in its own direction.
    option.lang = code;
    select.append(option);
  }
  select.value = locale;
  select.addEventListener('change', () => {
    if (!isLocale(select.value)) return;
    store(LOCALE_KEY, select.value);
    applyLocale(select.value);
  });
  return h('label', { class: 'control' }, t('span', 'controls.language'), select);
}

function themeSwitcher(): HTMLElement {
  const select = h('select', { id: 'theme' });
  for (const value of THEMES) {
    const option = t('option', `theme.${value}`, { value });
    select.append(option);
  }
  select.value = theme;
  select.addEventListener('change', () => {
    if (!isTheme(select.value)) return;
    store(THEME_KEY, select.value);
    applyTheme(select.value);
  });
  return h('label', { class: 'control' }, t('span', 'controls.theme'), select);
}

function navLink(href: string, key: DemoMessage, current: boolean): HTMLElement {
  const link = t('a', key, { href });
  if (current) link.setAttribute('aria-current', 'page');
  return link;
}

/** Brand, navigation and the demo's switchers, with the scenario's description below. */
function buildHeader(page: DemoPage, state: ControlState): HTMLElement {
  const description = h('p', { id: 'scenario-description', class: 'scenario-description' });
  const nav = h(
    'nav',
    { class: 'site-nav', 'aria-label': msg('nav.label'), 'data-msg-label': 'nav.label' },
    navLink('/', 'nav.billing', page === 'billing'),
  );
  const controls = h(
    'div',
    { class: 'controls', role: 'group', 'aria-label': msg('controls.label'), 'data-msg-label': 'controls.label' },
    scenarioSwitcher(state.scenario, description),
    localeSwitcher(),
    themeSwitcher(),
  );
  const brand = h('a', { class: 'brand', href: '/' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, 'P'), 'PerLod Dash');
  return h(
    'header',
    { class: 'site-header' },
    h('div', { class: 'site-header__bar' }, brand, nav, controls),
    h('div', { class: 'scenario-strip' }, description),
  );
}

function buildFooter(page: DemoPage): HTMLElement {
  return h(
    'footer',
    { class: 'site-footer' },
    t('p', 'footer.note'),
    h('p', {}, navLink('/api.html', 'footer.api', page === 'api')),
  );
}

/**
 * Sets up the page: the demo session cookie, locale and theme on the page and its
 * providers, the reference API's date as the providers' "today", the header and the
 * footer. Call it before the billing elements are defined, so they start with these
 * settings instead of re-rendering with them.
 */
export async function startShell(page: DemoPage): Promise<void> {
  // The dashboard's login sets this session cookie (HttpOnly, in production); the demo has
  // no login, so the page sets it. The elements' client sends cookies by default.
  document.cookie = `${DEMO_SESSION_COOKIE}=${DEMO_SESSION_VALUE}; path=/; SameSite=Lax`;
  applyLocale(locale);
  applyTheme(theme);

  const state = await controlState();
  // The reference API runs on its own clock, so "due in 3 days" must count from its date,
  // not the wall clock's.
  if (state.now) {
    for (const provider of providers()) provider.setAttribute('today', state.now.slice(0, 10));
  }
  // In place of the page's empty header, which held its height (demo.css), or first.
  const header = buildHeader(page, state);
  const placeholder = document.querySelector('.site-header[data-placeholder]');
  if (placeholder) placeholder.replaceWith(header);
  else document.body.prepend(header);
  document.body.append(buildFooter(page));
  translatePage();
}
