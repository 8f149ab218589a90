import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import {
  AutoTopUpSettings,
  BalanceBadge,
  SpendChart,
  TopUpForm,
  TransactionHistory,
} from '../index'
import { renderWithMock } from '../test/renderWithMock'

function Page() {
  return (
    <main>
      <BalanceBadge />
      <TopUpForm />
      <AutoTopUpSettings />
      <TransactionHistory pageSize={5} />
      <SpendChart days={7} />
    </main>
  )
}

const failed = () => document.querySelectorAll('.payg-widget-error').length

describe('a locale Intl cannot read', () => {
  // An empty attribute, markup where a tag was meant, a POSIX name with a charset: each one
  // made Intl throw in every widget, which then showed "the server sent something it could not
  // read".
  it.each(['', '<script>', 'en-US.UTF-8', 'not a locale'])(
    'formats %j in the runtime’s locale, and every widget works',
    async (locale) => {
      const { screen } = await renderWithMock(<Page />, { locale, scenario: 'lowBalance' })
      const badge = screen.getByText('Balance', { exact: true })
      await expect.element(badge).toBeVisible()
      await expect.element(screen.getByRole('grid', { name: 'Transactions' })).toBeVisible()
      expect(failed()).toBe(0)
      const amount = screen.getByLabelText('Amount (USD)')
      await userEvent.fill(amount, '1,000')
      await expect.element(screen.getByRole('button', { name: 'Add $1,000' })).toBeVisible()
    },
  )

  it('reads a POSIX locale ("de_DE", as servers store it) as the BCP 47 tag it means', async () => {
    const { screen } = await renderWithMock(<BalanceBadge />, {
      locale: 'de_DE',
      scenario: 'lowBalance',
    })
    await expect.element(screen.getByText('2,45 $')).toBeVisible()
    expect(failed()).toBe(0)
  })
})
