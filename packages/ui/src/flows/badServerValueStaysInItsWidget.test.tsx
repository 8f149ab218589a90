import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { BalanceBadge, SpendChart, TopUpForm, TransactionHistory } from '../index'
import { allowConsoleErrors } from '../test/allowConsoleErrors'
import { expectNoA11yViolations, mock, renderWithMock, worker } from '../test/renderWithMock'

// React reports the error a boundary caught on console.error: these tests expect exactly that.
const reported = allowConsoleErrors(/Invalid time value|TransactionHistory|not an amount/)

function Page() {
  return (
    <main>
      <BalanceBadge />
      <TransactionHistory />
      <TopUpForm />
      <SpendChart days={7} />
    </main>
  )
}

describe('a malformed value from the server', () => {
  it('a bad date shows TransactionHistory’s error state, the rest of the page renders, and Retry recovers', async () => {
    const { screen } = await renderWithMock(<Page />, {
      setup: (paygMock) => {
        const data = paygMock.state.transactions().slice(0, 20)
        data[3] = { ...(data[3] as (typeof data)[number]), createdAt: 'the 32nd of Smarch' }
        worker.use(
          http.get('*/billing/transactions', () => HttpResponse.json({ data, nextCursor: null }), {
            once: true,
          }),
        )
      },
    })
    await expect
      .element(
        screen.getByText('This could not be shown: the server sent something it could not read.'),
      )
      .toBeVisible()
    // The rest of the page: the balance, the form, the chart.
    await expect.element(screen.getByTitle(`$${mock.state.balance()}`).first()).toBeVisible()
    await expect.element(screen.getByRole('button', { name: 'Add $10' })).toBeVisible()
    await expect.element(screen.getByRole('heading', { name: 'Add credit' })).toBeVisible()
    expect(document.querySelector('.payg-spend-chart')).not.toBeNull()
    expect(reported().length).toBeGreaterThan(0)
    await expectNoA11yViolations()

    await screen.getByRole('button', { name: 'Retry' }).click()
    await expect.element(screen.getByRole('grid', { name: 'Transactions' })).toBeVisible()
    expect(document.querySelector('.payg-widget-error')).toBeNull()
  })

  it.each([
    ['a date that is no date', { createdAt: '2026-13-45T99:00:00Z' }],
    ['a missing date', { createdAt: undefined }],
    ['a non-numeric amount', { amount: 'twelve' }],
    ['a missing balance after', { balanceAfter: undefined }],
  ])('a ledger entry with %s shows an error in TransactionHistory only', async (_, broken) => {
    const { screen } = await renderWithMock(<Page />, {
      setup: (paygMock) => {
        const data = paygMock.state.transactions().slice(0, 20)
        data[0] = { ...(data[0] as (typeof data)[number]), ...broken } as (typeof data)[number]
        worker.use(
          http.get('*/billing/transactions', () => HttpResponse.json({ data, nextCursor: null })),
        )
      },
    })
    const history = screen.getByRole('alert').filter({ hasText: /could not be/ })
    await expect.element(history).toBeVisible()
    await expect.element(history.getByRole('button', { name: 'Retry' })).toBeVisible()
    await expect.element(screen.getByTitle(`$${mock.state.balance()}`).first()).toBeVisible()
    await expect.element(screen.getByRole('heading', { name: 'Add credit' })).toBeVisible()
    expect(document.querySelector('.payg-spend-chart')).not.toBeNull()
  })

  it('a bad amount shows BalanceBadge’s error state and the rest of the page renders', async () => {
    const { screen } = await renderWithMock(<Page />, {
      setup: (paygMock) => {
        const balance = { ...paygMock.state.balanceInfo(), balance: '12,50 USD' }
        worker.use(http.get('*/billing/balance', () => HttpResponse.json(balance)))
      },
    })
    await expect
      .poll(() => document.querySelector('.payg-balance-badge')?.getAttribute('data-state'))
      .toBe('error')
    await expect.element(screen.getByRole('grid', { name: 'Transactions' })).toBeVisible()
    await expect.element(screen.getByRole('heading', { name: 'Add credit' })).toBeVisible()
    expect(document.querySelector('.payg-spend-chart')).not.toBeNull()
    await expectNoA11yViolations()
  })
})
