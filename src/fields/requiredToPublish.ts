import type { Validate } from 'payload'

import { relationship } from 'payload/shared'

import { alsoCheck } from '@wirehouse/payload-plugin-attribution'

/** A relationship that a draft may leave empty but a published document must have. */
export const requiredToPublish = (label: string) =>
  alsoCheck(relationship as Validate, (value, { data }) =>
    (data as { _status?: string })?._status === 'published' && (value === null || value === undefined || value === '')
      ? `${label} is required to publish`
      : true,
  )
