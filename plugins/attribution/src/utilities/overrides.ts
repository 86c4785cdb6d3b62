import type { CollectionConfig, GlobalConfig } from 'payload'

import type { CollectionOverrides, GlobalOverrides } from '../options.ts'

type Hooks = Record<string, unknown[] | undefined>

/** Adds hooks event by event: `first` ones run before those already there, the others after. */
export const addHooks = <T extends { hooks?: unknown }>(entity: T, added: T['hooks'] | undefined, { first = false } = {}): T => {
  const hooks: Hooks = { ...(entity.hooks as Hooks) }
  for (const [event, list = []] of Object.entries((added ?? {}) as Hooks)) {
    const present = hooks[event] ?? []
    hooks[event] = first ? [...list, ...present] : [...present, ...list]
  }
  return { ...entity, hooks }
}

/** A collection or global the plugin adds, with the host's overrides (see `CollectionOverrides`). */
export const withOverrides = <T extends CollectionConfig | GlobalConfig>(
  defaults: T,
  overrides: CollectionOverrides | GlobalOverrides = {},
): T => {
  const { access, admin, fields, hooks, ...rest } = overrides
  return addHooks(
    {
      ...defaults,
      ...rest,
      access: { ...defaults.access, ...access },
      admin: { ...defaults.admin, ...admin },
      fields: fields ? fields({ defaultFields: defaults.fields }) : defaults.fields,
    } as T,
    hooks as T['hooks'],
  )
}
