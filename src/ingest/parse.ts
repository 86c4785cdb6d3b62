import { decode, formatOf, type WireInput } from './decode'
import { parseNinjs } from './ninjs'
import { parseNitf } from './nitf'
import { parseTextPage } from './text'
import type { Story, WireFormat } from './types'

const PARSERS: Record<WireFormat, (text: string) => Story> = { text: parseTextPage, nitf: parseNitf, ninjs: parseNinjs }

/** Bytes in any of the three formats → one normalized story, or an IngestError saying why not. */
export const parseStory = (input: WireInput): Story => {
  const format = formatOf(input)
  return PARSERS[format](decode(input, format))
}
