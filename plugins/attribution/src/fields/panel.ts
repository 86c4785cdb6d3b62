import type { UIField } from 'payload'

/** A sidebar panel: one of the package's client components, hidden while the plugin is disabled. */
export const sidebarPanel = (name: string, component: string, clientProps: Record<string, unknown>, disabled: boolean): UIField => ({
  name,
  type: 'ui',
  admin: {
    position: 'sidebar',
    ...(disabled && { condition: () => false }),
    components: { Field: { path: `@wirehouse/payload-plugin-attribution/client#${component}`, clientProps } },
  },
})
