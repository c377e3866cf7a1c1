/** Small status icons, one shape per tone (check, triangle, octagon, clock, dash), drawn in currentColor and hidden from assistive tech. */
import { svg } from 'lit';
import type { SVGTemplateResult } from 'lit';

export type Tone = 'ok' | 'warning' | 'danger' | 'info' | 'neutral';

// One whole template per tone (not a frame around a shape): a badge in a table row then
// costs Lit one template instance, not two.
const icons: Record<Tone, SVGTemplateResult> = {
  ok: svg`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" data-icon="ok"><circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M4.8 8.3l2.2 2.2 4.2-4.6" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"/></svg>`,
  warning: svg`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" data-icon="warning"><path d="M8 1.6L15 14H1z" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"/><path d="M8 6v3.6" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/><circle cx="8" cy="11.8" r="0.9" fill="currentColor"/></svg>`,
  danger: svg`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" data-icon="danger"><path d="M5.1 1h5.8L15 5.1v5.8L10.9 15H5.1L1 10.9V5.1z" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"/><path d="M5.6 5.6l4.8 4.8M10.4 5.6l-4.8 4.8" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/></svg>`,
  info: svg`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" data-icon="info"><circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M8 4.2V8l2.6 1.6" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"/></svg>`,
  neutral: svg`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" data-icon="neutral"><circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" stroke-width="1.5" stroke-dasharray="2.5 2"/><path d="M5 8h6" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/></svg>`,
};

export function toneIcon(tone: Tone): SVGTemplateResult {
  return icons[tone];
}
