import type { LookupAddress, LookupAllOptions, LookupOneOptions } from 'node:dns'

import ipaddr from 'ipaddr.js'
import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'

import { env } from '../env'

/**
 * No SSRF through webhooks: a target must be an http(s) URL without credentials whose host
 * resolves only to public unicast addresses, unless the operator lists the host in
 * `WEBHOOK_ALLOW_HOSTS`. Checked when a webhook is saved, and again on every delivery against the
 * address actually connected to (`guardedLookup`), so a name that later resolves to a private
 * address (DNS rebinding) is refused then too.
 */
export class UnsafeTargetError extends Error {
  override name = 'UnsafeTargetError'
}

/** Names that mean the cloud's metadata service or this machine, whatever they resolve to. */
const REFUSED_NAMES = [/^localhost$/, /\.localhost$/, /^metadata$/, /^metadata\.google\.internal$/, /^instance-data(\.ec2\.internal)?$/]

/** The host of a URL as compared with the allow-list: lower case, an IPv6 address without its brackets. */
export const hostOf = (url: URL): string => url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1')

export const allowedHost = (host: string): boolean => env.WEBHOOK_ALLOW_HOSTS.includes(host.toLowerCase())

/**
 * Why an address may not be a webhook's target (null: it may): anything but a public unicast
 * address (ipaddr.js's ranges: loopback, private, link-local, unique-local, multicast,
 * unspecified, reserved, carrier-grade NAT, IPv4-mapped and translated forms…).
 */
export const addressProblem = (address: string): null | string => {
  if (!ipaddr.isValid(address)) return `"${address}" is not an IP address`
  const parsed = ipaddr.process(address)
  const range = parsed.range()
  return range === 'unicast' ? null : `${parsed.toString()} is a ${range} address`
}

/** The URL, parsed, or an error naming what is wrong with it. */
export const parseTarget = (value: unknown): URL => {
  if (typeof value !== 'string' || !value.trim()) throw new UnsafeTargetError('url: give the http(s) address to deliver to')
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    throw new UnsafeTargetError(`url: "${value}" is not an absolute URL`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UnsafeTargetError(`url: only http and https targets are allowed, not ${url.protocol}`)
  if (url.username || url.password) throw new UnsafeTargetError('url: credentials in the URL are not allowed; the signature authenticates deliveries')
  return url
}

/** Refuses a target by its name or its addresses (all of them: one private address is enough to refuse). */
export const checkTarget = async (value: unknown): Promise<URL> => {
  const url = parseTarget(value)
  const host = hostOf(url)
  if (allowedHost(host)) return url
  const why = `url: ${host} is not allowed as a webhook target`
  const hint = 'list it in WEBHOOK_ALLOW_HOSTS to allow it'
  if (REFUSED_NAMES.some((name) => name.test(host))) throw new UnsafeTargetError(`${why} (a local or metadata name); ${hint}`)
  let addresses: string[]
  if (isIP(host)) addresses = [host]
  else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => a.address)
    } catch {
      throw new UnsafeTargetError(`url: the host ${host} could not be resolved`)
    }
  }
  for (const address of addresses) {
    const problem = addressProblem(address)
    if (problem) throw new UnsafeTargetError(`${why}: ${problem}; ${hint}`)
  }
  return url
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: LookupAddress[] | string, family?: number) => void

/**
 * A `lookup` for `http.request` that refuses, for a host not in the allow-list, any resolved
 * address that is not public: the delivery connects only to an address checked here.
 */
export const guardedLookup = (hostname: string, options: LookupAllOptions | LookupOneOptions | number, callback: LookupCallback): void => {
  const all = typeof options === 'object' && options.all === true
  const family = typeof options === 'number' ? options : (options.family as number | undefined)
  lookup(hostname, { all: true, verbatim: true, ...(family ? { family } : {}) })
    .then((addresses) => {
      if (!allowedHost(hostname)) {
        for (const { address } of addresses) {
          const problem = addressProblem(address)
          if (problem) throw new UnsafeTargetError(`${hostname} resolved to a refused address: ${problem}`)
        }
      }
      if (!addresses.length) throw new UnsafeTargetError(`${hostname} has no address`)
      if (all) callback(null, addresses)
      else callback(null, addresses[0].address, addresses[0].family)
    })
    .catch((error: NodeJS.ErrnoException) => callback(error, all ? [] : ''))
}

/** Before connecting to a URL whose host is an address (no lookup happens then), the same check. */
export const checkLiteral = (url: URL): void => {
  const host = hostOf(url)
  if (!isIP(host) || allowedHost(host)) return
  const problem = addressProblem(host)
  if (problem) throw new UnsafeTargetError(`${host} is refused: ${problem}`)
}
