import { readFileSync } from 'node:fs'
import path from 'node:path'

/** The folder of wire-copy fixtures: good/, unmatched/ and bad/. */
export const WIRE = path.resolve('test/fixtures/wire')

type Good = {
  file: string
  format: 'ninjs' | 'nitf' | 'text'
  source: string
  headline: string
  byline: string
  place: string
  date: string
  section: null | string
  externalId: null | string
  paragraphs: number
  headings: string[]
  relatedLinks: { label: string; url: string }[]
  firstWords: string
  summary: null | string
}

/** What each fixture holds, written down by hand when the fixtures were. */
export const expected = JSON.parse(readFileSync(path.resolve('test/fixtures/wire-expected.json'), 'utf8')) as {
  good: Good[]
  unmatched: { file: string; format: string; headline: string }[]
  bad: { file: string; reason: string }[]
}

/** A fixture as the ingest path takes it: its bytes and its file name. */
export const wireFile = (file: string) => ({ bytes: readFileSync(path.join(WIRE, file)), filename: file })

/** The press-release source the fixtures' LPR stories name; not in the sample network. */
export const LPR = {
  name: 'Launchpad PR Wire',
  code: 'LPR',
  kind: 'press-release',
  license: 'copyright',
  copyrightHolder: 'Launchpad PR Wire Ltd',
  credit: 'LPR',
  bylineAliases: ['LPR Staff Writers'],
} as const
