import type { CollectionSlug, Endpoint, PayloadRequest } from 'payload'

import { APIError, commitTransaction, initTransaction, killTransaction } from 'payload'

import type { ResolvedOptions, Target } from '../options.ts'

import { WITHDRAW_REASONS } from '../constants.ts'
import { restoreArticle, withdrawArticle } from '../lifecycle/withdraw.ts'
import { translate, type TranslationKey } from '../translations/translate.ts'
import { isIdOf } from '../utilities/isId.ts'
import { idParameter, jsonBody, ok, PERSON, refusals, schema } from './openapi.ts'
import { answer, readJson } from './respond.ts'

export const LIFECYCLE_ACTIONS = ['withdraw', 'restore'] as const
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number]

/** The reasons a person may give; `kill` is the wire's own, written by ingest. */
export const MANUAL_REASONS = WITHDRAW_REASONS.filter((reason) => reason !== 'kill')

/** As `withdrawn.message` holds it. */
export const MAX_MESSAGE = 2000

type Doc = Record<string, any>

const fail = (req: PayloadRequest, status: number, key: TranslationKey, vars?: Record<string, unknown>) =>
  new APIError(translate(req.t, key, vars), status, undefined, true)

/** What the signed-in user may do to a story's availability. */
export const lifecycleActions = async (req: PayloadRequest, options: ResolvedOptions): Promise<LifecycleAction[]> => {
  if (!req.user) return []
  const { restorers, withdrawers } = options.lifecycle
  return [...((await withdrawers({ req })) ? ['withdraw' as const] : []), ...((await restorers({ req })) ? ['restore' as const] : [])]
}

/** Refuses (401, 403) whom the action is not for. */
const checkLifecycleUser = async (req: PayloadRequest, options: ResolvedOptions, action: LifecycleAction): Promise<void> => {
  if (!req.user) throw fail(req, 401, 'error-signInLifecycle')
  if (!(await lifecycleActions(req, options)).includes(action)) throw fail(req, 403, action === 'withdraw' ? 'error-notWithdrawer' : 'error-notRestorer')
}

/**
 * Checks a withdrawal's or a restore's request: who (the signed-in user, from the server alone),
 * then what it says. A withdrawal says `reason` (`manual` or `expired`) and may say `message`
 * (text, at most 2000 characters); a restore says nothing. Anything else (`by`, `at`…) is refused
 * by name. Refusals are APIErrors (401, 403, 400) and nothing is written.
 */
export const checkLifecycleRequest = async (
  req: PayloadRequest,
  options: ResolvedOptions,
  action: LifecycleAction,
  body: unknown,
): Promise<{ message: null | string; reason: (typeof MANUAL_REASONS)[number] }> => {
  await checkLifecycleUser(req, options, action)
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw fail(req, 400, action === 'withdraw' ? 'error-withdrawBody' : 'error-restoreBody')
  const allowed: string[] = action === 'withdraw' ? ['reason', 'message'] : []
  const extra = Object.keys(body).find((key) => !allowed.includes(key))
  if (extra !== undefined) throw fail(req, 400, action === 'withdraw' ? 'error-withdrawField' : 'error-restoreField', { field: extra.slice(0, 50) })
  if (action === 'restore') return { reason: 'manual', message: null }
  const { message, reason } = body as { message?: unknown; reason?: unknown }
  if (reason === 'kill') throw fail(req, 400, 'error-withdrawKill')
  if (typeof reason !== 'string' || !(MANUAL_REASONS as readonly string[]).includes(reason)) {
    throw fail(req, 400, 'error-withdrawReason', { value: String(reason ?? '').slice(0, 50), reasons: MANUAL_REASONS.join(', ') })
  }
  if (message !== undefined && message !== null && typeof message !== 'string') throw fail(req, 400, 'error-withdrawMessageText')
  if (typeof message === 'string' && message.includes('\0')) throw fail(req, 400, 'error-withdrawMessageNul')
  if (typeof message === 'string' && message.length > MAX_MESSAGE) throw fail(req, 400, 'error-withdrawMessageLength', { max: MAX_MESSAGE, length: message.length })
  return { reason: reason as (typeof MANUAL_REASONS)[number], message: typeof message === 'string' ? message : null }
}

/**
 * Withdraws or restores one story for the signed-in user, in one transaction: checks the request,
 * that the story exists, then calls `withdrawArticle`/`restoreArticle` (idempotent: `changed` says
 * whether anything was written).
 */
export const lifecycleAct = async (
  req: PayloadRequest,
  options: ResolvedOptions,
  target: Target,
  id: unknown,
  action: LifecycleAction,
  body: unknown,
): Promise<{ changed: boolean; doc: Doc; message: string }> => {
  const { message, reason } = await checkLifecycleRequest(req, options, action, body)
  if (!isIdOf(req.payload, target.slug, id)) throw fail(req, 404, 'error-notFound')
  const collection = target.slug as CollectionSlug
  const own = await initTransaction(req)
  try {
    const { changed, doc } =
      action === 'withdraw'
        ? await withdrawArticle({ req, collection, id: id as number | string, reason, message })
        : await restoreArticle({ req, collection, id: id as number | string })
    if (own) await commitTransaction(req)
    return { changed, doc, message: translate(req.t, changed ? `lifecycle-done-${action}` : `lifecycle-unchanged-${action}`) }
  } catch (error) {
    if (own) await killTransaction(req)
    throw error
  }
}

/** Who withdrew, by the name staff know them by. */
const withEmail = async (req: PayloadRequest, withdrawn: Doc | null | undefined): Promise<Doc | null> => {
  if (!withdrawn?.at) return null
  const by = withdrawn.by && typeof withdrawn.by === 'object' ? withdrawn.by.id : withdrawn.by
  if (by === null || by === undefined) return { ...withdrawn, by: null }
  const users = req.payload.config.admin.user as CollectionSlug
  const user = (await req.payload.findByID({ collection: users, id: by, depth: 0, disableErrors: true, overrideAccess: true, req })) as Doc | null
  return { ...withdrawn, by: { id: by, email: user?.email ?? null } }
}

/**
 * `POST /api/<collection>/:id/withdraw` (`{ reason: 'manual' | 'expired', message }`) and
 * `POST /api/<collection>/:id/restore`: the manual lifecycle actions, answered with
 * `{ message, changed, doc }`; and `GET /api/<collection>/:id/lifecycle`: where the story stands
 * (`availability`, `embargoUntil`, `withdrawn` with who) and the actions the user may take.
 */
export const lifecycleEndpoints = (options: ResolvedOptions, target: Target): Endpoint[] => [
  ...LIFECYCLE_ACTIONS.map(
    (action): Endpoint => ({
      path: `/:id/${action}`,
      method: 'post',
      custom: {
        openapi: {
          summary: action === 'withdraw' ? 'Withdraw a story' : 'Restore a withdrawn story',
          description:
            action === 'withdraw'
              ? `Takes the story off the public pages and feeds (a tombstone stays), for whom the lifecycle options allow. Idempotent: \`changed\` says whether anything was written. \`reason\` is ${MANUAL_REASONS.map((r) => `\`${r}\``).join(' or ')} (\`kill\` is the wire's, by ingest); \`message\` at most ${MAX_MESSAGE} characters, for the newsroom.`
              : 'Puts a withdrawn story back, for whom the lifecycle options allow. Idempotent: `changed` says whether anything was written. The body is empty.',
          parameters: [idParameter()],
          requestBody:
            action === 'withdraw'
              ? jsonBody(
                  {
                    type: 'object',
                    properties: { reason: { type: 'string', enum: [...MANUAL_REASONS] }, message: { type: ['string', 'null'], maxLength: MAX_MESSAGE } },
                    required: ['reason'],
                    additionalProperties: false,
                  },
                  true,
                  { reason: 'manual', message: 'Legal asked us to take it down pending review.' },
                )
              : jsonBody({ type: 'object', additionalProperties: false }),
          responses: {
            200: ok('Done (or already so).', { type: 'object', properties: { message: { type: 'string' }, changed: { type: 'boolean' }, doc: schema(target.slug) }, required: ['message', 'changed', 'doc'] }),
            ...refusals(400, 401, 403, 404),
          },
        },
      },
      handler: async (req) =>
        answer(async () => {
          const body = await readJson(req)
          // Who before what: an anonymous or unauthorised caller learns nothing of the body's rules.
          if (body === undefined) {
            await checkLifecycleUser(req, options, action)
            throw fail(req, 400, action === 'withdraw' ? 'error-withdrawBody' : 'error-restoreBody')
          }
          return lifecycleAct(req, options, target, req.routeParams?.id, action, body)
        }),
    }),
  ),
  {
    path: '/:id/lifecycle',
    method: 'get',
    custom: {
      openapi: {
        summary: "Where a story's availability stands",
        description: 'Its availability now, embargo, withdrawal (with who withdrew it), and the lifecycle actions the signed-in user may take.',
        parameters: [idParameter()],
        responses: {
          200: ok('The story\'s lifecycle.', {
            type: 'object',
            properties: {
              availability: { oneOf: [schema('Availability'), { type: 'null' }] },
              embargoUntil: { type: ['string', 'null'] },
              withdrawn: { type: ['object', 'null'], properties: { at: { type: ['string', 'null'] }, reason: { type: ['string', 'null'] }, message: { type: ['string', 'null'] }, by: PERSON } },
              actions: { type: 'array', items: { type: 'string', enum: [...LIFECYCLE_ACTIONS] } },
            },
            required: ['availability', 'embargoUntil', 'withdrawn', 'actions'],
          }),
          ...refusals(401, 404),
        },
      },
    },
    handler: (req) =>
      answer(async () => {
        if (!req.user) throw fail(req, 401, 'error-signInLifecycle')
        const id = req.routeParams?.id
        if (!isIdOf(req.payload, target.slug, id)) throw fail(req, 404, 'error-notFound')
        // The user's own read access decides whether the story exists for them.
        const doc = (await req.payload.findByID({
          collection: target.slug,
          id: id as number | string,
          depth: 0,
          draft: true,
          disableErrors: true,
          overrideAccess: false,
          user: req.user,
          req,
        })) as Doc | null
        if (!doc) throw fail(req, 404, 'error-notFound')
        return {
          availability: doc.availability ?? null,
          embargoUntil: doc[target.fields.embargoUntil] ?? null,
          withdrawn: await withEmail(req, doc[target.fields.withdrawn]),
          actions: await lifecycleActions(req, options),
        }
      }),
  },
]
