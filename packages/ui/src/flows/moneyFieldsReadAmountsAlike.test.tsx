import { formatMoney, usd } from '@payg-kit/core'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { AutoTopUpSettings } from '../AutoTopUpSettings/AutoTopUpSettings'
import { TopUpForm } from '../TopUpForm/TopUpForm'
import { mock, renderWithMock } from '../test/renderWithMock'

const sentTopUp = () => mock.requests.find((r) => r.operationId === 'createTopUp')?.body
const sentSettings = () => mock.requests.find((r) => r.operationId === 'updateAutoTopUp')?.body
const german = (dollars: number) =>
  formatMoney(usd(dollars), { locale: 'de-DE', minimumFractionDigits: 0 })

describe('every money field reads a typed amount the same way', () => {
  it('reads "1,000" as $1,000 in TopUpForm in en-US', async () => {
    const { screen } = await renderWithMock(<TopUpForm />)
    await userEvent.fill(screen.getByRole('textbox', { name: 'Amount (USD)' }), '1,000')
    await userEvent.keyboard('{Enter}')
    await expect.poll(sentTopUp).toEqual({ amount: 1000 })
  })

  it('reads "1,000" as $1,000 in every AutoTopUpSettings field in en-US', async () => {
    const { screen } = await renderWithMock(<AutoTopUpSettings />)
    await screen.getByRole('switch', { name: 'Top up automatically' }).click()
    await screen.getByLabelText('When the balance falls below').fill('1,000')
    await screen.getByLabelText('Add this amount').fill('1,000')
    await screen.getByLabelText('Monthly limit (optional)').fill('$2,000')
    await screen.getByRole('button', { name: 'Save' }).click()
    await expect
      .poll(sentSettings)
      .toMatchObject({ threshold: 1000, amount: 1000, monthlyCap: 2000 })
    expect(mock.state.autoTopUp()).toMatchObject({
      threshold: 1000,
      amount: 1000,
      monthlyCap: 2000,
    })
  })

  it('in de-DE, TopUpForm asks what "1,000" means and sends "1.000" as $1,000', async () => {
    const { screen } = await renderWithMock(<TopUpForm />, { locale: 'de-DE' })
    const amount = screen.getByRole('textbox', { name: 'Amount (USD)' })
    await userEvent.fill(amount, '1,000')
    await userEvent.keyboard('{Enter}')
    await expect
      .element(amount)
      .toHaveAccessibleDescription(
        expect.stringContaining(`Did you mean ${german(1000)} or ${german(1)}?`),
      )
    expect(mock.requestCount('createTopUp')).toBe(0)

    await userEvent.fill(amount, '1.000')
    await expect.element(amount).not.toHaveAttribute('aria-invalid')
    await userEvent.keyboard('{Enter}')
    await expect.poll(sentTopUp).toEqual({ amount: 1000 })
  })

  it('in de-DE, AutoTopUpSettings asks what "1,000" means and saves "1.000" as $1,000', async () => {
    const { screen } = await renderWithMock(<AutoTopUpSettings />, { locale: 'de-DE' })
    await screen.getByRole('switch', { name: 'Top up automatically' }).click()
    await screen.getByLabelText('When the balance falls below').fill('10')
    const amount = screen.getByLabelText('Add this amount')
    await amount.fill('1,000')
    const cap = screen.getByLabelText('Monthly limit (optional)')
    await cap.fill('12.5')
    await screen.getByRole('button', { name: 'Save' }).click()
    await expect
      .element(amount)
      .toHaveAccessibleDescription(
        expect.stringContaining(`Did you mean ${german(1000)} or ${german(1)}?`),
      )
    // A point is no decimal separator in de-DE, so "12.5" is not read as $125 or $12.50.
    await expect
      .element(cap)
      .toHaveAccessibleDescription(
        expect.stringContaining(`Did you mean ${german(12.5).replace(',5', ',50')}?`),
      )
    expect(mock.requestCount('updateAutoTopUp')).toBe(0)

    await amount.fill('1.000')
    await cap.fill('2.000 $')
    await screen.getByRole('button', { name: 'Save' }).click()
    await expect.poll(sentSettings).toMatchObject({ threshold: 10, amount: 1000, monthlyCap: 2000 })
  })

  it('understands digits of other scripts and ignores invisible characters', async () => {
    const { screen } = await renderWithMock(<TopUpForm />)
    // Arabic-Indic "٢٥", a zero-width space and a right-to-left mark around it.
    await userEvent.fill(
      screen.getByRole('textbox', { name: 'Amount (USD)' }),
      '\u200b\u0662\u0665\u200f',
    )
    await userEvent.keyboard('{Enter}')
    await expect.poll(sentTopUp).toEqual({ amount: 25 })
  })
})
