import { useTopUp } from '@payg-kit/react'
import { describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { expectNoA11yViolations, mock, renderWithMock } from '../test/renderWithMock'
import { BalanceBadge } from './BalanceBadge'

function AddTen() {
  const topUp = useTopUp()
  return (
    <button type="button" onClick={() => topUp.mutate({ amount: 10 })}>
      Add $10
    </button>
  )
}

const badge = () => document.querySelector('.payg-balance-badge') as HTMLElement

describe('BalanceBadge', () => {
  it('shows a loading state, then the exact dollar balance', async () => {
    const { screen, queryClient } = await renderWithMock(<BalanceBadge />, {
      setup: (paygMock) => paygMock.failNext('getBalance', { mode: 'hang' }),
    })
    await expect.element(screen.getByRole('img', { name: 'Loading balance…' })).toBeVisible()
    expect(badge().dataset.state).toBe('loading')
    expect(badge().getAttribute('aria-busy')).toBe('true')
    await expectNoA11yViolations()

    mock.state.setBalance('123.4567')
    await queryClient.cancelQueries()
    await queryClient.refetchQueries()
    await expect.element(screen.getByText('$123.45')).toBeVisible()
    expect(badge().dataset.state).toBe('ok')
    await expectNoA11yViolations()
  })

  it('shows the low state with a top-up action that works from the keyboard', async () => {
    const onTopUpClick = vi.fn()
    const { screen } = await renderWithMock(<BalanceBadge onTopUpClick={onTopUpClick} />, {
      scenario: 'lowBalance',
    })
    await expect.element(screen.getByText('$2.45', { exact: true })).toBeVisible()
    expect(badge().dataset.state).toBe('low')
    await expect.element(screen.getByText('Low')).toBeVisible()
    await userEvent.keyboard('{Tab}')
    await expect.element(screen.getByRole('button', { name: 'Top up' })).toHaveFocus()
    await userEvent.keyboard('{Enter}')
    expect(onTopUpClick).toHaveBeenCalledOnce()
    await expectNoA11yViolations()
  })

  it('uses a threshold prop when given', async () => {
    const { screen } = await renderWithMock(<BalanceBadge lowThreshold={1_000} />)
    await expect.element(screen.getByText('Low')).toBeVisible()
    expect(badge().dataset.state).toBe('low')
  })

  it('shows requests paused at zero', async () => {
    const { screen } = await renderWithMock(<BalanceBadge onTopUpClick={() => {}} />, {
      scenario: 'zeroBalance',
    })
    await expect.element(screen.getByText('Requests paused')).toBeVisible()
    await expect.element(screen.getByText('$0.00')).toBeVisible()
    expect(badge().dataset.state).toBe('paused')
    await expectNoA11yViolations()
  })

  it('shows plan credits on a legacy subscription', async () => {
    const { screen } = await renderWithMock(<BalanceBadge />, { scenario: 'legacySubscription' })
    await expect.element(screen.getByText('Plan credits')).toBeVisible()
    await expect.element(screen.getByText('24,000 credits')).toBeVisible()
  })

  it('shows an error with a retry that recovers', async () => {
    const { screen } = await renderWithMock(<BalanceBadge />, {
      setup: (paygMock) => paygMock.failNext('getBalance', { status: 500 }),
    })
    await expect.element(screen.getByText('Balance unavailable')).toBeVisible()
    expect(badge().dataset.state).toBe('error')
    await expectNoA11yViolations()
    await screen.getByRole('button', { name: 'Retry' }).click()
    await expect.element(screen.getByText(/^\$\d/)).toBeVisible()
    expect(screen.getByText('Balance unavailable').elements()).toHaveLength(0)
    expect(badge().dataset.state).toBe('ok')
  })

  it('announces a changed balance politely, and every badge on the page updates after a top-up', async () => {
    const { screen } = await renderWithMock(
      <>
        <BalanceBadge />
        <BalanceBadge />
        <AddTen />
      </>,
      { scenario: 'lowBalance' },
    )
    await expect.element(screen.getByText('$2.45', { exact: true }).first()).toBeVisible()
    const requestsBefore = mock.requestCount('getBalance')
    await screen.getByRole('button', { name: 'Add $10' }).click()
    await expect.element(screen.getByText('$12.45', { exact: true }).nth(1)).toBeVisible()
    expect(screen.getByText('$12.45', { exact: true }).all()).toHaveLength(2)
    const live = screen.getByRole('status').first()
    await expect.element(live).toHaveTextContent('Balance is now $12.45')
    expect(live.element().getAttribute('aria-live')).toBe('polite')
    expect(mock.requestCount('getBalance')).toBe(requestsBefore)
  })

  it('formats for the locale and takes overridden strings', async () => {
    const { screen } = await renderWithMock(<BalanceBadge />, {
      scenario: 'lowBalance',
      locale: 'de-DE',
      messages: { 'balanceBadge.label': 'Guthaben', 'balanceBadge.low': 'Niedrig' },
    })
    await expect.element(screen.getByText('2,45 $')).toBeVisible()
    await expect.element(screen.getByText('Guthaben')).toBeVisible()
    await expect.element(screen.getByText('Niedrig')).toBeVisible()
  })
})
