import { createPaygMock } from '@payg-kit/msw'
import { act, cleanup, screen, waitFor } from '@testing-library/react'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { TEST_NOW } from '../../../test/clock'
import { balanceQueryOptions } from './balanceQueryOptions'
import { renderWithPayg } from './test/renderWithPayg'
import { useBalance } from './useBalance'

const mock = createPaygMock({ now: TEST_NOW, scenario: 'lowBalance' })
const server = setupServer(...mock.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  cleanup()
  server.resetHandlers()
  mock.reset()
})
afterAll(() => server.close())

function BalanceWidget({ name }: { name: string }) {
  const { data, isPending } = useBalance()
  return (
    <p data-testid={name}>{isPending ? 'loading' : `${data?.balance.amount} ${data?.state}`}</p>
  )
}

const FiveWidgets = () => (
  <>
    {['a', 'b', 'c', 'd', 'e'].map((name) => (
      <BalanceWidget key={name} name={name} />
    ))}
  </>
)

function Polling() {
  const { data, failureCount } = useBalance({ refetchInterval: 40 })
  return <p>{`${data?.balance.amount ?? 'loading'} failures:${failureCount}`}</p>
}

function Focus({ onFocus }: { onFocus: boolean }) {
  const { data } = useBalance({ refetchOnWindowFocus: onFocus })
  return <p>{data?.balance.amount ?? 'loading'}</p>
}

describe('useBalance', () => {
  test('five widgets mounted together make one request and show the same balance', async () => {
    renderWithPayg(<FiveWidgets />)
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      expect(
        await screen.findByText('2.4567 LOW', { selector: `[data-testid=${name}]` }),
      ).toBeTruthy()
    }
    expect(mock.requestCount('getBalance')).toBe(1)
  })

  test('remounting within the stale time makes no request', async () => {
    const view = renderWithPayg(<FiveWidgets />)
    await waitFor(() => expect(screen.getAllByText('2.4567 LOW')).toHaveLength(5))
    view.rerender(<p>elsewhere</p>)
    expect(screen.queryByText('2.4567 LOW')).toBeNull()
    view.rerender(<FiveWidgets />)
    // Shown from the cache straight away, with no loading state and no request.
    expect(screen.getAllByText('2.4567 LOW')).toHaveLength(5)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(mock.requestCount('getBalance')).toBe(1)
  })

  test('polls when asked, and backs off while polls fail', async () => {
    // When each balance answer arrived, and whether it was a success.
    const answers: Array<{ at: number; ok: boolean }> = []
    const record = ({ request, response }: { request: Request; response: Response }) => {
      if (new URL(request.url).pathname.endsWith('/billing/balance')) {
        answers.push({ at: performance.now(), ok: response.ok })
      }
    }
    server.events.on('response:mocked', record)
    const view = renderWithPayg(<Polling />)
    await screen.findByText('2.4567 failures:0')
    await waitFor(() => expect(answers.length).toBeGreaterThanOrEqual(3))

    // A balance change on the server shows up at the next poll.
    mock.state.setBalance('7.5')
    await screen.findByText('7.5 failures:0')

    // From now on every poll fails: the waits grow 80, 160, 320 ms instead of 40 each. Timers
    // never fire early, so these are lower bounds however busy the machine is.
    for (let i = 0; i < 20; i++) mock.failNext('getBalance')
    await waitFor(() => expect(answers.filter((a) => !a.ok).length).toBeGreaterThanOrEqual(4), {
      timeout: 5000,
    })
    const failed = answers.filter((a) => !a.ok).map((a) => a.at)
    for (const [i, wait] of [80, 160, 320].entries()) {
      expect((failed[i + 1] ?? 0) - (failed[i] ?? 0)).toBeGreaterThanOrEqual(wait - 5)
    }
    // The last good balance stays on screen meanwhile.
    expect(screen.getByText(/^7\.5 failures:/)).toBeTruthy()

    // Once a poll succeeds again, polling returns to its 40 ms pace, far below the 640 ms cap.
    mock.reset()
    await screen.findByText('2.4567 failures:0', {}, { timeout: 5000 })
    const recovered = answers.length
    await waitFor(() => expect(answers.length).toBeGreaterThanOrEqual(recovered + 5), {
      timeout: 5000,
    })
    view.unmount()
    server.events.removeListener('response:mocked', record)
    const after = answers.slice(recovered - 1).map((a) => a.at)
    const waits = after
      .slice(1)
      .map((at, i) => at - (after[i] ?? 0))
      .sort((a, b) => a - b)
    expect(answers.slice(recovered).every((a) => a.ok)).toBe(true)
    expect(waits[Math.floor(waits.length / 2)]).toBeLessThan(320)
  })

  test('refetches a stale balance when the window regains focus, unless told not to', async () => {
    const focus = () =>
      act(async () => {
        window.dispatchEvent(new Event('visibilitychange'))
      })
    const view = renderWithPayg(<Focus onFocus={false} />)
    await screen.findByText('2.4567')
    mock.state.setBalance('3')
    await view.queryClient.invalidateQueries({
      queryKey: balanceQueryOptions(view.client).queryKey,
      refetchType: 'none',
    })

    await focus()
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(mock.requestCount('getBalance')).toBe(1)

    view.rerender(<Focus onFocus />)
    await focus()
    await screen.findByText('3')
    expect(mock.requestCount('getBalance')).toBe(2)
  })
})
