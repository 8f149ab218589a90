import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { OperationId } from '@payg-kit/msw'
import { onlineManager } from '@tanstack/react-query'
import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { OfflineError } from './OfflineError'
import { renderWithPayg } from './test/renderWithPayg'
import { withMockServer } from './test/withMockServer'
import { useAutoTopUp } from './useAutoTopUp'
import { useBalance } from './useBalance'
import { useCreateGeneration } from './useCreateGeneration'
import { useCreateJob } from './useCreateJob'
import { useDisableAutoTopUp } from './useDisableAutoTopUp'
import { useMigrateToPayg } from './useMigrateToPayg'
import { useSubscription } from './useSubscription'
import { useTopUp } from './useTopUp'
import { useTransactions } from './useTransactions'
import { useUpdateAutoTopUp } from './useUpdateAutoTopUp'

const { mock } = withMockServer('lowBalance')

function Balance() {
  const { data } = useBalance()
  return (
    <p>
      {data
        ? `balance ${data.balance.amount} ${data.state}${data.autoTopUpEnabled ? ' auto' : ''}`
        : 'loading'}
    </p>
  )
}

function Settings() {
  const { data } = useAutoTopUp()
  return (
    <p>
      {data
        ? `auto ${data.enabled ? `on: ${data.amount?.amount} below ${data.threshold?.amount}` : 'off'}`
        : 'loading'}
    </p>
  )
}

function Ledger() {
  const { data } = useTransactions({ limit: 1 })
  return <p>{data ? `latest ${data.pages[0]?.data[0]?.type}` : 'loading'}</p>
}

function Enable() {
  const update = useUpdateAutoTopUp()
  return (
    <button
      type="button"
      onClick={() => update.mutate({ enabled: true, threshold: 10, amount: 50 })}
    >
      {update.data?.triggeredTopUp
        ? `charged ${update.data.triggeredTopUp.amount.amount}`
        : 'enable'}
    </button>
  )
}

function Disable() {
  const disable = useDisableAutoTopUp()
  return (
    <button type="button" onClick={() => disable.mutate()}>
      disable
    </button>
  )
}

function Plan() {
  const { data } = useSubscription()
  return <p>{data ? `plan ${data.billingModel}` : 'loading'}</p>
}

function Migrate() {
  const migrate = useMigrateToPayg()
  return (
    <button type="button" onClick={() => migrate.mutate()}>
      {migrate.isSuccess
        ? 'migrated'
        : migrate.error instanceof OfflineError
          ? 'offline: not sent'
          : 'migrate'}
    </button>
  )
}

function EnableOffline() {
  const update = useUpdateAutoTopUp()
  return (
    <button
      type="button"
      onClick={() => update.mutate({ enabled: true, threshold: 10, amount: 50 })}
    >
      {update.error instanceof OfflineError ? 'offline: not saved' : 'enable offline'}
    </button>
  )
}

/** Every write hook: starting it with a plausible input, and the operation it sends. */
const writes: [string, OperationId, () => { start: () => void; error: Error | null }][] = [
  [
    'useTopUp',
    'createTopUp',
    () => {
      const m = useTopUp()
      return { start: () => m.mutate({ amount: 10 }), error: m.error }
    },
  ],
  [
    'useCreateGeneration',
    'createGeneration',
    () => {
      const m = useCreateGeneration()
      return {
        start: () =>
          m.mutate({
            prompt: 'a lighthouse',
            modelId: 'b24e16ff-06e3-43eb-8d33-4416c2d75876',
            num_images: 1,
            width: 512,
            height: 512,
          }),
        error: m.error,
      }
    },
  ],
  [
    'useCreateJob',
    'createVariationUpscale',
    () => {
      const m = useCreateJob('/variations/upscale')
      return { start: () => m.mutate({ id: 'img_1' }), error: m.error }
    },
  ],
  [
    'useUpdateAutoTopUp',
    'updateAutoTopUp',
    () => {
      const m = useUpdateAutoTopUp()
      return { start: () => m.mutate({ enabled: true, threshold: 10, amount: 50 }), error: m.error }
    },
  ],
  [
    'useDisableAutoTopUp',
    'disableAutoTopUp',
    () => {
      const m = useDisableAutoTopUp()
      return { start: () => m.mutate(), error: m.error }
    },
  ],
  [
    'useMigrateToPayg',
    'migrateToPayg',
    () => {
      const m = useMigrateToPayg()
      return { start: () => m.mutate(), error: m.error }
    },
  ],
]

function Write({ use }: { use: () => { start: () => void; error: Error | null } }) {
  const { start, error } = use()
  return (
    <button type="button" onClick={start}>
      {error instanceof OfflineError ? 'offline: not sent' : 'send'}
    </button>
  )
}

describe('mutation hooks', () => {
  test('every write hook is in the offline table below', () => {
    const dir = import.meta.dirname
    const hooks = readdirSync(dir)
      .filter((file) => /^use\w+\.ts$/.test(file))
      .filter((file) => readFileSync(join(dir, file), 'utf8').includes('useMutation('))
      .map((file) => file.replace(/\.ts$/, ''))
    expect(hooks.sort()).toEqual(writes.map(([name]) => name).sort())
  })

  test.each(writes)(
    'offline, %s fails at once and is never sent, even on reconnect',
    async (_, operationId, use) => {
      mock.reset(operationId === 'migrateToPayg' ? 'legacySubscription' : 'autoTopUpOn')
      renderWithPayg(<Write use={use} />)
      onlineManager.setOnline(false)
      try {
        fireEvent.click(screen.getByRole('button', { name: 'send' }))
        await screen.findByRole('button', { name: 'offline: not sent' })
      } finally {
        onlineManager.setOnline(true)
      }
      // A paused mutation would go out now that it is back online.
      await act(() => Promise.resolve())
      expect(mock.requestCount(operationId)).toBe(0)
    },
  )

  test('useUpdateAutoTopUp writes the settings and the balance it returns, refreshing the ledger when it charged', async () => {
    renderWithPayg(
      <>
        <Balance />
        <Settings />
        <Ledger />
        <Enable />
      </>,
    )
    await screen.findByText('balance 2.4567 LOW')
    await screen.findByText('auto off')
    await screen.findByText('latest USAGE')

    // $2.4567 is below the $10 threshold, so enabling charges $50 at once.
    fireEvent.click(screen.getByRole('button', { name: 'enable' }))
    await screen.findByRole('button', { name: 'charged 50' })
    expect(screen.getByText('balance 52.4567 OK auto')).toBeTruthy()
    expect(screen.getByText('auto on: 50 below 10')).toBeTruthy()
    await screen.findByText('latest AUTO_TOP_UP')
    expect(mock.requestCount('getBalance')).toBe(1)
    expect(mock.requestCount('getAutoTopUp')).toBe(1)
    expect(mock.requestCount('listTransactions')).toBe(2)
  })

  test('useDisableAutoTopUp turns it off everywhere without a refetch', async () => {
    mock.reset('autoTopUpOn')
    renderWithPayg(
      <>
        <Settings />
        <Balance />
        <Disable />
      </>,
    )
    await screen.findByText('auto on: 50 below 10')
    await screen.findByText(/ auto$/)
    fireEvent.click(screen.getByRole('button', { name: 'disable' }))
    await screen.findByText('auto off')
    expect(screen.queryByText(/ auto$/)).toBeNull()
    expect(mock.state.autoTopUp().enabled).toBe(false)
    expect(mock.requestCount('getAutoTopUp')).toBe(1)
    expect(mock.requestCount('getBalance')).toBe(1)
  })

  test('useMigrateToPayg moves a legacy plan to PAYG and shows the converted balance without a refetch', async () => {
    mock.reset('legacySubscription')
    const before = mock.state.balance()
    renderWithPayg(
      <>
        <Plan />
        <Balance />
        <Migrate />
      </>,
    )
    await screen.findByText('plan SUBSCRIPTION')
    await screen.findByText(`balance ${before} OK`)
    fireEvent.click(screen.getByRole('button', { name: 'migrate' }))
    await screen.findByRole('button', { name: 'migrated' })
    expect(screen.getByText('plan PAYG')).toBeTruthy()
    expect(mock.state.balance()).not.toBe(before)
    expect(screen.getByText(`balance ${mock.state.balance()} OK`)).toBeTruthy()
    expect(mock.requestCount('getSubscription')).toBe(1)
    expect(mock.requestCount('getBalance')).toBe(1)
    expect(mock.requestCount('migrateToPayg')).toBe(1)
  })

  test('offline, saving auto top-up or migrating fails at once and is never sent, even on reconnect', async () => {
    mock.reset('legacySubscription')
    renderWithPayg(
      <>
        <EnableOffline />
        <Migrate />
      </>,
    )
    onlineManager.setOnline(false)
    try {
      fireEvent.click(screen.getByRole('button', { name: 'enable offline' }))
      fireEvent.click(screen.getByRole('button', { name: 'migrate' }))
      await screen.findByRole('button', { name: 'offline: not saved' })
      await screen.findByRole('button', { name: 'offline: not sent' })
    } finally {
      onlineManager.setOnline(true)
    }
    // A paused mutation would go out now that it is back online.
    await act(() => Promise.resolve())
    expect(mock.requestCount('updateAutoTopUp')).toBe(0)
    expect(mock.requestCount('migrateToPayg')).toBe(0)
    expect(mock.state.autoTopUp().enabled).toBe(false)
  })

  test('useMigrateToPayg sends one request for a double click, and a retry after a lost answer converts once', async () => {
    mock.reset('legacySubscription')
    mock.failNext('migrateToPayg', { mode: 'after-commit', status: 500 })
    renderWithPayg(
      <>
        <Plan />
        <Migrate />
      </>,
    )
    await screen.findByText('plan SUBSCRIPTION')
    const button = screen.getByRole('button', { name: 'migrate' })
    fireEvent.click(button)
    fireEvent.click(button)
    // The server converted, but its answer was lost: the hook keeps the intent's key.
    await waitFor(() => expect(mock.requestCount('migrateToPayg')).toBe(1))
    await waitFor(() => expect(screen.getByRole('button', { name: 'migrate' })).toBeTruthy())
    fireEvent.click(screen.getByRole('button', { name: 'migrate' }))
    await screen.findByRole('button', { name: 'migrated' })
    expect(screen.getByText('plan PAYG')).toBeTruthy()
    const calls = mock.requests.filter((request) => request.operationId === 'migrateToPayg')
    expect(calls).toHaveLength(2)
    expect(calls[1]?.headers['idempotency-key']).toBe(calls[0]?.headers['idempotency-key'])
    expect(
      mock.state.transactions().filter((entry) => entry.type === 'MIGRATION_CREDIT'),
    ).toHaveLength(1)
  })
})
