import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { renderWithPayg } from './test/renderWithPayg'
import { withMockServer } from './test/withMockServer'
import { useAccount } from './useAccount'
import { useAutoTopUp } from './useAutoTopUp'
import { useMigrationPreview } from './useMigrationPreview'
import { usePaymentMethod } from './usePaymentMethod'
import { usePricing } from './usePricing'
import { useSubscription } from './useSubscription'
import { useTransactions } from './useTransactions'
import { useUsage } from './useUsage'

const { mock } = withMockServer('healthy')

function Account() {
  const { data } = useAccount()
  return <p>{data ? `${data.username}: ${data.paidBalance.amount}` : 'loading'}</p>
}

function AutoTopUp() {
  const { data } = useAutoTopUp()
  return (
    <p>
      {data
        ? `add ${data.amount?.amount} below ${data.threshold?.amount}, cap ${data.monthlyCap?.amount}`
        : 'loading'}
    </p>
  )
}

function Ledger() {
  const { data, hasNextPage, fetchNextPage, isFetchingNextPage } = useTransactions({ limit: 2 })
  const rows = data?.pages.flatMap((page) => page.data) ?? []
  return (
    <>
      <p>{`${rows.length} rows`}</p>
      <p>{rows.map((row) => row.id).join(',')}</p>
      <button
        type="button"
        disabled={!hasNextPage || isFetchingNextPage}
        onClick={() => fetchNextPage()}
      >
        more
      </button>
    </>
  )
}

function Card() {
  const { data, isSuccess } = usePaymentMethod()
  if (!isSuccess) return <p>loading</p>
  return <p>{data ? `${data.brand} ${data.last4}` : 'no card'}</p>
}

function Plan() {
  const subscription = useSubscription()
  const preview = useMigrationPreview()
  if (!subscription.data || !preview.data) return <p>loading</p>
  return (
    <p>{`${subscription.data.billingModel} ${subscription.data.plan?.name}: ${preview.data.creditsRemaining.amount} credits -> $${preview.data.convertedAmount.amount}`}</p>
  )
}

function Pricing() {
  const { data } = usePricing()
  const phoenix = data?.models.find((model) => model.key === 'PHOENIX')
  return (
    <p>
      {data
        ? `custom ${data.customPricing}, illustrative ${data.illustrative}, Phoenix -${phoenix?.discountPercent}%`
        : 'loading'}
    </p>
  )
}

function Usage({ from, to }: { from: string; to: string }) {
  const { data } = useUsage({ from, to })
  return <p>{data ? `${data.buckets.length} days, ${data.total.unit}` : 'loading'}</p>
}

describe('query hooks', () => {
  test('useAccount reads GET /me, shared by every caller', async () => {
    renderWithPayg(
      <>
        <Account />
        <Account />
      </>,
    )
    await waitFor(() =>
      expect(screen.getAllByText(`${mock.ledger.username}: ${mock.state.balance()}`)).toHaveLength(
        2,
      ),
    )
    expect(mock.requestCount('getUserSelf')).toBe(1)
  })

  test('useAutoTopUp reads the settings', async () => {
    mock.reset('autoTopUpOn')
    renderWithPayg(<AutoTopUp />)
    expect(await screen.findByText('add 50 below 10, cap 500')).toBeTruthy()
    expect(mock.requestCount('getAutoTopUp')).toBe(1)
  })

  test('useTransactions pages through the ledger with its cursor', async () => {
    renderWithPayg(<Ledger />)
    await screen.findByText('2 rows')
    fireEvent.click(screen.getByRole('button', { name: 'more' }))
    await screen.findByText('4 rows')
    const newest = mock.state
      .transactions()
      .slice(0, 4)
      .map((t) => t.id)
    expect(screen.getByText(newest.join(','))).toBeTruthy()
    expect(mock.requestCount('listTransactions')).toBe(2)
    expect(
      mock.requests.filter((r) => r.operationId === 'listTransactions').map((r) => r.path),
    ).toEqual(['/billing/transactions', '/billing/transactions'])
  })

  test('useUsage reads a date range, one cache entry per range', async () => {
    const today = mock.state.now().toISOString().slice(0, 10)
    const week = new Date(mock.state.now().getTime() - 6 * 86_400_000).toISOString().slice(0, 10)
    const view = renderWithPayg(<Usage from={week} to={today} />)
    await screen.findByText('7 days, USD')
    view.rerender(<Usage from={today} to={today} />)
    await screen.findByText('1 days, USD')
    view.rerender(<Usage from={week} to={today} />)
    expect(screen.getByText('7 days, USD')).toBeTruthy()
    expect(mock.requestCount('getUsage')).toBe(2)
  })

  test('usePaymentMethod reads the saved card, or null', async () => {
    renderWithPayg(<Card />)
    const card = mock.ledger.paymentMethod
    expect(await screen.findByText(`${card?.brand} ${card?.last4}`)).toBeTruthy()
    cleanup()
    mock.reset('noPaymentMethod')
    renderWithPayg(<Card />)
    expect(await screen.findByText('no card')).toBeTruthy()
  })

  test('useSubscription and useMigrationPreview read a legacy plan', async () => {
    mock.reset('legacySubscription')
    renderWithPayg(<Plan />)
    expect(
      await screen.findByText('SUBSCRIPTION API Standard: 24000 credits -> $28.8'),
    ).toBeTruthy()
  })

  test('usePricing reads per-model discounts', async () => {
    mock.reset('customDiscounts')
    renderWithPayg(<Pricing />)
    expect(await screen.findByText('custom true, illustrative true, Phoenix -20%')).toBeTruthy()
  })
})
