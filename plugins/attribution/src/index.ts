import type { CollectionConfig, CollectionSlug, Config, GlobalConfig, Plugin } from 'payload'

import type { Hop } from './attach.ts'

import { ninjsEndpoint, previewEndpoint, reportEndpoint } from './endpoints/index.ts'
import { attributionAtArgument } from './graphql.ts'
import { attributionField } from './fields/attribution.ts'
import { attachAttribution, forgetOnChange, selectWhatAttributionNeeds } from './hooks/attribution.ts'
import { type AttributionPluginOptions, type ResolvedOptions, resolveOptions } from './options.ts'
import { attributionPreviewField } from './fields/preview.ts'
import { reachEndpoint } from './endpoints/reach.ts'
import { noticeReachField } from './fields/reach.ts'
import { siteHops } from './sitePath.ts'
import { rejectUnknownVariables } from './hooks/validateTemplates.ts'

export type { AttributionPluginOptions } from './options.ts'
export { resolveAttribution } from './resolve.ts'
export type { Attribution, AttributionNotice } from './types.ts'

const hopsFor = (config: Config, collection: CollectionConfig, options: ResolvedOptions, explicit: boolean): Hop[] => {
  try {
    return siteHops(config, collection, options.sitePath)
  } catch (error) {
    if (explicit) throw error
    return []
  }
}

const withHooks = (collection: CollectionConfig, hooks: CollectionConfig['hooks']): CollectionConfig => {
  const merged = { ...collection.hooks }
  for (const [name, added] of Object.entries(hooks ?? {})) {
    merged[name as keyof typeof merged] = [...((merged[name as keyof typeof merged] as unknown[]) ?? []), ...(added as unknown[])] as never
  }
  return { ...collection, hooks: merged }
}

/**
 * Attaches the right copyright and attribution boilerplate to each article, resolved at
 * read time from the notices and the sources' rights fields.
 */
export const attributionPlugin =
  (pluginOptions: AttributionPluginOptions = {}): Plugin =>
  (config: Config): Config => {
    const options = resolveOptions(pluginOptions)
    const active = !options.disabled
    const attributed = (collection: CollectionConfig): CollectionConfig => {
      const hops = active ? hopsFor(config, collection, options, pluginOptions.sitePath !== undefined) : []
      const withFields: CollectionConfig = {
        ...collection,
        fields: [...collection.fields, attributionField(options), attributionPreviewField(options, hops[0]?.field)],
        endpoints: [...(collection.endpoints || []), ninjsEndpoint(collection.slug as CollectionSlug)],
      }
      if (!active) return withFields
      return withHooks(withFields, {
        beforeOperation: [selectWhatAttributionNeeds(options, hops)],
        afterOperation: [attachAttribution(options, hops)],
      })
    }
    const firstHops = (() => {
      const first = config.collections?.find((c) => options.collections.includes(c.slug as CollectionSlug))
      return first && active ? hopsFor(config, first, options, pluginOptions.sitePath !== undefined) : []
    })()

    return {
      ...config,
      collections: (config.collections ?? []).map((collection) => {
        if (options.collections.includes(collection.slug as CollectionSlug)) return attributed(collection)
        if (!active) return collection
        if (collection.slug === options.noticesSlug) {
          const withEndpoint = {
            ...collection,
            fields: [...collection.fields, noticeReachField(options.noticesSlug, options.collections[0])],
            endpoints: [
              ...(collection.endpoints || []),
              reachEndpoint(options, options.collections[0], firstHops.length ? firstHops.map((hop) => hop.field).join('.') : null),
            ],
          }
          return withHooks(withEndpoint, { beforeValidate: [rejectUnknownVariables(options)], afterChange: [forgetOnChange] })
        }
        if (collection.slug === options.sourcesSlug) {
          return withHooks(collection, { afterChange: [forgetOnChange], afterDelete: [forgetOnChange] })
        }
        return collection
      }),
      globals: (config.globals ?? []).map((global): GlobalConfig =>
        active && global.slug === options.publisherSlug
          ? { ...global, hooks: { ...global.hooks, afterChange: [...(global.hooks?.afterChange ?? []), forgetOnChange] } }
          : global,
      ),
      endpoints: [...(config.endpoints ?? []), previewEndpoint(options, firstHops), ...(active ? [reportEndpoint(options)] : [])],
      admin: active
        ? {
            ...config.admin,
            components: {
              ...config.admin?.components,
              afterNavLinks: [
                ...(config.admin?.components?.afterNavLinks ?? []),
                '@wirehouse/payload-plugin-attribution/rsc#ComplianceNavLink',
              ],
              views: {
                ...config.admin?.components?.views,
                compliance: {
                  Component: { path: '@wirehouse/payload-plugin-attribution/rsc#ComplianceDashboard', serverProps: { options } },
                  path: '/compliance',
                },
              },
            },
          }
        : config.admin,
      graphQL: {
        ...config.graphQL,
        queries: attributionAtArgument(
          config,
          (config.collections ?? []).filter((c) => options.collections.includes(c.slug as CollectionSlug)),
        ),
      },
    }
  }
