import { formatMoney, type Money, subtract } from '@payg-kit/core'
import { DEFAULT_BASE_URL, scenarios } from '@payg-kit/msw'
import { describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { displayMoney } from '../displayMoney'
import { expectNoA11yViolations, mock, renderWithMock } from '../test/renderWithMock'
import { MigrationPanel } from './MigrationPanel'

const widget = () => document.querySelector('.payg-migration-panel') as HTMLElement
/** An amount as the panel shows it: whole cents, rounded down. */
const dollars = (amount: Money) => displayMoney(amount, 'amount', { locale: 'en-US' })
const migrationCredits = () =>
  mock.state.transactions().filter((entry) => entry.type === 'MIGRATION_CREDIT')
const legacy = scenarios.legacySubscription.account

describe('MigrationPanel', () => {
  it.each([
    [320, 'one column'],
    [600, 'one column'],
    [800, 'two columns'],
    [1280, 'two columns'],
  ])(
    'puts the plan and what switching gives side by side by its own width: %i px, %s',
    async (width, layout) => {
      const { screen } = await renderWithMock(
        <div style={{ width }}>
          <MigrationPanel />
        </div>,
        { scenario: 'legacySubscription', locale: 'de-DE' },
      )
      await expect.element(screen.getByText('API Standard')).toBeVisible()
      const all = () => widget().querySelectorAll('.payg-migration-panel__sections > section')
      await expect.poll(() => all().length).toBe(2)
      const sections = all()
      const before = (sections[0] as HTMLElement).getBoundingClientRect()
      const after = (sections[1] as HTMLElement).getBoundingClientRect()
      if (layout === 'two columns') {
        expect(after.top).toBe(before.top)
        expect(after.left).toBeGreaterThanOrEqual(before.right)
      } else {
        expect(after.top).toBeGreaterThanOrEqual(before.bottom)
        expect(after.left).toBe(before.left)
      }
      // No label runs under its value, and nothing is wider than the card.
      for (const dt of widget().querySelectorAll('.payg-migration-panel__facts dt')) {
        const dd = dt.nextElementSibling as HTMLElement
        expect(dt.getBoundingClientRect().right).toBeLessThanOrEqual(
          dd.getBoundingClientRect().left,
        )
        expect(dt.scrollWidth).toBeLessThanOrEqual(dt.clientWidth)
      }
      expect(widget().scrollWidth).toBeLessThanOrEqual(widget().clientWidth)
    },
  )

  it('shows a loading state, then the plan, the conversion and the last 30 days priced on PAYG', async () => {
    const { screen, queryClient, client } = await renderWithMock(<MigrationPanel />, {
      scenario: 'legacySubscription',
      setup: (paygMock) => paygMock.failNext('getSubscription', { mode: 'hang' }),
    })
    await expect.element(screen.getByRole('img', { name: 'Loading your plan…' })).toBeVisible()
    expect(widget().dataset.state).toBe('loading')
    await expectNoA11yViolations()

    await queryClient.cancelQueries()
    await queryClient.refetchQueries()
    await expect.element(screen.getByText('API Standard')).toBeVisible()
    await expect.element(screen.getByText('$49.00', { exact: true })).toBeVisible()
    await expect.element(screen.getByText('24,000 credits of 25,000')).toBeVisible()
    await expect.element(screen.getByText('24,000 credits at $0.0012 each = $28.80')).toBeVisible()
    expect(widget().dataset.state).toBe('plan')

    const preview = await client.getMigrationPreview()
    const { requests, credits, paygCost } = preview.last30Days
    expect(requests).toBeGreaterThan(0)
    await expect
      .element(
        screen.getByText(
          `${requests} requests used ${formatMoney(credits, { locale: 'en-US' })}. On pay-as-you-go they would have cost ${dollars(paygCost)}, against $49.00 a month for your plan.`,
        ),
      )
      .toBeVisible()
    await expect
      .element(
        screen.getByText(
          `Pay-as-you-go would have been cheaper by ${dollars(subtract(preview.planMonthlyPrice, paygCost))}.`,
        ),
      )
      .toBeVisible()
    await expectNoA11yViolations()
  })

  it('says when the plan would have been cheaper', async () => {
    const { screen, client } = await renderWithMock(<MigrationPanel />, {
      scenario: 'legacySubscription',
      setup: (paygMock) =>
        paygMock.use({
          description: 'A cheap legacy plan',
          account: { ...legacy, plan: { ...legacy.plan, monthlyPrice: '2' } } as typeof legacy,
        }),
    })
    await expect.element(screen.getByText(/^Your plan would have been cheaper by/)).toBeVisible()
    const { last30Days } = await client.getMigrationPreview()
    await expect
      .element(
        screen.getByText(
          `Your plan would have been cheaper by ${dollars(subtract(last30Days.paygCost, { amount: '2', unit: 'USD' }))}.`,
        ),
      )
      .toBeVisible()
  })

  it('confirms in a second step by keyboard, then shows the new balance and its ledger entry', async () => {
    const onMigrated = vi.fn()
    const { screen } = await renderWithMock(<MigrationPanel onMigrated={onMigrated} />, {
      scenario: 'legacySubscription',
    })
    const start = screen.getByRole('button', { name: 'Switch to pay-as-you-go…' })
    await expect.element(start).toBeVisible()
    await userEvent.keyboard('{Tab}')
    await expect.element(start).toHaveFocus()

    // The confirmation opens and takes focus; Escape closes it and focus returns.
    await userEvent.keyboard('{Enter}')
    const confirmation = screen.getByRole('group', {
      name: 'Cancel API Standard and convert 24,000 credits into $28.80?',
    })
    await expect.element(confirmation).toHaveFocus()
    expect(widget().dataset.state).toBe('confirm')
    await expectNoA11yViolations()
    await userEvent.keyboard('{Escape}')
    await expect.element(confirmation).not.toBeInTheDocument()
    await expect.element(start).toHaveFocus()
    expect(mock.requestCount('migrateToPayg')).toBe(0)

    await userEvent.keyboard('{Enter}')
    await expect.element(confirmation).toHaveFocus()
    await userEvent.keyboard('{Tab}')
    await expect.element(screen.getByRole('button', { name: 'Yes, switch now' })).toHaveFocus()
    await userEvent.keyboard('{Enter}')

    const done = screen.getByRole('heading', { name: 'You’re on pay-as-you-go now' })
    await expect.element(done).toHaveFocus()
    expect(widget().dataset.state).toBe('migrated')
    await expect
      .element(screen.getByRole('status'))
      .toHaveTextContent('Your plan credits became $28.80. Your balance is now $28.80.')
    const [entry] = migrationCredits()
    expect(migrationCredits()).toHaveLength(1)
    await expect.element(screen.getByText(entry?.description ?? '')).toBeVisible()
    await expect.element(screen.getByText('+$28.80')).toBeVisible()
    expect(mock.state.balance()).toBe('28.8')
    expect(mock.requestCount('migrateToPayg')).toBe(1)
    expect(onMigrated).toHaveBeenCalledOnce()
    expect(onMigrated.mock.calls[0]?.[0].transaction.type).toBe('MIGRATION_CREDIT')
    await expectNoA11yViolations()
  })

  it('cancels the confirmation with its Cancel button', async () => {
    const { screen } = await renderWithMock(<MigrationPanel />, { scenario: 'legacySubscription' })
    const start = screen.getByRole('button', { name: 'Switch to pay-as-you-go…' })
    await start.click()
    await screen.getByRole('button', { name: 'Cancel' }).click()
    await expect.element(start).toHaveFocus()
    expect(widget().dataset.state).toBe('plan')
    expect(mock.requestCount('migrateToPayg')).toBe(0)
  })

  it('migrates once on a double click', async () => {
    let release = () => {}
    const { screen } = await renderWithMock(<MigrationPanel />, {
      scenario: 'legacySubscription',
      // The switch is held until both clicks are in, however fast the machine answers.
      setup: (paygMock) => {
        release = paygMock.hold('migrateToPayg')
      },
    })
    await screen.getByRole('button', { name: 'Switch to pay-as-you-go…' }).click()
    await userEvent.dblClick(screen.getByRole('button', { name: 'Yes, switch now' }))
    release()
    await expect
      .element(screen.getByRole('heading', { name: 'You’re on pay-as-you-go now' }))
      .toBeVisible()
    expect(mock.requestCount('migrateToPayg')).toBe(1)
    expect(migrationCredits()).toHaveLength(1)
    expect(mock.state.balance()).toBe('28.8')
  })

  it('shows a failed switch clearly, keeps the confirmation, and a retry switches', async () => {
    const { screen } = await renderWithMock(<MigrationPanel />, {
      scenario: 'legacySubscription',
      setup: (paygMock) => paygMock.failNext('migrateToPayg', { status: 503 }),
    })
    await screen.getByRole('button', { name: 'Switch to pay-as-you-go…' }).click()
    await screen.getByRole('button', { name: 'Yes, switch now' }).click()
    await expect
      .element(screen.getByRole('alert'))
      .toHaveTextContent(
        'The switch did not complete. Trying again is safe: your credits are converted only once.',
      )
    expect(widget().dataset.state).toBe('confirm')
    expect(migrationCredits()).toHaveLength(0)
    await expectNoA11yViolations()

    await screen.getByRole('button', { name: 'Yes, switch now' }).click()
    await expect
      .element(screen.getByRole('heading', { name: 'You’re on pay-as-you-go now' }))
      .toBeVisible()
    expect(migrationCredits()).toHaveLength(1)
  })

  it('converts once when an answer is lost: the retry gets the original answer', async () => {
    const { screen } = await renderWithMock(<MigrationPanel />, {
      scenario: 'legacySubscription',
      // The server switches, but its answer never arrives.
      setup: (paygMock) => paygMock.failNext('migrateToPayg', { mode: 'after-commit' }),
    })
    await screen.getByRole('button', { name: 'Switch to pay-as-you-go…' }).click()
    await screen.getByRole('button', { name: 'Yes, switch now' }).click()
    await expect
      .element(screen.getByRole('alert'))
      .toHaveTextContent('The switch did not complete.')
    expect(migrationCredits()).toHaveLength(1)

    await screen.getByRole('button', { name: 'Yes, switch now' }).click()
    const done = screen.getByRole('heading', { name: 'You’re on pay-as-you-go now' })
    await expect.element(done).toHaveFocus()
    expect(widget().dataset.state).toBe('migrated')
    const calls = mock.requests.filter((request) => request.operationId === 'migrateToPayg')
    expect(calls).toHaveLength(2)
    expect(calls[1]?.headers['idempotency-key']).toBe(calls[0]?.headers['idempotency-key'])
    expect(migrationCredits()).toHaveLength(1)
    expect(mock.state.balance()).toBe('28.8')
    await expectNoA11yViolations()
  })

  it('says so when the account moved to pay-as-you-go elsewhere, and shows the conversion', async () => {
    const { screen } = await renderWithMock(<MigrationPanel />, { scenario: 'legacySubscription' })
    await screen.getByRole('button', { name: 'Switch to pay-as-you-go…' }).click()
    // Meanwhile, another tab switches the account.
    await fetch(`${DEFAULT_BASE_URL}/billing/subscription/migrate`, { method: 'POST' })
    await screen.getByRole('button', { name: 'Yes, switch now' }).click()
    await expect
      .element(screen.getByRole('alert'))
      .toHaveTextContent(
        'This account is already on pay-as-you-go. Its plan credits are converted only once; nothing more was changed.',
      )
    await expect
      .element(screen.getByRole('heading', { name: 'You’re on pay-as-you-go' }))
      .toHaveFocus()
    expect(widget().dataset.state).toBe('payg')
    await expect.element(screen.getByText('+$28.80')).toBeVisible()
    expect(migrationCredits()).toHaveLength(1)
    await expectNoA11yViolations()
  })

  it('shows a short pay-as-you-go state on a PAYG account', async () => {
    const { screen } = await renderWithMock(<MigrationPanel />)
    await expect
      .element(screen.getByRole('heading', { name: 'You’re on pay-as-you-go' }))
      .toBeVisible()
    expect(widget().dataset.state).toBe('payg')
    await expect.element(screen.getByRole('button')).not.toBeInTheDocument()
    expect(mock.requestCount('getMigrationPreview')).toBe(0)
    expect(mock.requestCount('listTransactions')).toBe(0)
    await expectNoA11yViolations()
  })

  it('notes that a custom pricing agreement is unchanged, before and after', async () => {
    const { screen } = await renderWithMock(<MigrationPanel />, {
      scenario: 'legacySubscription',
      setup: (paygMock) =>
        paygMock.use({
          description: 'A legacy plan on a custom deal',
          account: { ...legacy, customPricing: true },
        }),
    })
    const note = 'Your custom pricing agreement stays as it is.'
    await expect.element(screen.getByText(note)).toBeVisible()
    await screen.getByRole('button', { name: 'Switch to pay-as-you-go…' }).click()
    await screen.getByRole('button', { name: 'Yes, switch now' }).click()
    await expect
      .element(screen.getByRole('heading', { name: 'You’re on pay-as-you-go now' }))
      .toBeVisible()
    await expect.element(screen.getByText(note)).toBeVisible()
    await expectNoA11yViolations()
  })

  it('shows an error when the plan cannot be loaded, with a retry that recovers', async () => {
    const { screen } = await renderWithMock(<MigrationPanel />, {
      scenario: 'legacySubscription',
      setup: (paygMock) => paygMock.failNext('getSubscription', { status: 500 }),
    })
    await expect
      .element(screen.getByRole('alert'))
      .toHaveTextContent('Your plan could not be loaded.')
    expect(widget().dataset.state).toBe('error')
    await expectNoA11yViolations()
    await screen.getByRole('button', { name: 'Retry' }).click()
    await expect.element(screen.getByText('API Standard')).toBeVisible()
  })

  it('formats for the locale and takes overridden strings', async () => {
    const { screen } = await renderWithMock(<MigrationPanel />, {
      scenario: 'legacySubscription',
      locale: 'de-DE',
      messages: {
        'migrationPanel.title': 'Zu nutzungsbasierter Abrechnung wechseln',
        'migrationPanel.conversion': '{credits} zu je {rate} = {amount}',
        'common.credits': 'Credits',
      },
    })
    await expect
      .element(screen.getByRole('heading', { name: 'Zu nutzungsbasierter Abrechnung wechseln' }))
      .toBeVisible()
    await expect.element(screen.getByText('24.000 Credits zu je 0,0012 $ = 28,80 $')).toBeVisible()
    await expect.element(screen.getByText('49,00 $', { exact: true })).toBeVisible()
  })
})
