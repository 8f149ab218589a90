import { expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { BalanceBadge } from '../BalanceBadge/BalanceBadge'
import { TopUpForm } from '../TopUpForm/TopUpForm'
import { expectNoA11yViolations, mock, renderWithMock } from '../test/renderWithMock'

// Flow: a top-up through TopUpForm -> every BalanceBadge on the page shows the new balance at
// once, from the top-up's answer, without asking the server for the balance again.
it('a top-up updates every balance badge on the page, with no extra balance request', async () => {
  const { screen } = await renderWithMock(
    <>
      <header>
        <BalanceBadge />
      </header>
      <main>
        <BalanceBadge />
        <TopUpForm />
      </main>
      <footer>
        <BalanceBadge />
      </footer>
    </>,
    { scenario: 'lowBalance' },
  )
  const badges = () => [...document.querySelectorAll('.payg-balance-badge__amount')]
  await expect
    .poll(() => badges().map((badge) => badge.textContent))
    .toEqual(['$2.45', '$2.45', '$2.45'])
  await expect
    .element(screen.getByText('Pays with Visa ending in 4242', { exact: false }))
    .toBeVisible()
  const balanceRequests = mock.requestCount('getBalance')
  expect(balanceRequests).toBe(1)

  // Type $40 and press Enter.
  const amount = screen.getByRole('textbox', { name: 'Amount (USD)' })
  await userEvent.fill(amount, '40')
  await userEvent.keyboard('{Enter}')

  await expect
    .element(screen.getByRole('status').filter({ hasText: 'Added' }))
    .toHaveTextContent('Added $40. New balance $42.45.')
  expect(badges().map((badge) => badge.textContent)).toEqual(['$42.45', '$42.45', '$42.45'])
  expect(
    [...document.querySelectorAll('.payg-balance-badge')].map((badge) =>
      badge.getAttribute('data-state'),
    ),
  ).toEqual(['ok', 'ok', 'ok'])

  // What the mock received: one top-up of $40, and no GET /billing/balance after it.
  expect(mock.requestCount('createTopUp')).toBe(1)
  expect(mock.requests.find((r) => r.operationId === 'createTopUp')).toMatchObject({
    method: 'POST',
    path: '/billing/top-ups',
    body: { amount: 40 },
    status: 201,
  })
  expect(mock.requestCount('getBalance')).toBe(balanceRequests)
  expect(mock.state.balance()).toBe('42.4567')
  await expectNoA11yViolations()
})
