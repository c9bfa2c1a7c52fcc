import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import type { StudioOptions } from '../../src/main/studio';
import { startTestStudio, type TestStudio } from './test-studio';

/** Debian's Chromium, driven by Playwright (its own browser downloads cannot work here). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
  });
}

export interface StudioInBrowser<Name extends string> {
  browser: Browser;
  t: TestStudio;
  contexts: Record<Name, BrowserContext>;
}

/**
 * The frame of every end-to-end test file: one Chromium for the file, and per test a fresh studio
 * (the demo show unless told otherwise) with the named browser contexts, all closed after the test.
 */
export function useStudioInBrowser<Name extends string>(
  setup: { studio?: Partial<StudioOptions>; contexts: Record<Name, BrowserContextOptions> },
  ready: (env: StudioInBrowser<Name>) => void
): void {
  let browser: Browser;
  let env: StudioInBrowser<Name> | null = null;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());
  beforeEach(async () => {
    const t = await startTestStudio({ demo: true, ...setup.studio });
    const contexts = {} as Record<Name, BrowserContext>;
    for (const [name, options] of Object.entries(setup.contexts) as [Name, BrowserContextOptions][]) contexts[name] = await browser.newContext(options);
    env = { browser, t, contexts };
    ready(env);
  });
  afterEach(async () => {
    if (!env) return;
    for (const context of Object.values<BrowserContext>(env.contexts)) await context.close();
    await env.t.stop();
    env = null;
  });
}
