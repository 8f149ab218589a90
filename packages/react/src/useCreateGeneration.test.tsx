import { InsufficientBalanceError } from '@payg-kit/core'
import { createPaygMock } from '@payg-kit/msw'
import { fireEvent, screen, waitFor } from '@testing-library/react'
import { getResponse, HttpResponse, http } from 'msw'
import { describe, expect, test } from 'vitest'
import { TEST_NOW } from '../../../test/clock'
import { renderWithPayg } from './test/renderWithPayg'
import { withMockServer } from './test/withMockServer'
import { useBalance } from './useBalance'
import { useCreateGeneration } from './useCreateGeneration'
import { usePaygStatus } from './usePaygStatus'
import { useTopUp } from './useTopUp'

const { mock, server } = withMockServer('lowBalance')

// Leonardo Lightning XL with Alchemy, 4 images at 1024x1024: the published $0.048 example.
const lightning = {
  prompt: 'a lighthouse at dusk',
  modelId: 'b24e16ff-06e3-43eb-8d33-4416c2d75876',
  num_images: 4,
  width: 1024,
  height: 1024,
  alchemy: true,
}

function Balance({ name }: { name: string }) {
  const { data } = useBalance()
  return (
    <p data-testid={name}>
      {data ? `${data.balance.amount} ${data.credits?.amount ?? '-'} ${data.state}` : 'loading'}
    </p>
  )
}

function Status() {
  const { state, isPaused } = usePaygStatus()
  return <p>{`status: ${state ?? 'unknown'}${isPaused ? ' (paused)' : ''}`}</p>
}

let lastError: Error | null = null
function Generate() {
  const generation = useCreateGeneration()
  lastError = generation.error
  return (
    <button type="button" onClick={() => generation.mutate(lightning)}>
      {generation.isPending ? 'generating' : `generate${generation.isSuccess ? 'd' : ''}`}
    </button>
  )
}

function TopUp() {
  const topUp = useTopUp()
  return (
    <button type="button" onClick={() => topUp.mutate({ amount: 5 })}>
      top up
    </button>
  )
}

function Pair() {
  const generation = useCreateGeneration()
  const run = () => {
    generation.mutate(lightning)
    generation.mutate(lightning)
  }
  return (
    <button type="button" onClick={run}>
      two
    </button>
  )
}

function Burst() {
  const generation = useCreateGeneration()
  const run = () => {
    for (let i = 0; i < 30; i++) generation.mutate(lightning)
  }
  return (
    <button type="button" onClick={run}>
      burst
    </button>
  )
}

describe('useCreateGeneration', () => {
  test('takes the dollar cost off every cached balance at once, then reconciles later', async () => {
    const view = renderWithPayg(
      <>
        <Balance name="a" />
        <Balance name="b" />
        <Generate />
      </>,
    )
    await waitFor(() => expect(screen.getAllByText('2.4567 - LOW')).toHaveLength(2))

    fireEvent.click(screen.getByRole('button', { name: 'generate' }))
    await screen.findByRole('button', { name: 'generated' })
    // The server charged $0.048; the cache subtracted exactly that, without asking.
    expect(mock.state.balance()).toBe('2.4087')
    expect(screen.getAllByText('2.4087 - LOW')).toHaveLength(2)
    expect(mock.requestCount('getBalance')).toBe(1)

    // Marked stale, not refetched: the next widget to mount reconciles with the server.
    mock.state.setBalance('2.4')
    view.rerender(
      <>
        <Balance name="a" />
        <Balance name="b" />
        <Balance name="c" />
        <Generate />
      </>,
    )
    await waitFor(() => expect(screen.getAllByText('2.4 - LOW')).toHaveLength(3))
    expect(mock.requestCount('getBalance')).toBe(2)
  })

  test('takes a cost in credits off the plan credits, never off the dollars', async () => {
    mock.reset('legacySubscription')
    const dollars = mock.state.balance()
    renderWithPayg(
      <>
        <Balance name="a" />
        <Generate />
      </>,
    )
    await screen.findByText(`${dollars} 24000 OK`)
    fireEvent.click(screen.getByRole('button', { name: 'generate' }))
    await screen.findByRole('button', { name: 'generated' })

    expect(mock.state.credits()).toBe(23960)
    expect(mock.state.balance()).toBe(dollars)
    expect(screen.getByText(`${dollars} 23960 OK`)).toBeTruthy()
    expect(mock.requestCount('getBalance')).toBe(1)
  })

  test('a 402 pauses the account for every hook; a top-up that lifts the balance resumes it', async () => {
    renderWithPayg(
      <>
        <Balance name="a" />
        <Status />
        <Generate />
        <TopUp />
      </>,
    )
    await screen.findByText('status: LOW')
    mock.state.setBalance('0.01')

    fireEvent.click(screen.getByRole('button', { name: 'generate' }))
    await screen.findByText('status: PAUSED (paused)')
    expect(lastError).toBeInstanceOf(InsufficientBalanceError)
    // The cached balance shows what the refusal reported, without a refetch.
    expect(screen.getByText('0.01 - PAUSED')).toBeTruthy()
    expect(mock.requestCount('getBalance')).toBe(1)
    expect(mock.state.balance()).toBe('0.01')

    fireEvent.click(screen.getByRole('button', { name: 'top up' }))
    await screen.findByText('status: LOW')
    expect(screen.getByText('5.01 - LOW')).toBeTruthy()
    expect(mock.requestCount('getBalance')).toBe(1)
  })

  test('the pause holds through refetches until credit is added', async () => {
    const view = renderWithPayg(
      <>
        <Balance name="a" />
        <Status />
        <Generate />
      </>,
    )
    await screen.findByText('status: LOW')
    // Enough for the cheapest request, not for this one ($0.048).
    mock.state.setBalance('0.04')
    fireEvent.click(screen.getByRole('button', { name: 'generate' }))
    await screen.findByText('status: PAUSED (paused)')

    // The server still calls $0.04 LOW; the refusal it just gave keeps the account paused.
    await view.queryClient.refetchQueries({ queryKey: ['payg', 'balance'] })
    await screen.findByText('0.04 - LOW')
    expect(mock.requestCount('getBalance')).toBe(2)
    expect(screen.getByText('status: PAUSED (paused)')).toBeTruthy()

    // Credit added elsewhere (another tab, auto top-up) lifts it at the next fetch.
    mock.state.setBalance('20')
    await view.queryClient.refetchQueries({ queryKey: ['payg', 'balance'] })
    await screen.findByText('status: OK')
  })

  test('a charge that crosses the auto top-up threshold refetches the balance once, showing the top-up', async () => {
    mock.reset('autoTopUpOn')
    mock.state.setBalance('10.02')
    renderWithPayg(
      <>
        <Balance name="badge" />
        <Generate />
      </>,
    )
    expect(await screen.findByText('10.02 - OK')).toBeTruthy()
    const before = mock.requestCount('getBalance')
    fireEvent.click(screen.getByRole('button', { name: 'generate' }))
    // 10.02 - 0.048 = 9.972 is below the $10 threshold: the server added $50.
    expect(await screen.findByText('59.972 - OK')).toBeTruthy()
    expect(mock.requestCount('getBalance')).toBe(before + 1)
    expect(mock.requestCount('getAutoTopUp')).toBe(0)
  })

  test('a charge that stays above the threshold asks the server nothing more', async () => {
    mock.reset('autoTopUpOn')
    mock.state.setBalance('20')
    renderWithPayg(
      <>
        <Balance name="badge" />
        <Generate />
      </>,
    )
    expect(await screen.findByText('20 - OK')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'generate' }))
    expect(await screen.findByText('19.952 - OK')).toBeTruthy()
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(mock.requestCount('getBalance')).toBe(1)
  })

  test('a balance read between answers that already counted a charge is read again, not charged twice', async () => {
    // The server charges each generation at once, but its answer is held until the test lets go.
    const held: Array<() => void> = []
    server.use(
      http.post('*/generations', async ({ request }) => {
        const answer = (await getResponse(mock.handlers, request)) ?? HttpResponse.error()
        await new Promise<void>((resolve) => held.push(resolve))
        return answer
      }),
    )
    mock.reset('autoTopUpOn')
    mock.state.setBalance('10.04')
    renderWithPayg(
      <>
        <Balance name="badge" />
        <Pair />
      </>,
    )
    expect(await screen.findByText('10.04 - OK')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'two' }))
    // Both charged: 10.04 - 0.048 crosses $10, the server adds $50, then charges the second.
    await waitFor(() => expect(held).toHaveLength(2))
    expect(mock.state.balance()).toBe('59.944')

    // The first answer crosses the threshold in the cache too, so the balance is read: it
    // already counts the second charge, whose answer has not arrived.
    held[0]?.()
    await waitFor(() => expect(mock.requestCount('getBalance')).toBe(2))
    expect(await screen.findByText('59.944 - OK')).toBeTruthy()

    // The second answer cannot tell whether that read counted it: it reads once more.
    held[1]?.()
    await waitFor(() => expect(mock.requestCount('getBalance')).toBe(3))
    await waitFor(() => expect(screen.getByTestId('badge').textContent).toBe('59.944 - OK'))
    expect(mock.requestCount('getBalance')).toBe(3)
  })

  test('a generation the server charged but answered with an error is counted by a read after the burst', async () => {
    // The first is charged and its answer held; the second is held before the server sees it.
    const release: { first?: () => void; second?: () => void } = {}
    const held = (name: 'first' | 'second') =>
      new Promise<void>((resolve) => {
        release[name] = resolve
      })
    let seen = 0
    server.use(
      http.post('*/generations', async ({ request }) => {
        seen += 1
        if (seen === 1) {
          const answer = await getResponse(mock.handlers, request)
          await held('first')
          return answer
        }
        await held('second')
        return getResponse(mock.handlers, request)
      }),
    )
    mock.reset('autoTopUpOn')
    mock.state.setBalance('10.04')
    renderWithPayg(
      <>
        <Balance name="badge" />
        <Pair />
      </>,
    )
    expect(await screen.findByText('10.04 - OK')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'two' }))
    await waitFor(() => expect(release.first && release.second).toBeTruthy())
    // 10.04 - 0.048 crossed $10 and the server added $50.
    expect(mock.state.balance()).toBe('59.992')

    // The first answer crosses the threshold: the balance is read before the second is charged.
    release.first?.()
    expect(await screen.findByText('59.992 - OK')).toBeTruthy()
    expect(mock.requestCount('getBalance')).toBe(2)

    // The server charges the second, then its answer is lost (a 500 after commit).
    mock.failNext('createGeneration', { mode: 'after-commit' })
    release.second?.()
    await waitFor(() => expect(mock.requestCount('getBalance')).toBe(3))
    await waitFor(() => expect(screen.getByTestId('badge').textContent).toBe('59.944 - OK'))
    expect(mock.state.balance()).toBe('59.944')
  })

  test('a burst of concurrent generations past the threshold ends with the exact server balance', async () => {
    // Answers arrive out of order and overlap the refetch the crossing starts.
    const laggy = createPaygMock({
      now: TEST_NOW,
      scenario: 'autoTopUpOn',
      latency: [5, 60],
      seed: 11,
    })
    server.use(...laggy.handlers)
    laggy.state.setBalance('10.5')
    renderWithPayg(
      <>
        <Balance name="badge" />
        <Burst />
      </>,
    )
    expect(await screen.findByText('10.5 - OK')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'burst' }))
    await waitFor(() => expect(laggy.requestCount('createGeneration')).toBe(30))
    // 10.5 - 30 x 0.048 + 50 = 59.06, whatever order the answers and the refetches arrive in.
    await waitFor(() => expect(screen.getByTestId('badge').textContent).toBe('59.06 - OK'), {
      timeout: 3000,
    })
    expect(laggy.state.balance()).toBe('59.06')
    expect(laggy.requestCount('getBalance')).toBeLessThanOrEqual(4)
  })
})
