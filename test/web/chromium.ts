import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, which `.ci/run` installs when missing; CHROMIUM_PATH names another. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless Chromium as the tests and the benchmark need it. The machines we run on reach no host but the package
 * registries: without the background-networking flags Chromium keeps dialling Google's hosts at start and during the
 * run, each refusal a stall on a loaded two-core machine.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      // Root in a container has no user namespace for Chromium's sandbox.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
