import { RIGHTS_NOTICE_KINDS } from '../constants.ts'

/**
 * A story's copyright line, one home for every export that states it (ninjs `copyrightNotice`,
 * the sites' RSS `dc:rights`): the texts of its rights notices (`RIGHTS_NOTICE_KINDS`), one a line,
 * else "© <year> <holder>"; none for a story with neither (public domain without a notice).
 */
/** What of a resolved attribution the line is made of, as the plugin builds it or as a read returns it. */
export type CopyrightInput = {
  copyrightHolder?: null | string
  copyrightYear?: null | number
  notices?: null | { kind?: null | string; text?: null | string }[]
}

export const copyrightNotice = (attribution: CopyrightInput | null | undefined): string | undefined => {
  if (!attribution) return undefined
  const holder = attribution.copyrightHolder ?? undefined
  const notices = (attribution.notices ?? [])
    .filter((n) => RIGHTS_NOTICE_KINDS.includes(n.kind as never))
    .map((n) => n.text?.trim())
    .filter(Boolean)
  return notices.length ? notices.join('\n') : holder ? `© ${attribution.copyrightYear} ${holder}` : undefined
}
