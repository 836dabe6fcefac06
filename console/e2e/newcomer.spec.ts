import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, screenshot } from './browser.js';

const REPO_ROOT = new URL('../../', import.meta.url).pathname;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

interface Started {
  child: ChildProcess;
  consoleUrl: string;
  adminKey: string;
  signupUrl: string;
}

// `npm start` as a newcomer runs it: the real entry point, no settings but a
// port, the embedded SQLite default, the sandbox sender; read what it prints.
async function startLikeNpmStart(dataDir: string): Promise<Started> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', CONSOLE_DIR: process.env.TOCK_TEST_CONSOLE_DIR },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const consoleUrl = out.match(/Console:\s+(\S+)/)?.[1];
      const adminKey = out.match(/admin key: (\S+)/)?.[1];
      const signupUrl = out.match(/signup page: (\S+)/)?.[1];
      if (consoleUrl && adminKey && signupUrl) resolve({ child, consoleUrl, adminKey, signupUrl });
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`Tock exited with ${code}:\n${out}`)));
  });
}

describe("a newcomer's first minutes in the console", () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tock-newcomer-'));
  let tock: Started;
  let browser: Browser;

  beforeAll(async () => {
    tock = await startLikeNpmStart(dataDir);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    if (tock && tock.child.exitCode === null) {
      const exited = new Promise((resolve) => tock.child.once('exit', resolve));
      tock.child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('signs in with the printed key, turns SMS on, books through the printed signup page and watches the confirmation go out in the live feed (W1, S3, L4)', async () => {
    const admin = await (await newContext(browser)).newPage();
    await admin.goto(tock.consoleUrl);
    await admin.getByLabel('API key').fill(tock.adminKey);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    const nav = admin.getByRole('navigation', { name: 'Console' });
    await nav.waitFor();

    // W1: a new workspace has SMS off; the newcomer turns it on.
    await nav.getByRole('link', { name: 'Workspace' }).click();
    const sms = admin.getByRole('switch', { name: 'Workspace SMS' });
    await sms.waitFor();
    expect(await sms.isChecked()).toBe(false);
    await sms.press('Space');
    await expect.poll(() => sms.isChecked(), { timeout: 10_000 }).toBe(true);

    await nav.getByRole('link', { name: 'Live feed' }).click();
    await admin.getByText('Live', { exact: true }).waitFor();

    // The participant books on a phone, through the link `npm start` printed.
    const participant = await (await newContext(browser, { phone: true })).newPage();
    await participant.goto(tock.signupUrl);
    await participant.getByRole('heading', { name: 'Sign up for Demo study' }).waitFor();
    await participant.getByLabel('Your name').fill('Nia Newcomer');
    await participant.getByLabel('Email').fill('nia@example.com');
    await participant.getByRole('radio').first().check();
    await participant.getByLabel('Mobile number').fill('(415) 555-0177');
    await participant.getByRole('checkbox', { name: 'I agree to receive text messages about this booking' }).check();
    await participant.getByRole('button', { name: 'Submit' }).click();
    await participant.getByRole('heading', { name: "You're booked" }).waitFor();

    // The confirmation appears in the feed and goes out through the sandbox sender.
    const messages = admin.getByRole('table', { name: 'Messages' });
    const confirmation = messages.locator('tbody tr').filter({ hasText: 'Confirmation' }).filter({ hasText: 'Nia Newcomer' });
    await confirmation.filter({ hasText: 'Sent' }).waitFor({ timeout: 15_000 });
    // The reminder for 15 minutes before the session waits in the queue.
    await messages.locator('tbody tr').filter({ hasText: 'Reminder' }).filter({ hasText: 'Queued' }).filter({ hasText: /Due / }).waitFor();
    await screenshot(admin, 'newcomer-live-feed');
  });
});
