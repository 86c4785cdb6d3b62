import type { Metadata } from 'next'
import type { ReactNode } from 'react'

import './site.css'

export const metadata: Metadata = { title: 'Wirehouse' }

/** The public sites' root layout; the admin has its own in `(payload)`. */
export default function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
