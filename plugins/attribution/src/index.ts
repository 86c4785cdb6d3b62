import type { CollectionConfig, CollectionSlug, Config, Field, GlobalConfig, Plugin } from 'payload'

import { flattenTopLevelFields } from 'payload/shared'

import type { AttributionPluginOptions, ResolvedOptions, ReviewOptions, Target } from './options.ts'
import type { ReviewHandler } from './review/local.ts'

import { managers } from './access.ts'
import { checkConfig } from './check.ts'
import { REVIEW_CONTEXT, RULES_GENERATION } from './constants.ts'
import { noticesCollection } from './collections/notices.ts'
import { publisherGlobal } from './collections/publisher.ts'
import { sourcesCollection } from './collections/sources.ts'
import { ninjsEndpoint, ninjsFeedEndpoint } from './endpoints/ninjs.ts'
import { previewEndpoint } from './endpoints/preview.ts'
import { REACH_CUSTOM, reachEndpoint, reachRule } from './endpoints/reach.ts'
import { reportEndpoint } from './endpoints/report.ts'
import { lifecycleEndpoints } from './endpoints/lifecycle.ts'
import { reviewEndpoints } from './endpoints/review.ts'
import { attributionField } from './fields/attribution.ts'
import { availabilityField, lifecycleFields, rightsField } from './fields/lifecycle.ts'
import { attributionPreviewField } from './fields/preview.ts'
import { noticeReachField } from './fields/reach.ts'
import { noticeReviewField, rightsProposalField } from './fields/review.ts'
import { reviewPanelField } from './fields/reviewPanel.ts'
import { sourceRelationships } from './fields/sources.ts'
import { keepHiddenFields } from './hiddenFields.ts'
import { attributionAtArgument, lifecycleMutations, reviewMutations } from './graphql.ts'
import { attachAvailability } from './hooks/availability.ts'
import { availableToReaders } from './lifecycle/access.ts'
import { LIFECYCLE_CUSTOM } from './lifecycle/withdraw.ts'
import { attachAttribution, bumpOnChange, bumpOnLogoChange, selectWhatAttributionNeeds } from './hooks/attribution.ts'
import { keepIfEverPublished } from './hooks/keepIfEverPublished.ts'
import { publishedForAnonymous } from './hooks/publishedForAnonymous.ts'
import { refuseDeleteWhileReferenced } from './hooks/refuseDeleteWhileReferenced.ts'
import { rememberOperation, reviewNoticeChange, reviewRightsChange } from './hooks/review.ts'
import { rejectTemplateProblems } from './hooks/validateTemplates.ts'
import { resolveOptions } from './options.ts'
import { reviewAct } from './review/act.ts'
import { noticeSubject, rightsSubject, type Subject } from './review/subjects.ts'
import { ensureGeneration } from './utilities/generation.ts'
import { addHooks, withOverrides } from './utilities/overrides.ts'

export type {
  AttributedCollection,
  AttributionFieldNames,
  AttributionPluginOptions,
  CollectionOverrides,
  FieldsOverride,
  GlobalOverrides,
  LifecycleOptions,
  PublicUrl,
  RequestCheck,
  ReviewOptions,
  Throttle,
} from './options.ts'
export { trashFirst } from './access.ts'
export { availabilityAt, availableWhere, storyDate, windowEnd } from './lifecycle/rule.ts'
export type { LifecycleInput } from './lifecycle/rule.ts'
export { LIFECYCLE_CONTEXT, restoreArticle, withdrawArticle } from './lifecycle/withdraw.ts'
export type { LifecycleResult, WithdrawArgs } from './lifecycle/withdraw.ts'
export { LIFECYCLE_ACTIONS, MANUAL_REASONS } from './endpoints/lifecycle.ts'
export { AHEAD_DAYS, BACK_DAYS, lifecycleTimeline, ROWS_PER_KIND, TIMELINE_KINDS } from './components/lifecycleTimeline.ts'
export type { Timeline, TimelineEvent, TimelineKind } from './components/lifecycleTimeline.ts'
export type { LifecycleAction } from './endpoints/lifecycle.ts'
export { ARCHIVE_POLICIES, ATTRIBUTION_SHAPES, AVAILABILITY_STATES, LICENSES, NOTICE_KINDS, NOTICE_SCOPES, REVIEW_ACTIONS, REVIEW_CONTEXT, REVIEW_STATES, RIGHTS_NOTICE_KINDS, RULES_GENERATION, SOURCE_KINDS, WITHDRAW_REASONS } from './constants.ts'
export type { ArchivePolicy, AvailabilityState, License, NoticeKind, NoticeScope, NoticeState, ReviewAction, ReviewState, SourceKind, WithdrawReason } from './constants.ts'
export { publishedForAnonymous } from './hooks/publishedForAnonymous.ts'
export { refuseDeleteWhileReferenced } from './hooks/refuseDeleteWhileReferenced.ts'
export type { Reference } from './hooks/refuseDeleteWhileReferenced.ts'
export { HTML_ALLOW_LIST, sanitizeHtmlOutput } from './html.ts'
export { buildNinjs } from './ninjs/build.ts'
export { copyrightNotice } from './ninjs/copyright.ts'
export type { CopyrightInput } from './ninjs/copyright.ts'
export type { NinjsInput, NinjsItem } from './ninjs/build.ts'
export { negotiateNinjs } from './ninjs/negotiate.ts'
export { DEFAULT_NINJS_VERSION, NINJS_MEDIA_TYPE, NINJS_VERSIONS, SUPPORTED_NINJS_VERSIONS } from './ninjs/versions.ts'
export type { NinjsVersion } from './ninjs/versions.ts'
export { noticeReachWhere } from './endpoints/reach.ts'
export type { ReachRule } from './endpoints/reach.ts'
export { noticeState } from './noticeState.ts'
export { resolveAttribution } from './resolve.ts'
export { reviewAction } from './review/local.ts'
export { translations } from './translations/index.ts'
export type { Attribution, AttributionNotice, Availability, UsageInput, WithdrawnInput, ArticleInput, LogoInput, NoticeInput, PublisherInput, SourceInput, WireRightsInput } from './types.ts'
export { idOf, sameId } from './utilities/idOf.ts'
export { isIdOf } from './utilities/isId.ts'
export { bumpGeneration, ensureGeneration, readGeneration } from './utilities/generation.ts'
export type { Generation } from './utilities/generation.ts'
export { isAbsoluteUrl } from './utilities/web.ts'
export { alsoCheck, calendarDate } from './utilities/validate.ts'

/** `extra` fields whose names `fields` does not have yet (in rows, collapsibles and tabs too), after them. */
const withMissing = (fields: Field[], extra: Field[]): Field[] => {
  const present = new Set(flattenTopLevelFields(fields).map((f) => ('name' in f ? f.name : '')))
  return [...fields, ...extra.filter((field) => 'name' in field && !present.has(field.name))]
}

const attributed = (collection: CollectionConfig, target: Target, options: ResolvedOptions, users: CollectionSlug): CollectionConfig => {
  const withFields: CollectionConfig = {
    ...collection,
    fields: [
      ...withMissing(collection.fields, [...sourceRelationships(target, options.sourcesSlug), ...lifecycleFields(target, users)]),
      attributionField(),
      availabilityField(),
      rightsField(target.slug, options.texts, options.disabled),
      attributionPreviewField(target, options.disabled),
    ],
    custom: { ...collection.custom, [LIFECYCLE_CUSTOM]: { withdrawn: target.fields.withdrawn } },
  }
  if (options.disabled) return withFields
  return addHooks(
    {
      ...withFields,
      access: { ...collection.access, read: availableToReaders(collection.access?.read, options, target) },
      endpoints: [...(collection.endpoints || []), ninjsFeedEndpoint(target), ninjsEndpoint(target), ...lifecycleEndpoints(options, target)],
    },
    {
      beforeOperation: [selectWhatAttributionNeeds(target, options)],
      beforeRead: [keepHiddenFields(target)],
      afterOperation: [attachAttribution(options, target), attachAvailability(options, target)],
    },
    { first: true },
  )
}

/**
 * The review actions on a collection: the sidebar panel, the endpoints, and the same handler in
 * `custom` for `reviewAction` (Local API); `beforeOperation` tells the review hooks how a save was asked.
 */
const reviewed = (collection: CollectionConfig, review: Required<ReviewOptions>, subject: Subject): CollectionConfig => {
  const handler: ReviewHandler = (req, id, action, body) => reviewAct(req, review, subject, id, action, body)
  return addHooks(
    {
      ...collection,
      fields: [...collection.fields, reviewPanelField(subject.slug, subject.by, subject.at)],
      endpoints: [...(collection.endpoints || []), ...reviewEndpoints(review, subject)],
      custom: { ...collection.custom, [REVIEW_CONTEXT]: handler },
    },
    { beforeOperation: [rememberOperation] },
    { first: true },
  )
}

const notices = (collection: CollectionConfig, options: ResolvedOptions, users: CollectionSlug): CollectionConfig => {
  const { disabled, review } = options
  const withFields: CollectionConfig = {
    ...collection,
    fields: [
      ...withMissing(collection.fields, review ? [noticeReviewField(users)] : []),
      noticeReachField(options.noticesSlug, options.targets.map((target) => target.slug), disabled),
    ],
    endpoints: [...(collection.endpoints || []), ...(disabled ? [] : [reachEndpoint(options)])],
    custom: { ...collection.custom, ...(!disabled && { [REACH_CUSTOM]: reachRule(options) }) },
  }
  return addHooks(
    review ? reviewed(withFields, review, noticeSubject(options.noticesSlug)) : withFields,
    {
      beforeOperation: [publishedForAnonymous()],
      beforeValidate: [rejectTemplateProblems(options)],
      beforeChange: review ? [reviewNoticeChange(review)] : [],
      beforeDelete: [keepIfEverPublished, refuseDeleteWhileReferenced()],
      afterChange: [bumpOnChange],
      afterDelete: [bumpOnChange],
    },
    { first: true },
  )
}

const sources = (collection: CollectionConfig, options: ResolvedOptions, users: CollectionSlug): CollectionConfig => {
  const rights = { create: managers(options), update: managers(options) }
  const { review } = options
  const withFields = { ...collection, fields: withMissing(collection.fields, review ? [rightsProposalField(users, rights)] : []) }
  return addHooks(
    review ? reviewed(withFields, review, rightsSubject(options.sourcesSlug)) : withFields,
    {
      beforeOperation: [publishedForAnonymous()],
      beforeChange: review ? [reviewRightsChange(review)] : [],
      beforeDelete: [refuseDeleteWhileReferenced()],
      afterChange: [bumpOnChange],
      afterDelete: [bumpOnChange],
    },
    { first: true },
  )
}

/**
 * The collections along the site path and the publisher's logo are read into the rules' cache
 * too: their changes write a new rules generation (the logo's only when it is the logo).
 */
const alsoInRules = (collection: CollectionConfig, options: ResolvedOptions): CollectionConfig => {
  if (options.targets.some((target) => target.hops.some((hop) => hop.collection === collection.slug))) {
    return addHooks(collection, { afterChange: [bumpOnChange], afterDelete: [bumpOnChange] })
  }
  if (collection.slug === options.uploadsCollection) {
    const hook = bumpOnLogoChange(options)
    return addHooks(collection, { afterChange: [hook], afterDelete: [hook] })
  }
  return collection
}

/**
 * Attaches the right copyright and attribution boilerplate to every document of the attributed
 * collections, resolved at read time from legal notices that reviewers approve and from the
 * sources' rights. Brings the notices and sources collections and the publisher global when the
 * host has none, and checks at start-up that everything it reads is there.
 */
export const attributionPlugin =
  (pluginOptions: AttributionPluginOptions = {}): Plugin =>
  (incoming: Config): Config => {
    const options = resolveOptions(pluginOptions, incoming)
    const { disabled, noticesSlug, publisherSlug, sourcesSlug } = options
    const users = (incoming.admin?.user ?? 'users') as CollectionSlug
    const hostHas = (slug: string) => incoming.collections?.some((c) => c.slug === slug)

    const collections = [
      ...(incoming.collections ?? []),
      ...(hostHas(noticesSlug) ? [] : [withOverrides(noticesCollection(options), pluginOptions.notices?.overrides)]),
      ...(hostHas(sourcesSlug) ? [] : [withOverrides(sourcesCollection(options), pluginOptions.sources?.overrides)]),
    ].map((collection) => {
      const target = options.targets.find((t) => t.slug === collection.slug)
      if (target) return attributed(collection, target, options, users)
      if (collection.slug === noticesSlug) return notices(collection, options, users)
      if (collection.slug === sourcesSlug) return sources(collection, options, users)
      return collection
    }).map((collection) => alsoInRules(collection, options))

    const globals = [
      ...(incoming.globals ?? []),
      ...(incoming.globals?.some((g) => g.slug === publisherSlug)
        ? []
        : [withOverrides(publisherGlobal(options), pluginOptions.publisher?.overrides)]),
    ].map((global): GlobalConfig =>
      global.slug === publisherSlug ? addHooks(global, { afterChange: [bumpOnChange] }, { first: true }) : global,
    )

    // Even disabled, an instance writes a new rules generation on every change, for the instances
    // sharing its database that are not.
    const config: Config = {
      ...incoming,
      collections,
      globals,
      // After the host's own start-up (its migrations may create the KV table): the first token.
      onInit: async (payload) => {
        await incoming.onInit?.(payload)
        await ensureGeneration(payload, RULES_GENERATION)
      },
      i18n: { ...incoming.i18n, translations: options.texts as NonNullable<Config['i18n']>['translations'] },
      ...(options.review && {
        graphQL: {
          ...incoming.graphQL,
          mutations: reviewMutations(incoming, options.review, [noticeSubject(noticesSlug), rightsSubject(sourcesSlug)]),
        },
      }),
    }
    checkConfig(config, options)
    if (disabled) return config

    const components = incoming.admin?.components
    return {
      ...config,
      endpoints: [...(incoming.endpoints ?? []), previewEndpoint(options), reportEndpoint(options)],
      admin: {
        ...incoming.admin,
        components: {
          ...components,
          afterNavLinks: [...(components?.afterNavLinks ?? []), '@wirehouse/payload-plugin-attribution/rsc#ComplianceNavLink'],
          views: {
            ...components?.views,
            compliance: {
              Component: { path: '@wirehouse/payload-plugin-attribution/rsc#ComplianceDashboard', serverProps: { options } },
              path: '/compliance',
            },
          },
        },
      },
      graphQL: {
        ...config.graphQL,
        queries: attributionAtArgument(incoming, collections.filter((c) => options.targets.some((t) => t.slug === c.slug))),
        mutations: lifecycleMutations(config, options),
      },
    }
  }
