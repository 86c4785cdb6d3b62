import type { SanitizedConfig } from 'payload'

import { getPayload } from 'payload'

import { closeDatabase } from '../database'
import { env } from '../env'
import { DEMO_PASSWORD, demoUsers } from './data'
import { seed } from './index'

/** `payload seed` (`npm run seed`): apply migrations, then add whatever of the sample network is missing. */
export const script = async (config: SanitizedConfig): Promise<void> => {
  const payload = await getPayload({ config })
  await seed(payload)
  if (env.SEED_DEMO_USERS) {
    payload.logger.info(
      `Demo accounts, password "${DEMO_PASSWORD}": ${demoUsers.map((u) => `${u.email} (${u.roles.join(', ')})`).join(', ')}`,
    )
  }
  await closeDatabase(payload)
}
