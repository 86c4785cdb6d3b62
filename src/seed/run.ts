import type { SanitizedConfig } from 'payload'

import { getPayload } from 'payload'

import { DEMO_PASSWORD, demoUsers } from './data'
import { seed } from './index'

/** `payload seed` (and `npm run seed`): migrate if needed, then seed the sample network. */
export const script = async (config: SanitizedConfig): Promise<void> => {
  // onInit migrates and seeds an empty database; seeding again fills in anything missing.
  const payload = await getPayload({ config })
  const result = await seed(payload)
  if (result.created.users) {
    payload.logger.info(
      `Demo accounts (password "${DEMO_PASSWORD}"): ${demoUsers.map((u) => `${u.email} (${u.roles.join(', ')})`).join('; ')}`,
    )
  }
  await payload.destroy()
  process.exit(0)
}
