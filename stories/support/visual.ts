/**
 * Visual regression from stories: the story tests (vitest browser mode) install these hooks
 * through .storybook/vitest.setup.ts; in Storybook itself there are none, and a story's
 * screenshots are skipped. Story files never import `vitest/browser`, which only exists under
 * the test runner.
 */

export interface VisualTestHooks {
  /** Resizes the test page (the iframe the story renders in). */
  viewport(width: number, height: number): Promise<void>;
  /** Compares the element's screenshot with the committed baseline `name` (see vitest.config.ts). */
  matchScreenshot(element: Element, name: string): Promise<void>;
}

const KEY = '__billingVisualTestHooks';

export function installVisualTestHooks(hooks: VisualTestHooks): void {
  (globalThis as Record<string, unknown>)[KEY] = hooks;
}

/** The hooks when the story runs as a test, else undefined. */
export function visualTestHooks(): VisualTestHooks | undefined {
  return (globalThis as Record<string, unknown>)[KEY] as VisualTestHooks | undefined;
}
