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
 * Waits until the document's Publish button can be used. Payload may still hold another user's
 * edit lock, whose modal comes up a moment after the form: this user takes the document over, as
 * the modal offers.
 */
export const publishable = async (page: Page) => {
  const locked = page.locator('#document-locked')
  const publish = page.getByRole('button', { name: /Publish/ })
  await page.locator('form').first().waitFor()
  await page.waitForTimeout(1500)
  await eventually(async () => {
    if (await locked.isVisible()) await locked.getByRole('button', { name: 'Take over' }).click()
    expect(await locked.isVisible()).toBe(false)
    expect(await publish.isEnabled()).toBe(true)
  })
  return publish
}
