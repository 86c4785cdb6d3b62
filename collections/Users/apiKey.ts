import crypto from 'node:crypto'

/** 256 random bits, URL-safe: 43 characters. */
export const newApiKey = () => crypto.randomBytes(32).toString('base64url')

/** Set on the one update that stores a key made by `newApiKey`. */
export const SERVER_MADE_KEY = 'serverMadeApiKey'
