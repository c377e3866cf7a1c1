/**
 * Every reference scenario as the customer sees it: the dashboard's three elements (overview,
 * wallet, invoice list) on one provider, in English, German and Persian, in a phone frame
 * (390 px; the `width` control shows 320 or 1280 px). These are the screenshots the README's
 * scenario table describes, kept where designers look.
 *
 * The German and Persian stories also check that no English sentence of the catalog is left
 * on the screen: a label the widgets build is in the customer's language, and only the
 * account's own data (service names, line descriptions) may stay as the API sent it.
 */
import { html } from 'lit';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import '../src/define/billing-overview.js';
import '../src/define/invoice-list.js';
import '../src/define/wallet-balance.js';
import { en } from '../src/i18n/en.js';
import { enSupport } from '../src/i18n/en-support.js';
import { enLedger } from '../src/i18n/en-ledger.js';
import { enOverview } from '../src/i18n/en-overview.js';
import { enList } from '../src/i18n/en-list.js';
import { enDetail } from '../src/i18n/en-detail.js';
import { de } from '../src/i18n/de.js';
import { fa } from '../src/i18n/fa.js';
import type { Message } from '../src/i18n/types.js';
import { enMoney } from '../src/money/messages.en.js';
import { SCENARIOS } from '../src/testing/scenarios.js';
import type { ScenarioName } from '../src/testing/index.js';
import { inProvider } from './support/billing.js';
import { storyElement, textOf } from './support/play.js';

const TAGS = ['billing-overview', 'wallet-balance', 'invoice-list'] as const;

interface ScenarioArgs {
  /** The frame's width in CSS pixels: a phone (390), a small phone (320) or a desktop (1280). */
  width: number;
}

const meta: Meta<ScenarioArgs> = {
  title: 'Scenarios',
  args: { width: 390 },
  argTypes: { width: { control: { type: 'inline-radio' }, options: [320, 390, 1280] } },
  render: (args, context) =>
    inProvider(
      context as unknown as StoryContext,
      html`<div
        data-frame
        style="box-sizing: border-box; width: ${args.width}px; max-width: 100%; display: grid; gap: 1rem; grid-template-columns: ${args.width >= 900
          ? 'minmax(0, 1fr) minmax(16rem, 22rem)'
          : 'minmax(0, 1fr)'};"
      >
        <billing-overview style="grid-column: 1 / -1"></billing-overview>
        <wallet-balance top-up style="grid-column: ${args.width >= 900 ? '2' : '1'}; grid-row: 2"></wallet-balance>
        <invoice-list page-size="5" style="grid-column: 1; grid-row: ${args.width >= 900 ? '2' : '3'}"></invoice-list>
      </div>`,
    ),
};
export default meta;
type Story = StoryObj<ScenarioArgs>;

const forms = (message: Message): string[] => (typeof message === 'string' ? [message] : Object.values(message));

/** The literal runs of a message between its placeholders. */
const runs = (message: Message): string[] => forms(message).flatMap((form) => form.split(/\{[^}]+\}/));

/**
 * English sentences the widgets may show, for a check that none is left in `locale`: runs of
 * at least three words that the locale's own message for the key does not also contain (a
 * brand or a code may be the same in every language).
 */
function englishRuns(catalog: Record<string, Message>): string[] {
  const english = { ...enMoney, ...enSupport, ...enLedger, ...enOverview, ...enList, ...enDetail, ...en } as Record<string, Message>;
  const found = new Set<string>();
  for (const [key, message] of Object.entries(english)) {
    const theirs = catalog[key] === undefined ? '' : forms(catalog[key]).join(' ');
    for (const run of runs(message)) {
      const trimmed = run.trim();
      if (trimmed.split(/\s+/).length >= 3 && !theirs.includes(trimmed)) found.add(trimmed);
    }
  }
  return [...found];
}

/** Waits until the three elements have rendered their data (no skeleton, nothing loading). */
async function loaded(canvasElement: HTMLElement): Promise<HTMLElement[]> {
  const elements = await Promise.all(TAGS.map((tag) => storyElement(canvasElement, tag)));
  await waitFor(
    () => {
      for (const el of elements) {
        const root = el.shadowRoot!;
        if (root.querySelector('[part~="skeleton"], .skeleton, [aria-busy="true"]')) throw new Error(`<${el.localName}> is still loading`);
      }
    },
    { timeout: 10_000 },
  );
  return elements;
}

function scenarioStory(scenario: ScenarioName, locale: 'en' | 'de' | 'fa'): Story {
  const catalog = { en: undefined, de, fa }[locale] as Record<string, Message> | undefined;
  return {
    name: `${SCENARIOS[scenario].title}${locale === 'en' ? '' : ` (${locale})`}`,
    parameters: {
      billing: { scenario, locale },
      docs: { description: { story: SCENARIOS[scenario].description } },
    },
    play: async ({ canvasElement }) => {
      const elements = await loaded(canvasElement);
      for (const el of elements) await expect(el).toHaveAttribute('lang', locale);
      if (!catalog) {
        // The check below can see English: the English screen shows sentences it would report.
        const shown = elements.map((el) => textOf(el.shadowRoot)).join(' ');
        await expect(englishRuns(de).filter((run) => shown.includes(run)).length).toBeGreaterThan(0);
        return;
      }
      const english = englishRuns(catalog);
      await waitFor(() => {
        for (const el of elements) {
          const shown = textOf(el.shadowRoot);
          const left = english.filter((run) => shown.includes(run));
          if (left.length > 0) throw new Error(`<${el.localName}> in ${locale} shows English: ${left.map((r) => `"${r}"`).join(', ')}`);
        }
      });
    },
  };
}

export const Overdue = scenarioStory('overdue', 'en');
export const OverdueGerman = scenarioStory('overdue', 'de');
export const OverduePersian = scenarioStory('overdue', 'fa');
export const Healthy = scenarioStory('healthy', 'en');
export const HealthyGerman = scenarioStory('healthy', 'de');
export const HealthyPersian = scenarioStory('healthy', 'fa');
export const Suspended = scenarioStory('suspended', 'en');
export const SuspendedGerman = scenarioStory('suspended', 'de');
export const SuspendedPersian = scenarioStory('suspended', 'fa');
export const NewAccount = scenarioStory('new-account', 'en');
export const NewAccountGerman = scenarioStory('new-account', 'de');
export const NewAccountPersian = scenarioStory('new-account', 'fa');
export const ManyInvoices = scenarioStory('many-invoices', 'en');
export const ManyInvoicesGerman = scenarioStory('many-invoices', 'de');
export const ManyInvoicesPersian = scenarioStory('many-invoices', 'fa');
export const LowBalance = scenarioStory('low-balance', 'en');
export const LowBalanceGerman = scenarioStory('low-balance', 'de');
export const LowBalancePersian = scenarioStory('low-balance', 'fa');
export const PartiallyPaid = scenarioStory('partially-paid', 'en');
export const PartiallyPaidGerman = scenarioStory('partially-paid', 'de');
export const PartiallyPaidPersian = scenarioStory('partially-paid', 'fa');
export const Euro = scenarioStory('eur', 'en');
export const EuroGerman = scenarioStory('eur', 'de');
export const EuroPersian = scenarioStory('eur', 'fa');
export const Yen = scenarioStory('jpy', 'en');
export const YenGerman = scenarioStory('jpy', 'de');
export const YenPersian = scenarioStory('jpy', 'fa');
export const ReadOnly = scenarioStory('read-only', 'en');
export const ReadOnlyGerman = scenarioStory('read-only', 'de');
export const ReadOnlyPersian = scenarioStory('read-only', 'fa');
