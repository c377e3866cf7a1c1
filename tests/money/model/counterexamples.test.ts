/**
 * The sequences the money model found on the code before issue 12's fixes, shrunk by
 * fast-check, as example tests: each was shrunk for the invariant named in its title and
 * reproduces the finding of the issue it names. They run the same harness and every invariant,
 * as the generated runs (money-model.test.ts) do, so on the old code some fail on another
 * invariant first (often `unresolved-offered`, checked when a dialog opens).
 */
import {
  ApproveElsewhere,
  AtGateway,
  ClockJump,
  Confirm,
  CraftedReturn,
  InjectFault,
  OpenPay,
  OpenTopUp,
  PressEnter,
  PressEscape,
  Reload,
  SecondTab,
  StartPay,
  StartTopUp,
  policy,
  runSteps,
} from './commands.js';
import type { Step } from './commands.js';
import type { SequenceConfig } from './world.js';

const redirect: SequenceConfig = { mode: 'redirect', invoiceId: 'inv_1001' };
const popup: SequenceConfig = { mode: 'popup', invoiceId: 'inv_1001' };
const top25: Step = new StartTopUp(0, { preset: 2500 }, 'card');

const cases: Array<{ title: string; config: SequenceConfig; steps: Step[] }> = [
  {
    title: 'finding 1 (shrunk for key-per-attempt): a second top-up of $25 by card after a reload is a new attempt with a new key',
    config: redirect,
    steps: [new StartTopUp(0, { typed: '25' }, 'card'), new Confirm(0, false), new Reload(0), top25, new Confirm(0, false)],
  },
  {
    title: 'finding 1 (shrunk for claim-backed): past the deadline, approved on the phone, the same top-up again never says "Added" for the earlier one',
    config: redirect,
    steps: [new StartTopUp(0, { preset: 2500 }, 'bank'), new Confirm(0, false), new ClockJump(), new PressEscape(0), new OpenTopUp(0), new Confirm(0, true), new ApproveElsewhere(0)],
  },
  {
    title: 'finding 1 (shrunk for claim-backed): paying again after a reload never shows the earlier payment as this one',
    config: popup,
    steps: [new StartPay(0, 'card', false), new Confirm(0, false), new Reload(0), new StartPay(0, 'card', false), new Confirm(0, true), new AtGateway('approve')],
  },
  {
    title: 'finding 1 (shrunk for event-once): a return link to a top-up that already completed does not fire billing-top-up-completed again',
    config: redirect,
    steps: [new StartTopUp(0, { typed: '25' }, 'card'), new Confirm(0, true), new AtGateway('approve'), new CraftedReturn('top_up', 'latest-ui')],
  },
  {
    title: "finding 2 (shrunk for claim-backed and event-backed): a crafted return link to another invoice's payment announces nothing",
    config: redirect,
    steps: [new CraftedReturn('pay', 'other-invoice')],
  },
  {
    title: 'finding 2 (shrunk for claim-backed): a crafted return link to a refund announces nothing',
    config: redirect,
    steps: [new CraftedReturn('pay', 'refund')],
  },
  {
    title: "finding 2 (shrunk for claim-backed): a crafted top_up link to this account's earlier top-up says nothing was added",
    config: redirect,
    steps: [new CraftedReturn('top_up', 'seed-top-up')],
  },
  {
    title: 'finding 3 (shrunk for confirm-only): Enter on the wallet box does not submit the pay form',
    config: redirect,
    steps: [new StartPay(0, 'card', false), new PressEnter(0, 'wallet-box')],
  },
  {
    title: 'finding 3 (shrunk for charge-confirmed): Enter in the pay dialog as it opens moves no money from the wallet',
    config: redirect,
    steps: [new OpenPay(0), new PressEnter(0, 'wallet-box')],
  },
  {
    title: 'finding 3 (shrunk for confirm-only): Enter in the top-up amount field does not submit',
    config: popup,
    steps: [top25, new PressEnter(0, 'field')],
  },
  {
    title: 'finding 4 (shrunk for unresolved-offered and one-live-payment): after a reload, another method does not start a second live payment',
    config: redirect,
    steps: [new StartPay(0, 'card', false), new Confirm(0, false), new Reload(0), new StartPay(0, 'crypto', false), new Confirm(0, false)],
  },
  {
    title: 'finding 4 (shrunk for unresolved-offered): a second tab offers the unfinished top-up instead of a bare form',
    config: redirect,
    steps: [new StartTopUp(0, { typed: '25' }, 'card'), new Confirm(0, false), new SecondTab(), new OpenTopUp(1)],
  },
  {
    title: 'finding 10 (shrunk for error-event): a top-up whose answer was lost fires billing-error',
    config: popup,
    steps: [new InjectFault('drop-after-commit', 'top-up'), top25, new Confirm(0, false)],
  },
];

describe('money model: the counterexamples found before the fixes', () => {
  beforeEach(() => {
    Object.assign(policy, { ignore: new Set(), only: new Set(), survey: false, locked: undefined, verbose: false });
  });

  for (const { title, config, steps } of cases) {
    it(title, async function () {
      this.timeout(20_000);
      await runSteps(config, steps);
    });
  }
});
