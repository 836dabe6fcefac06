import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../../server/test/harness.js';

// Debian's Chromium, never a downloaded one. Without the background-networking
// flags Chromium keeps dialling Google, which this machine's network refuses.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts', 'screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

/** A fresh browser profile (no stored key) at laptop size, in a fixed time zone so times are predictable. */
export function newContext(browser: Browser, options: { phone?: boolean; timezoneId?: string } = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: options.phone ? { width: 390, height: 844 } : { width: 1280, height: 800 },
    timezoneId: options.timezoneId ?? 'America/New_York',
    locale: 'en-US',
  });
}

/** Saves a full-page screenshot under test-artifacts/screenshots (not committed). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export interface ConsoleFixture {
  server: TestServer;
  workspace: TestWorkspace;
  browser: Browser;
  /** Opens the console in a fresh profile and signs in with `key`. */
  signIn(key: string, options?: { phone?: boolean }): Promise<Page>;
  stop(): Promise<void>;
}

/** A real server on MariaDB serving the built console, a workspace, and Chromium. */
export async function startConsole(options: { env?: Record<string, string>; worker?: boolean } = {}): Promise<ConsoleFixture> {
  const consoleDir = process.env.TOCK_TEST_CONSOLE_DIR;
  if (!consoleDir) throw new Error('The console build is missing: run browser tests through vitest (console/e2e/build-console.global.ts)');
  const server = await startTestServer({ database: 'mariadb', env: { CONSOLE_DIR: consoleDir, ...options.env }, worker: options.worker });
  const workspace = await createTestWorkspace(server);
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  return {
    server,
    workspace,
    browser,
    async signIn(key, signInOptions = {}) {
      const context = await newContext(browser, signInOptions);
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${server.url}/console/sign-in`);
      await page.getByLabel('API key').fill(key);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('navigation', { name: 'Console' }).waitFor();
      return page;
    },
    async stop() {
      await Promise.all(contexts.map((context) => context.close()));
      await browser.close();
      await server.stop();
    },
  };
}
