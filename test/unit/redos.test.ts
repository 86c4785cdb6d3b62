/**
 * No regular expression in the app or its plugins can be made to backtrack super-linearly:
 * recheck proves each one `safe`, or the test names it with the attack recheck found. The
 * expressions are found by the TypeScript parser in every code file (`test/helpers/regexes.ts`),
 * so one added anywhere is checked without being listed here.
 */
import { describe, expect, it } from '@jest/globals'
import { check } from 'recheck'

import { CODE_ROOTS, codeFiles, type FoundRegex, regexesIn } from '../helpers/regexes'

/**
 * recheck's own limit per expression; past it the verdict is `unknown`, which fails like
 * `vulnerable`. Generous: its pure-JS backend (`RECHECK_BACKEND=pure`, or `auto` without the
 * native binary) takes seconds per pattern on a busy 2-core machine.
 */
const CHECK_TIMEOUT_MS = 90_000

const verdict = async (source: string, flags: string) => {
  const result = await check(source, flags, { timeout: CHECK_TIMEOUT_MS })
  if (result.status === 'safe') return { status: 'safe' }
  if (result.status === 'unknown') return { status: 'unknown', error: result.error }
  return { status: 'vulnerable', complexity: result.complexity.summary, attack: result.attack.pattern }
}

const found = codeFiles().flatMap((file) => regexesIn(file))
const patterns = found.filter((regex): regex is Extract<FoundRegex, { source: string }> => 'source' in regex)

describe('finding the regular expressions', () => {
  it('reads literals and RegExp constructions with the TypeScript parser, folding constants', () => {
    const code = [
      "const LABEL = '[a-z]+'",
      '// a comment with /(a+)+$/ in it is no regex, nor is the string "/(b+)+$/"',
      'const a = /^x+$/gi, b = `/not a regex/`',
      'const host = new RegExp(`^(?:${LABEL}\\\\.)*${LABEL}$`)',
      "const c = RegExp('y' + LABEL, 'm')",
      'const d = new RegExp(/z/, "g")',
      'const e = new RegExp(userInput)',
      'export const View = () => <p title="/(c+)+/">{"x".replace(/</g, "&lt;")}</p>',
    ].join('\n')
    expect(regexesIn('sample.tsx', code).map(({ at, ...regex }) => [at, regex])).toEqual([
      ['sample.tsx:3', { source: '^x+$', flags: 'gi' }],
      ['sample.tsx:4', { source: '^(?:[a-z]+\\.)*[a-z]+$', flags: '' }],
      ['sample.tsx:5', { source: 'y[a-z]+', flags: 'm' }],
      ['sample.tsx:6', { source: 'z', flags: 'g' }],
      ['sample.tsx:6', { source: 'z', flags: '' }],
      ['sample.tsx:7', { dynamic: 'new RegExp(userInput)' }],
      ['sample.tsx:8', { source: '<', flags: 'g' }],
    ])
  })

  it(`finds them in ${CODE_ROOTS.join(', ')}`, () => {
    const files = new Set(patterns.map(({ at }) => at.replace(/:\d+$/, '')))
    expect(files).toContain('src/ingest/text.ts')
    expect(files).toContain('src/fields/validators.ts')
    expect([...files].some((file) => file.startsWith('plugins/attribution/src/'))).toBe(true)
  })

  it('knows every pattern: one built at run time from anything but literals and constants cannot be checked', () => {
    expect(found.filter((regex) => 'dynamic' in regex)).toEqual([])
  })
})

describe.each(patterns)('$at /$source/$flags', ({ source, flags }) => {
  it('is linear (recheck: safe)', async () => {
    expect(await verdict(source, flags)).toEqual({ status: 'safe' })
  }, CHECK_TIMEOUT_MS + 30_000)
})

describe('the patterns ingest used to have', () => {
  // Kept to show the checker catches what it is here to catch.
  it.each([
    ['dateline', String.raw`^(?<place>.*?)\s*\((?<credit>[^()]+)\)\s*(?<date>.*)$`, ''],
    ['subhead', String.raw`^-\s+(.+?)\s+-$`, ''],
    ['trailing URL', String.raw`^(?<label>.*?)[\s:–-]*\s(?<url>https?:\/\/\S+)$`, ''],
    ['DOCTYPE internal subset', String.raw`<!DOCTYPE[^>[]*\[`, 'i'],
    ['trailing dashes of a slug', '-+$', ''],
  ])('%s: vulnerable', async (_name, source, flags) => {
    expect(await verdict(source, flags)).toMatchObject({ status: 'vulnerable' })
  }, CHECK_TIMEOUT_MS + 30_000)
})
