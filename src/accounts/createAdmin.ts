import type { SanitizedConfig } from 'payload'

import { getPayload } from 'payload'
import readline from 'node:readline/promises'

import { closeDatabase } from '../database'

export const MIN_PASSWORD_LENGTH = 12

type Ask = (question: string, hidden?: boolean) => Promise<string>

/** Asks on the terminal; a hidden answer is not echoed. */
const terminal = (): Ask => async (question, hidden = false) => {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true })
  if (hidden) {
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput
    ;(rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s) => write.call(rl, s.startsWith(question) ? s : '')
  }
  try {
    return (await rl.question(question)).trim()
  } finally {
    rl.close()
    if (hidden) process.stdout.write('\n')
  }
}

/** What is wrong with the account asked for, or nothing. */
export const problemWith = (email: string, password: string): null | string => {
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) return `"${email}" is not an email address.`
  if (password.length < MIN_PASSWORD_LENGTH) return `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`
  return null
}

/**
 * `payload create-admin` (`npm run create-admin`): the production way to make the first admin
 * (first-register is closed there). Reads ADMIN_EMAIL and ADMIN_PASSWORD, or asks on a terminal.
 */
export const script = async (config: SanitizedConfig): Promise<void> => {
  const ask = process.stdin.isTTY ? terminal() : null
  const email = (process.env.ADMIN_EMAIL || (await ask?.('Email: ')) || '').toLowerCase()
  const password = process.env.ADMIN_PASSWORD || (await ask?.('Password: ', true)) || ''
  if (!email || !password) return fail('Set ADMIN_EMAIL and ADMIN_PASSWORD, or run this on a terminal to be asked.')
  const problem = problemWith(email, password)
  if (problem) return fail(problem)

  const payload = await getPayload({ config })
  const taken = await payload.count({ collection: 'users', where: { email: { equals: email } } })
  if (taken.totalDocs) fail(`A user with the email ${email} exists already.`)
  const user = await payload.create({ collection: 'users', data: { email, password, roles: ['admin'] } })
  payload.logger.info(`Admin ${user.email} created (id ${user.id}).`)
  await closeDatabase(payload)
}

/** Payload's `bin` runner exits 0 after the script: a refusal exits 1 at once (which also closes the database). */
const fail = (message: string): never => {
  process.stderr.write(`${message}\n`)
  process.exit(1)
}
