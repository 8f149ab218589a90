import { createPaygClient } from '@payg-kit/core'
import { PaygProvider } from '@payg-kit/react'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { BalanceBadge } from '../BalanceBadge/BalanceBadge'
import type { PaygUiMessages } from '../PaygUiMessages'
import { renderWithMock } from '../test/renderWithMock'
import { loadPaygMessages } from './index'

const client = createPaygClient({ retry: false })

/** An app's language menu: loads the catalog, then hands locale and messages to the provider. */
function App() {
  const [language, setLanguage] = useState<{ locale: string; messages: PaygUiMessages }>({
    locale: 'en-US',
    messages: {},
  })
  const choose = async (locale: string) =>
    setLanguage({ locale, messages: await loadPaygMessages(locale) })
  return (
    <>
      {['en-US', 'de-DE', 'ja-JP'].map((locale) => (
        <button key={locale} type="button" onClick={() => choose(locale)}>
          {locale}
        </button>
      ))}
      <PaygProvider client={client} locale={language.locale} messages={language.messages}>
        <BalanceBadge />
      </PaygProvider>
    </>
  )
}

describe('switching the language at run time', () => {
  it('re-renders the mounted widgets in the new language, numbers and words alike', async () => {
    const { screen } = await renderWithMock(<App />, { scenario: 'legacySubscription' })
    await expect.element(screen.getByText('Plan credits')).toBeVisible()
    await expect.element(screen.getByText('24,000 credits').first()).toBeVisible()

    await screen.getByRole('button', { name: 'de-DE' }).click()
    await expect.element(screen.getByText('Tarif-Credits')).toBeVisible()
    await expect.element(screen.getByText('24.000 Credits').first()).toBeVisible()
    expect(screen.getByText('Plan credits').elements()).toHaveLength(0)

    await screen.getByRole('button', { name: 'ja-JP' }).click()
    await expect.element(screen.getByText('プランのクレジット')).toBeVisible()
    await expect.element(screen.getByText('24,000 クレジット').first()).toBeVisible()

    await screen.getByRole('button', { name: 'en-US' }).click()
    await expect.element(screen.getByText('Plan credits')).toBeVisible()
    await expect.element(screen.getByText('24,000 credits').first()).toBeVisible()
  })
})
