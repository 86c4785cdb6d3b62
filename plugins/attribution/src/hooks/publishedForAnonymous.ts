import type { CollectionBeforeOperationHook } from 'payload'

const READS = new Set(['count', 'findVersionByID', 'findVersions', 'read', 'readDistinct'])

/**
 * Anonymous readers see what is published and nothing else: over REST and GraphQL their
 * `draft` (which would read the latest versions, drafts included, and drop the documents whose
 * latest version is a draft from their lists) and `trash` are ignored. Server code reading with
 * the Local API's default `overrideAccess` keeps both.
 */
export const publishedForAnonymous =
  (): CollectionBeforeOperationHook =>
  ({ args, operation, req }) => {
    // REST and GraphQL leave overrideAccess unset; the Local API sets it, true unless told otherwise.
    if (req.user || !READS.has(operation) || (args as { overrideAccess?: boolean }).overrideAccess === true) return args
    // Changed in place: other hooks may know these args by identity (the attribution's select plan).
    Object.assign(args, { draft: false, trash: false })
    return args
  }
