import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { AutoTopUpSettings } from '../AutoTopUpSettings/AutoTopUpSettings'
import { CostCalculator } from '../CostCalculator/CostCalculator'
import { expectNoA11yViolations, mock, renderWithMock } from '../test/renderWithMock'

/** A billing page: the calculator's planner feeds the auto top-up settings beside it. */
function BillingPage() {
  const [suggestion, setSuggestion] = useState<{ threshold: number; amount: number }>()
  return (
    <>
      <CostCalculator onApplySuggestion={setSuggestion} />
      <AutoTopUpSettings suggestion={suggestion} />
    </>
  )
}

describe('flow: calculator planner -> apply -> auto top-up settings saved', () => {
  it('saves exactly the suggested threshold and amount', async () => {
    const { screen } = await renderWithMock(<BillingPage />)
    // 4 Leonardo Phoenix images at 1024x1024 cost $0.048: 500 a day is $24.00 a day.
    await expect.element(screen.getByText('$0.048', { exact: true })).toBeVisible()
    await screen.getByLabelText('Requests per day').fill('500')
    await expect.element(screen.getByText('$24.00')).toBeVisible()
    await screen.getByRole('button', { name: 'Apply to auto top-up' }).click()

    await expect.element(screen.getByText(/^Suggested by the planner/)).toBeVisible()
    await expect.element(screen.getByRole('switch', { name: 'Top up automatically' })).toBeChecked()
    await expect.element(screen.getByLabelText('When the balance falls below')).toHaveValue('48')
    await expect.element(screen.getByLabelText('Add this amount')).toHaveValue('168')
    await expectNoA11yViolations()

    await screen.getByRole('button', { name: 'Save' }).click()
    await expect
      .element(
        screen.getByText('Saved. $168.00 will be added when the balance falls below $48.00.'),
      )
      .toBeVisible()
    expect(mock.state.autoTopUp()).toMatchObject({
      enabled: true,
      threshold: 48,
      amount: 168,
      monthlyCap: null,
    })
    // The balance ($100.8072) is above the new threshold: nothing was charged.
    expect(mock.state.transactions().filter((entry) => entry.type === 'AUTO_TOP_UP')).toHaveLength(
      0,
    )
    expect(mock.requestCount('updateAutoTopUp')).toBe(1)
  })

  it('warns, then tops up once, when the suggestion is above a low balance', async () => {
    const { screen } = await renderWithMock(<BillingPage />, { scenario: 'lowBalance' })
    await expect.element(screen.getByText('$0.048', { exact: true })).toBeVisible()
    await screen.getByLabelText('Requests per day').fill('100')
    await screen.getByRole('button', { name: 'Apply to auto top-up' }).click()
    await expect.element(screen.getByLabelText('When the balance falls below')).toHaveValue('10')
    await expect
      .element(screen.getByText(/^Saving will add \$34\.00 now: the balance \(\$2\.45\)/))
      .toBeVisible()

    await screen.getByRole('button', { name: 'Save' }).click()
    await expect.element(screen.getByText(/\$34\.00 was added to your balance\./)).toBeVisible()
    expect(mock.state.autoTopUp()).toMatchObject({ enabled: true, threshold: 10, amount: 34 })
    expect(mock.state.transactions().filter((entry) => entry.type === 'AUTO_TOP_UP')).toHaveLength(
      1,
    )
    expect(mock.state.balance()).toBe('36.4567')
  })
})
