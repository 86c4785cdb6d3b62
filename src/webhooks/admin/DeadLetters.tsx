'use client'

import { useConfig, useTranslation } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'

const TEXTS = {
  en: { all: 'All deliveries', dead: 'Dead letters (failed after 24 hours of retries)' },
  fr: { all: 'Toutes les livraisons', dead: 'Lettres mortes (échouées après 24 heures de tentatives)' },
  de: { all: 'Alle Zustellungen', dead: 'Unzustellbare (nach 24 Stunden Wiederholungen fehlgeschlagen)' },
}

/** Above the deliveries list: the dead letters (`status` failed) in one click, and back. */
export const DeadLetters = () => {
  const { i18n } = useTranslation()
  const {
    config: {
      routes: { admin },
    },
  } = useConfig()
  const texts = TEXTS[(i18n.language as keyof typeof TEXTS) in TEXTS ? (i18n.language as keyof typeof TEXTS) : 'en']
  const list = formatAdminURL({ adminRoute: admin, path: '/collections/webhook-deliveries', serverURL: undefined })
  return (
    <p className="webhook-dead-letters" style={{ display: 'flex', gap: 'var(--base)' }}>
      <a href={list}>{texts.all}</a>
      <a href={`${list}?where[or][0][and][0][status][equals]=failed`} data-testid="dead-letters">
        {texts.dead}
      </a>
    </p>
  )
}
