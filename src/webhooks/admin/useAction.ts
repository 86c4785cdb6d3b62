'use client'

import { useConfig, useTranslation } from '@payloadcms/ui'

type Answer<T> = { ok: true; body: T } | { ok: false; error: string }

/**
 * The webhook buttons' one way to call their endpoint: `POST <api><path>` with the session cookie,
 * answered as the body or the refusal's messages; and their texts in the admin's language.
 */
export const useAction = <Texts>(texts: Record<'de' | 'en' | 'fr', Texts>) => {
  const { i18n } = useTranslation()
  const {
    config: {
      routes: { api },
      serverURL,
    },
  } = useConfig()
  const language = i18n.language in texts ? (i18n.language as keyof typeof texts) : 'en'
  const post = async <T>(path: string): Promise<Answer<T>> => {
    const response = await fetch(`${serverURL ?? ''}${api}${path}`, { method: 'POST', credentials: 'include' }).catch(() => null)
    const body = (await response?.json().catch(() => ({}))) as { errors?: { message?: string }[] } & T
    if (response?.ok) return { ok: true, body }
    return { ok: false, error: body?.errors?.map((e) => e.message).join(' ') || `HTTP ${response?.status ?? '?'}` }
  }
  return { post, texts: texts[language] }
}
