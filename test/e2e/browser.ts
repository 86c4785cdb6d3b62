import fs from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

import { sleep } from '../helpers/server'

export const CHROMIUM = '/usr/bin/chromium'

/** Flags for a closed network: without the background-networking ones Chromium hangs on lookups it can't make. */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Debian's Chromium, driven by playwright-core; nothing here downloads a browser. */
export const launchChromium = async (): Promise<Browser> => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `The browser tests need Debian's Chromium at ${CHROMIUM}, which is missing. Install it with ` +
        '`apt-get install -y --no-install-recommends chromium` (they never download a browser).',
    )
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, timeout: 60_000 })
}

/** Retries `check` (jest expectations, usually) until it passes; on timeout throws its last error. */
export const eventually = async <T>(check: () => Promise<T>, timeout = 30_000): Promise<T> => {
  const deadline = Date.now() + timeout
  for (;;) {
    try {
      return await check()
    } catch (error) {
      if (Date.now() > deadline) throw error
      await sleep(100)
    }
  }
}
