import type { Browser, BrowserContext, Page } from 'playwright-core'

import { expect } from '@jest/globals'

import { DEMO_PASSWORD } from '@/seed/data'
import { eventually } from './browser'

/**
 * A browser context signed in as a demo user (through the login endpoint: its cookie), whose
 * browser asks for `locale` (the admin's language, unless the user picked another).
 */
export const signedIn = async (browser: Browser, url: string, email: string, { locale = 'en-US' } = {}): Promise<BrowserContext> => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1100 }, locale })
  context.setDefaultTimeout(60_000)
  context.setDefaultNavigationTimeout(90_000)
  expect((await context.request.post(`${url}/api/users/login`, { data: { email, password: DEMO_PASSWORD } })).status()).toBe(200)
  return context
}

/**
 * Picks `label` in a select or relationship field (react-select) by typing to search, as a user
 * would. Focuses the input rather than clicking the control: a click on a relationship's current
 * value opens its document drawer.
 */
export const pick = async (page: Page, field: string, label: string) => {
  const wrapper = page.locator(`#field-${field}`)
  await wrapper.locator('input').first().focus()
  await page.keyboard.type(label.slice(0, 6))
  await wrapper.locator('.rs__option', { hasText: label }).first().click()
  await eventually(async () => expect(await wrapper.locator('.rs__single-value').first().innerText()).toBe(label))
}

/**
 * Takes a review action in the document's review panel (after taking over another user's edit
 * lock, as the modal offers), with a comment when given, and waits for the page to reload.
 */
export const reviewInPanel = async (page: Page, action: 'Approve' | 'Reject' | 'Submit for review', comment?: string) => {
  const locked = page.locator('#document-locked')
  const panel = page.getByTestId('review-panel')
  const button = panel.getByRole('button', { name: action })
  await page.locator('form').first().waitFor()
  await page.waitForTimeout(1500)
  await eventually(async () => {
    if (await locked.isVisible()) await locked.getByRole('button', { name: 'Take over' }).click()
    expect(await locked.isVisible()).toBe(false)
    expect(await button.isEnabled()).toBe(true)
  })
  if (comment) await panel.locator('textarea').fill(comment)
  await Promise.all([page.waitForEvent('load'), button.click()])
  await panel.waitFor()
}
