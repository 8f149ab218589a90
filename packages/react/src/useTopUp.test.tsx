import { PaymentDeclinedError, type TopUpResult } from '@payg-kit/core'
import { DEFAULT_BASE_URL } from '@payg-kit/msw'
import { onlineManager } from '@tanstack/react-query'
import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { getResponse, HttpResponse, http } from 'msw'
import { afterEach, describe, expect, test } from 'vitest'
import { OfflineError } from './OfflineError'
import { paygKeys } from './paygKeys'
import { renderWithPayg } from './test/renderWithPayg'
import { withMockServer } from './test/withMockServer'
import { useBalance } from './useBalance'
import { type UseTopUpResult, useTopUp } from './useTopUp'
import { useTransactions } from './useTransactions'

const { mock, server } = withMockServer('lowBalance')

const topUpKeys = () =>
  mock.requests
    .filter((r) => r.operationId === 'createTopUp')
    .map((r) => r.headers['idempotency-key'])

function Balance({ name }: { name: string }) {
  const { data } = useBalance()
  return <p data-testid={name}>{data ? `${data.balance.amount} ${data.state}` : 'loading'}</p>
}

function Ledger() {
  const { data } = useTransactions({ limit: 5 })
  return <p>{data ? `latest: ${data.pages[0]?.data[0]?.type}` : 'ledger loading'}</p>
}

let topUp: UseTopUpResult
function TopUpButton({ amount }: { amount: number }) {
  topUp = useTopUp()
  return (
    <button type="button" onClick={() => topUp.mutate({ amount })}>
      {topUp.isPending ? 'paying' : `add ${amount}`}
    </button>
  )
}

/** The key of each top-up answered by `answerNextTopUp`. */
const answeredKeys: (string | null)[] = []
afterEach(() => {
  answeredKeys.length = 0
})
/** The next top-up is made by the mock (when `charge`), then answered with `answer` instead. */
function answerNextTopUp(answer: () => Response, { charge = true } = {}) {
  server.use(
    http.post(
      `${DEFAULT_BASE_URL}/billing/top-ups`,
      async ({ request }) => {
        answeredKeys.push(request.headers.get('idempotency-key'))
        // Without `charge` the mock never sees it: nothing is charged.
        if (charge) await getResponse(mock.handlers, request)
        return answer()
      },
      { once: true },
    ),
  )
}
/** A success the client cannot decode: the server did answer 201. */
const malformed201 = () => HttpResponse.json({ topUp: null, balance: 'soon' }, { status: 201 })
const conflict409 = () =>
  HttpResponse.json(
    { code: 'IDEMPOTENCY_CONFLICT', message: 'This Idempotency-Key was already used.' },
    { status: 409 },
  )

/** A top-up button that writes down the outcome and the state it read in each render. */
function Recorder({ seen }: { seen: string[] }) {
  const result = useTopUp()
  seen.push(`${result.outcome} ${result.isPending ? 'pending' : result.status}`)
  topUp = result
  return (
    <button type="button" onClick={() => result.mutate({ amount: 10 })}>
      add 10
    </button>
  )
}

let other: UseTopUpResult
/** A second form on the same page. */
function OtherTopUpButton({ amount }: { amount: number }) {
  other = useTopUp()
  return (
    <button type="button" onClick={() => other.mutate({ amount })}>
      {other.outcome === 'unknown' ? 'other: unknown' : `other add ${amount}`}
    </button>
  )
}

describe('useTopUp', () => {
  test('writes the new balance into every widget without a refetch, and refreshes the ledger', async () => {
    renderWithPayg(
      <>
        <Balance name="header" />
        <Balance name="sidebar" />
        <Balance name="page" />
        <Ledger />
        <TopUpButton amount={20} />
      </>,
    )
    await waitFor(() => expect(screen.getAllByText('2.4567 LOW')).toHaveLength(3))
    await screen.findByText(/^latest: /)
    expect(mock.requestCount('listTransactions')).toBe(1)

    fireEvent.click(screen.getByRole('button', { name: 'add 20' }))
    await waitFor(() => expect(screen.getAllByText('22.4567 OK')).toHaveLength(3))
    await screen.findByText('latest: TOP_UP')

    expect(mock.state.balance()).toBe('22.4567')
    expect(mock.requestCount('createTopUp')).toBe(1)
    expect(mock.requestCount('getBalance')).toBe(1)
    expect(mock.requestCount('listTransactions')).toBe(2)
  })

  test('a second submit while one is pending is not sent', async () => {
    // Every top-up waits until the test lets the mock answer it.
    const release = mock.hold('createTopUp')
    renderWithPayg(<TopUpButton amount={20} />)
    const button = screen.getByRole('button', { name: 'add 20' })
    fireEvent.click(button)
    fireEvent.click(button)
    await screen.findByRole('button', { name: 'paying' })
    fireEvent.click(button)

    // mutateAsync hands back the pending top-up instead of starting another.
    let again: Promise<TopUpResult> | undefined
    let andAgain: Promise<TopUpResult> | undefined
    act(() => {
      again = topUp.mutateAsync({ amount: 20 })
      andAgain = topUp.mutateAsync({ amount: 20 })
    })
    expect(andAgain).toBe(again)
    release()
    const result = await again
    expect(result?.balance.balance.amount).toBe('22.4567')
    await screen.findByRole('button', { name: 'add 20' })

    expect(mock.requestCount('createTopUp')).toBe(1)
    expect(mock.state.balance()).toBe('22.4567')
  })

  test('a lost answer is looked up by its key, and the top-up settles with what really happened', async () => {
    // The server charges, then the answer is lost (a 500 after commit).
    mock.failNext('createTopUp', { mode: 'after-commit' })
    const releaseLookUp = mock.hold('getTopUpByIdempotencyKey')
    renderWithPayg(
      <>
        <Balance name="header" />
        <TopUpButton amount={20} />
      </>,
    )
    await screen.findByText('2.4567 LOW')
    fireEvent.click(screen.getByRole('button', { name: 'add 20' }))
    await waitFor(() => expect(topUp.outcome).toBe('checking'))
    expect(topUp.isPending).toBe(true)
    expect(topUp.isError).toBe(false)
    releaseLookUp()
    await screen.findByText('22.4567 OK')
    expect(topUp.isSuccess).toBe(true)
    expect(topUp.outcome).toBeNull()
    expect(topUp.data?.topUp.amount).toEqual({ amount: '20', unit: 'USD' })
    const lookUps = mock.requests.filter((r) => r.operationId === 'getTopUpByIdempotencyKey')
    expect(lookUps.map((r) => r.path)).toEqual([`/billing/top-ups/${topUpKeys()[0]}`])
    expect(mock.requestCount('createTopUp')).toBe(1)
    expect(
      mock.state.topUps().filter((t) => t.status === 'SUCCEEDED' && t.kind === 'MANUAL'),
    ).toHaveLength(1)
    // The intent is done: the next top-up is a new one.
    expect(topUp.idempotencyKey).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'add 20' }))
    await screen.findByText('42.4567 OK')
    expect(new Set(topUpKeys()).size).toBe(2)
  })

  test('until a lost answer is known, another amount is not a new charge', async () => {
    mock.failNext('createTopUp', { mode: 'after-commit' })
    mock.failNext('getTopUpByIdempotencyKey', { status: 503 })
    const view = renderWithPayg(<TopUpButton amount={10} />)
    fireEvent.click(screen.getByRole('button', { name: 'add 10' }))
    await waitFor(() => expect(topUp.outcome).toBe('unknown'))
    expect(topUp.isError).toBe(true)
    expect(topUp.idempotencyKey).toBe(topUpKeys()[0])

    // The user types 25 instead: the $10 is looked up first, and it went through.
    view.rerender(<TopUpButton amount={25} />)
    fireEvent.click(screen.getByRole('button', { name: 'add 25' }))
    await waitFor(() => expect(topUp.isSuccess).toBe(true))
    expect(topUp.data?.topUp.amount).toEqual({ amount: '10', unit: 'USD' })
    expect(topUp.outcome).toBeNull()
    expect(mock.requestCount('createTopUp')).toBe(1)
    expect(mock.state.balance()).toBe('12.4567')
  })

  test('no render says the outcome is unknown while the top-up is still pending', async () => {
    mock.failNext('createTopUp', { mode: 'after-commit' })
    mock.failNext('getTopUpByIdempotencyKey', { status: 503 })
    const seen: string[] = []
    renderWithPayg(<Recorder seen={seen} />)
    fireEvent.click(screen.getByRole('button', { name: 'add 10' }))
    await waitFor(() => expect(topUp.isError).toBe(true))
    expect(topUp.outcome).toBe('unknown')
    expect(seen).toContain('checking pending')
    expect(seen).not.toContain('unknown pending')
    // Submitting again starts with the lookup: it reads `checking` from the first render on.
    seen.length = 0
    fireEvent.click(screen.getByRole('button', { name: 'add 10' }))
    await waitFor(() => expect(topUp.isSuccess).toBe(true))
    expect(seen).not.toContain('unknown pending')
    expect(mock.requestCount('createTopUp')).toBe(1)
  })

  test('lookUp asks again what became of a lost top-up, and sends no payment', async () => {
    mock.failNext('createTopUp', { mode: 'after-commit' })
    mock.failNext('getTopUpByIdempotencyKey', { status: 500 })
    renderWithPayg(<TopUpButton amount={10} />)
    fireEvent.click(screen.getByRole('button', { name: 'add 10' }))
    await waitFor(() => expect(topUp.outcome).toBe('unknown'))
    const result = await act(() => topUp.lookUp())
    expect(result.topUp).toMatchObject({ status: 'SUCCEEDED', amount: { amount: '10' } })
    expect(result.balance.balance.amount).toBe('12.4567')
    expect(mock.requestCount('createTopUp')).toBe(1)
    expect(mock.requestCount('getTopUpByIdempotencyKey')).toBe(2)
  })

  test('a lost answer the server never received says so; the lookup cancelled its key, so the retry takes a new one', async () => {
    mock.failNext('createTopUp', { status: 500 })
    renderWithPayg(<TopUpButton amount={10} />)
    fireEvent.click(screen.getByRole('button', { name: 'add 10' }))
    await waitFor(() => expect(topUp.isError).toBe(true))
    expect(topUp.outcome).toBeNull()
    expect(mock.requestCount('getTopUpByIdempotencyKey')).toBe(1)
    expect(mock.state.balance()).toBe('2.4567')
    fireEvent.click(screen.getByRole('button', { name: 'add 10' }))
    await waitFor(() => expect(topUp.isSuccess).toBe(true))
    const keys = topUpKeys()
    expect(keys).toHaveLength(2)
    expect(keys[1]).not.toBe(keys[0])
    expect(mock.state.balance()).toBe('12.4567')
  })

  test('a lost answer whose top-up was declined ends as a decline', async () => {
    mock.reset('paymentDeclined')
    mock.failNext('createTopUp', { mode: 'after-commit' })
    renderWithPayg(<TopUpButton amount={10} />)
    fireEvent.click(screen.getByRole('button', { name: 'add 10' }))
    await waitFor(() => expect(topUp.error).toBeInstanceOf(PaymentDeclinedError))
    expect(topUp.outcome).toBeNull()
    expect(topUp.idempotencyKey).toBeNull()
  })

  test('offline, a top-up fails at once and is never sent, not even on reconnect', async () => {
    renderWithPayg(<TopUpButton amount={10} />)
    onlineManager.setOnline(false)
    try {
      fireEvent.click(screen.getByRole('button', { name: 'add 10' }))
      await waitFor(() => expect(topUp.error).toBeInstanceOf(OfflineError))
      expect(topUp.isPending).toBe(false)
      expect(mock.requestCount('createTopUp')).toBe(0)
    } finally {
      onlineManager.setOnline(true)
    }
    await act(() => Promise.resolve())
    expect(mock.requestCount('createTopUp')).toBe(0)
    expect(mock.state.balance()).toBe('2.4567')
    // Online again, the same intent goes out once.
    await act(() => topUp.mutateAsync({ amount: 10 }))
    expect(mock.requestCount('createTopUp')).toBe(1)
    expect(mock.state.balance()).toBe('12.4567')
  })

  test('an answer lost as the device goes offline is looked up once it is back online', async () => {
    mock.failNext('createTopUp', { mode: 'after-commit' })
    const release = mock.hold('createTopUp')
    renderWithPayg(<TopUpButton amount={10} />)
    fireEvent.click(screen.getByRole('button', { name: 'add 10' }))
    await waitFor(() => expect(mock.requestCount('createTopUp')).toBe(1))
    onlineManager.setOnline(false)
    try {
      release()
      await waitFor(() => expect(topUp.outcome).toBe('unknown'))
      expect(mock.requestCount('getTopUpByIdempotencyKey')).toBe(0)
      // Submitting again while offline still says the outcome is unknown, not "nothing sent".
      await act(() => topUp.mutateAsync({ amount: 25 }).catch(() => {}))
      expect(topUp.outcome).toBe('unknown')
      expect(topUp.error).not.toBeInstanceOf(OfflineError)
    } finally {
      onlineManager.setOnline(true)
    }
    await waitFor(() => expect(topUp.isSuccess).toBe(true))
    expect(topUp.data?.topUp.amount).toEqual({ amount: '10', unit: 'USD' })
    expect(mock.requestCount('getTopUpByIdempotencyKey')).toBe(1)
    expect(mock.requestCount('createTopUp')).toBe(1)
    expect(mock.state.balance()).toBe('12.4567')
  })

  test('a replayed answer does not write its old balance over a newer one, nor lift a pause', async () => {
    const view = renderWithPayg(
      <>
        <Balance name="header" />
        <TopUpButton amount={20} />
      </>,
    )
    await screen.findByText('2.4567 LOW')
    await act(() => topUp.mutateAsync({ amount: 20, idempotencyKey: 'intent-1' }))
    await screen.findByText('22.4567 OK')
    // Later charges drain the account; the app learns it and is paused.
    mock.state.setBalance('0')
    await act(() => view.queryClient.refetchQueries({ queryKey: paygKeys.balance(view.client) }))
    await screen.findByText('0 PAUSED')
    const pause = { pausedAt: 1, balance: null, required: null }
    view.queryClient.setQueryData(paygKeys.status(view.client), pause)
    const balanceReads = mock.requestCount('getBalance')

    // The same intent again (a retry from elsewhere) is answered from the idempotency store.
    const replay = await act(() => topUp.mutateAsync({ amount: 20, idempotencyKey: 'intent-1' }))
    expect(replay.replayed).toBe(true)
    expect(replay.balance.balance.amount).toBe('22.4567')
    // Settled only once the balance was read again: what shows with the result is fresh.
    expect(mock.requestCount('getBalance')).toBe(balanceReads + 1)
    expect(view.queryClient.getQueryData(paygKeys.balance(view.client))).toMatchObject({
      balance: { amount: '0' },
      state: 'PAUSED',
    })
    expect(view.queryClient.getQueryData(paygKeys.status(view.client))).toEqual(pause)
    expect(screen.getByTestId('header').textContent).toBe('0 PAUSED')
    expect(mock.state.balance()).toBe('0')
  })

  test('a new amount, or a retry after a final refusal, is a new intent with a new key', async () => {
    mock.reset('paymentDeclined')
    const view = renderWithPayg(<TopUpButton amount={20} />)
    fireEvent.click(screen.getByRole('button', { name: 'add 20' }))
    await waitFor(() => expect(topUp.error).toBeInstanceOf(PaymentDeclinedError))
    expect(topUp.idempotencyKey).toBeNull()

    // The card is fixed; the same amount again must not replay the stored decline.
    mock.state.setCardDeclines(false)
    fireEvent.click(screen.getByRole('button', { name: 'add 20' }))
    await waitFor(() => expect(topUp.isSuccess).toBe(true))
    expect(mock.state.balance()).toBe('24.2')

    mock.failNext('createTopUp', { status: 503 })
    fireEvent.click(screen.getByRole('button', { name: 'add 20' }))
    await waitFor(() => expect(topUp.isError).toBe(true))
    view.rerender(<TopUpButton amount={50} />)
    fireEvent.click(screen.getByRole('button', { name: 'add 50' }))
    await waitFor(() => expect(topUp.isSuccess).toBe(true))

    const keys = topUpKeys()
    expect(keys).toHaveLength(4)
    expect(new Set(keys).size).toBe(4)
    expect(mock.state.balance()).toBe('74.2')
  })

  test('a card that asks for 3-D Secure keeps its key: once confirmed, the same amount again is credited once', async () => {
    renderWithPayg(<TopUpButton amount={20} />)
    const asks = () =>
      HttpResponse.json(
        {
          code: 'PAYMENT_DECLINED',
          message: 'Your card needs authentication.',
          details: { declineCode: 'authentication_required', clientSecret: 'pi_1_secret_2' },
        },
        { status: 402 },
      )
    // Nothing charged yet: the mock never sees these two.
    answerNextTopUp(asks, { charge: false })
    fireEvent.click(screen.getByRole('button', { name: 'add 20' }))
    await waitFor(() => expect(topUp.error).toBeInstanceOf(PaymentDeclinedError))
    expect((topUp.error as PaymentDeclinedError).clientSecret).toBe('pi_1_secret_2')
    const key = topUp.idempotencyKey
    expect(key).toEqual(expect.any(String))
    // Still not confirmed: the same 402, the same key.
    answerNextTopUp(asks, { charge: false })
    fireEvent.click(screen.getByRole('button', { name: 'add 20' }))
    await waitFor(() => expect(answeredKeys).toHaveLength(2))
    await waitFor(() => expect(topUp.isError).toBe(true))
    expect(topUp.idempotencyKey).toBe(key)
    // Confirmed: the same key reaches the payment, credited once.
    fireEvent.click(screen.getByRole('button', { name: 'add 20' }))
    await waitFor(() => expect(topUp.isSuccess).toBe(true))
    expect(answeredKeys).toEqual([key, key])
    expect(topUpKeys()).toEqual([key])
    expect(mock.state.balance()).toBe('22.4567')
    expect(topUp.idempotencyKey).toBeNull()
  })

  test('a retry through mutateAsync after a 503 (nothing charged) charges once', async () => {
    mock.failNext('createTopUp', { status: 503 })
    renderWithPayg(<TopUpButton amount={10} />)
    fireEvent.click(screen.getByRole('button', { name: 'add 10' }))
    await waitFor(() => expect(topUp.isError).toBe(true))
    expect(mock.requestCount('getTopUpByIdempotencyKey')).toBe(1)
    await act(() => topUp.mutateAsync({ amount: 10 }))
    // The lookup answered 404, which cancels the key: the retry is a new intent.
    const keys = topUpKeys()
    expect(keys).toHaveLength(2)
    expect(keys[1]).not.toBe(keys[0])
    expect(mock.requestCount('createTopUp')).toBe(2)
    expect(mock.state.balance()).toBe('12.4567')
  })

  test.each([
    ['a 201 whose body cannot be read', malformed201],
    ['a 409 for a key already used', conflict409],
  ])('after %s the top-up is looked up by its key, never charged again', async (_, answer) => {
    answerNextTopUp(answer)
    renderWithPayg(
      <>
        <Balance name="header" />
        <TopUpButton amount={10} />
      </>,
    )
    await screen.findByText('2.4567 LOW')
    fireEvent.click(screen.getByRole('button', { name: 'add 10' }))
    await waitFor(() => expect(topUp.isSuccess).toBe(true))
    expect(topUp.data?.topUp).toMatchObject({ status: 'SUCCEEDED', amount: { amount: '10' } })
    await screen.findByText('12.4567 OK')
    const lookUps = mock.requests.filter((r) => r.operationId === 'getTopUpByIdempotencyKey')
    expect(lookUps.map((r) => r.path)).toEqual([`/billing/top-ups/${topUpKeys()[0]}`])
    expect(mock.requestCount('createTopUp')).toBe(1)
    expect(mock.state.balance()).toBe('12.4567')
  })

  test.each([
    ['a 201 whose body cannot be read', malformed201],
    ['a 409 for a key already used', conflict409],
  ])(
    'after %s that the lookup cannot find, nothing was charged and nothing can be: the next top-up is new',
    async (_, answer) => {
      answerNextTopUp(answer, { charge: false })
      const view = renderWithPayg(<TopUpButton amount={10} />)
      fireEvent.click(screen.getByRole('button', { name: 'add 10' }))
      await waitFor(() => expect(topUp.isError).toBe(true))
      // The lookup's 404 is final: the API cancelled the key, so a late request under it is refused.
      expect(topUp.outcome).toBeNull()
      const [key] = answeredKeys
      expect(mock.requestCount('getTopUpByIdempotencyKey')).toBe(1)
      const late = await fetch(`${DEFAULT_BASE_URL}/billing/top-ups`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key ?? '' },
        body: JSON.stringify({ amount: 10 }),
      })
      expect(late.status).toBe(409)
      expect(mock.state.balance()).toBe('2.4567')

      view.rerender(<TopUpButton amount={25} />)
      fireEvent.click(screen.getByRole('button', { name: 'add 25' }))
      await waitFor(() => expect(topUp.isSuccess).toBe(true))
      expect(mock.requestCount('getTopUpByIdempotencyKey')).toBe(1)
      expect(topUpKeys().at(-1)).not.toBe(key)
      expect(mock.state.balance()).toBe('27.4567')
    },
  )

  test('a lost top-up is remembered by the provider: a remounted or second form looks it up before charging', async () => {
    mock.failNext('createTopUp', { mode: 'after-commit' })
    mock.failNext('getTopUpByIdempotencyKey', { status: 503 })
    const view = renderWithPayg(<TopUpButton amount={10} />)
    fireEvent.click(screen.getByRole('button', { name: 'add 10' }))
    await waitFor(() => expect(topUp.outcome).toBe('unknown'))

    // The form is unmounted (an error boundary's reset, a route change) and mounted again.
    view.rerender(<p>elsewhere</p>)
    view.rerender(
      <>
        <TopUpButton amount={25} />
        <OtherTopUpButton amount={50} />
      </>,
    )
    expect(topUp.outcome).toBe('unknown')
    expect(topUp.idempotencyKey).toBe(topUpKeys()[0])
    await screen.findByRole('button', { name: 'other: unknown' })

    fireEvent.click(screen.getByRole('button', { name: 'add 25' }))
    await waitFor(() => expect(topUp.isSuccess).toBe(true))
    expect(topUp.data?.topUp.amount).toEqual({ amount: '10', unit: 'USD' })
    await screen.findByRole('button', { name: 'other add 50' })
    expect(mock.requestCount('createTopUp')).toBe(1)
    expect(mock.state.balance()).toBe('12.4567')

    // Known now: the second form's top-up is a new one.
    fireEvent.click(screen.getByRole('button', { name: 'other add 50' }))
    await waitFor(() => expect(other.isSuccess).toBe(true))
    expect(new Set(topUpKeys()).size).toBe(2)
    expect(mock.state.balance()).toBe('62.4567')
  })

  test('a second form while the lost top-up is looked up sends nothing of its own', async () => {
    mock.failNext('createTopUp', { mode: 'after-commit' })
    const release = mock.hold('getTopUpByIdempotencyKey')
    renderWithPayg(
      <>
        <TopUpButton amount={10} />
        <OtherTopUpButton amount={50} />
      </>,
    )
    fireEvent.click(screen.getByRole('button', { name: 'add 10' }))
    await waitFor(() => expect(topUp.outcome).toBe('checking'))
    expect(other.outcome).toBe('checking')
    fireEvent.click(screen.getByRole('button', { name: 'other add 50' }))
    release()
    await waitFor(() => expect(topUp.isSuccess).toBe(true))
    expect(mock.requestCount('createTopUp')).toBe(1)
    expect(mock.state.balance()).toBe('12.4567')
  })
})
