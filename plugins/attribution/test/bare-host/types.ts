import { type AttributionPluginOptions, attributionPlugin } from '@wirehouse/payload-plugin-attribution'

const options: AttributionPluginOptions = { collections: ['posts'], review: { bypass: ({ req }) => Boolean(req.user) } }
export const plugin = attributionPlugin(options)

// The declarations resolve: a wrong option is a type error, not `any`.
// @ts-expect-error `collections` is a list of slugs
attributionPlugin({ collections: 42 })
