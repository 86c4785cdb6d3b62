'use client'

import { Button, FieldLabel, useAuth, useConfig, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useState } from 'react'

type Answer = { apiKey?: string; message?: string; errors?: { message?: string }[] }

/**
 * The account's API key, made by the server: generate (shown once, to copy), or revoke.
 * Admins manage anyone's key, everyone else their own.
 */
export const ApiKey = () => {
  const { id } = useDocumentInfo()
  const { user } = useAuth()
  const { t } = useTranslation()
  const {
    config: {
      routes: { api },
      serverURL,
    },
  } = useConfig()
  const stored = useFormFields(([fields]) => Boolean(fields?.hasAPIKey?.value))
  const [has, setHas] = useState<boolean | null>(null)
  const [key, setKey] = useState<null | string>(null)
  const [note, setNote] = useState<null | string>(null)
  const [busy, setBusy] = useState(false)

  const roles = (user as { roles?: string[] } | null)?.roles ?? []
  if (!id || !user || (!roles.includes('admin') && String(user.id) !== String(id))) return null

  const call = async (method: 'DELETE' | 'POST') => {
    setBusy(true)
    try {
      const url = formatAdminURL({ apiRoute: api, serverURL, path: `/users/${encodeURIComponent(String(id))}/api-key` })
      const response = await fetch(url, { method, credentials: 'include' })
      const body = (await response.json().catch(() => ({}))) as Answer
      if (!response.ok) return setNote(body.errors?.map((e) => e.message).join(' ') || `HTTP ${response.status}`)
      setKey(body.apiKey ?? null)
      setHas(method === 'POST')
      setNote(body.message ?? null)
    } finally {
      setBusy(false)
    }
  }

  const enabled = has ?? stored
  return (
    <div className="field-type api-key-actions">
      <FieldLabel label={t('authentication:apiKey')} />
      {key && <input className="api-key-actions__key" readOnly value={key} onFocus={(e) => e.currentTarget.select()} />}
      {note && <p className="field-description">{note}</p>}
      <Button buttonStyle="secondary" size="small" disabled={busy} onClick={() => void call('POST')}>
        {t('authentication:generateNewAPIKey')}
      </Button>
      {enabled && (
        <Button buttonStyle="secondary" size="small" disabled={busy} onClick={() => void call('DELETE')}>
          {t('general:delete')}
        </Button>
      )}
    </div>
  )
}
