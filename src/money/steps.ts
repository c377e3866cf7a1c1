// The steps of a money flow, and how both dialogs read them (one shared reading, not two).

export type MoneyFlowStep =
  | 'idle'
  | 'choosing'
  | 'submitting'
  | 'redirecting'
  | 'awaiting_checkout'
  | 'processing'
  | 'succeeded'
  | 'failed'
  | 'still_processing'
  | 'error';

/** The steps a money dialog shows as checkout progress, and as an outcome. */
export type MoneyProgressStep = 'redirecting' | 'awaiting_checkout' | 'processing';
export type MoneyResultStep = 'succeeded' | 'failed' | 'still_processing';

/** What a money dialog shows for a step. */
export type MoneyDialogView =
  | { readonly view: 'form' }
  | { readonly view: 'progress'; readonly step: MoneyProgressStep }
  | { readonly view: 'result'; readonly step: MoneyResultStep }
  | { readonly view: 'check-error' };

/**
 * The pay and top-up dialogs' shared reading of a step: the form (to fill, fix or retry),
 * the checkout's progress, the outcome, or a failed status check. A failed POST (no record
 * yet) goes back to the form to fix or retry; a failed check has nothing to edit.
 */
export function moneyDialogView(step: MoneyFlowStep, hasRecord: boolean): MoneyDialogView {
  switch (step) {
    case 'redirecting':
    case 'awaiting_checkout':
    case 'processing':
      return { view: 'progress', step };
    case 'succeeded':
    case 'failed':
    case 'still_processing':
      return { view: 'result', step };
    case 'error':
      return hasRecord ? { view: 'check-error' } : { view: 'form' };
    default:
      return { view: 'form' };
  }
}

/** What the flows poll: a `Payment` or a `TopUp`. */
export interface SettleableRecord {
  readonly id: string;
  readonly status: string;
  readonly failure_reason?: string | null | undefined;
}
