import { divide, multiply, subtract, usd } from '@payg-kit/core'
import { HttpResponse, http } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { expectNoA11yViolations, mock, renderWithMock, worker } from '../test/renderWithMock'
import { AutoTopUpSettings } from './AutoTopUpSettings'

const DAY_MS = 86_400_000

/** The mock's dollar spend (usage less refunds) in the 30 UTC days ending today. */
function spendOf30Days() {
  const today = mock.clock.now().toISOString().slice(0, 10)
  const from = new Date(Date.parse(today) - 29 * DAY_MS).toISOString().slice(0, 10)
  return mock.state
    .transactions()
    .filter((entry) => entry.service && entry.createdAt.slice(0, 10) >= from)
    .reduce((sum, entry) => subtract(sum, usd(entry.amount)), usd(0))
}

/** Whole dollars covering `days` of the 30 days' spend, rounded up. */
const covering = (spent: ReturnType<typeof usd>, days: number) =>
  Number(divide(multiply(spent, days), 30, 0, 'ceil').amount)

/** The usage report of a month that spent `total` dollars, all today. */
function usageOf(total: string) {
  const today = mock.clock.now().toISOString().slice(0, 10)
  const buckets = Array.from({ length: 30 }, (_, index) => ({
    date: new Date(Date.parse(today) - (29 - index) * DAY_MS).toISOString().slice(0, 10),
    total: index === 29 ? total : '0',
    requests: index === 29 ? 1 : 0,
    byService: index === 29 ? [{ service: 'IMAGE_GENERATION', amount: total, requests: 1 }] : [],
  }))
  return { from: buckets[0]?.date, to: today, currency: 'USD', total, buckets }
}

const root = () => document.querySelector('.payg-auto-top-up-settings') as HTMLElement
const when = (iso: string) =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  )

describe('AutoTopUpSettings', () => {
  it('shows a loading state, then the settings of an account that never set it up', async () => {
    const { screen, queryClient } = await renderWithMock(<AutoTopUpSettings />, {
      setup: (paygMock) => paygMock.failNext('getAutoTopUp', { mode: 'hang' }),
    })
    await expect
      .element(screen.getByRole('img', { name: 'Loading auto top-up settings…' }))
      .toBeVisible()
    expect(root().dataset.state).toBe('loading')
    await expectNoA11yViolations()

    await queryClient.cancelQueries()
    await queryClient.refetchQueries()
    await expect
      .element(screen.getByRole('switch', { name: 'Top up automatically' }))
      .not.toBeChecked()
    expect(screen.getByLabelText('When the balance falls below').query()).toBeNull()
    await expect.element(screen.getByText('None yet.')).toBeVisible()
    expect(root().dataset.state).toBe('off')
    await expectNoA11yViolations()

    // Turning it on, from the keyboard, fills in a starting point instead of empty fields: from
    // the last 30 days of spend, which the form waits for, so a quick press fills the same.
    screen.getByRole('switch', { name: 'Top up automatically' }).element().focus()
    await userEvent.keyboard(' ')
    await expect.element(screen.getByRole('switch', { name: 'Top up automatically' })).toBeChecked()
    const spent = spendOf30Days()
    expect(Number(spent.amount)).toBeGreaterThan(0)
    await expect
      .element(screen.getByLabelText('When the balance falls below'))
      .toHaveValue(String(Math.max(1, covering(spent, 3))))
    // About two weeks of this account's small spend is less than the smallest top-up ($5), so it
    // is $5, and the widget does not claim it covers two weeks.
    expect(covering(spent, 14)).toBeLessThan(5)
    await expect.element(screen.getByLabelText('Add this amount')).toHaveValue('5')
    await expect
      .element(screen.getByText(/^We filled in a starting point: \$5\.00 whenever the balance/))
      .toBeVisible()
    expect(root().textContent).not.toContain('two weeks')
    expect(mock.requestCount('updateAutoTopUp')).toBe(0)
    await expectNoA11yViolations()
  })

  it('pre-fills about three days of spend as the threshold and two weeks of it as the amount', async () => {
    const { screen, queryClient } = await renderWithMock(<AutoTopUpSettings />, {
      setup: () => worker.use(http.get('*/billing/usage', () => HttpResponse.json(usageOf('300')))),
    })
    const enabled = screen.getByRole('switch', { name: 'Top up automatically' })
    await expect.element(enabled).toBeVisible()
    await expect.poll(() => queryClient.isFetching()).toBe(0)
    await enabled.click()
    // $300 in 30 days is $10 a day: $30 covers three days, $140 two weeks.
    await expect.element(screen.getByLabelText('When the balance falls below')).toHaveValue('30')
    await expect.element(screen.getByLabelText('Add this amount')).toHaveValue('140')
    await expect
      .element(
        screen.getByText(
          'From your spend of $300.00 in the last 30 days: add $140.00 (about two weeks of use) whenever the balance falls below $30.00 (about three days). Adjust it, then save.',
        ),
      )
      .toBeVisible()
    // The user can still change them; what is saved is what they typed.
    await screen.getByLabelText('Add this amount').fill('120')
    await screen.getByRole('button', { name: 'Save' }).click()
    await expect
      .element(screen.getByRole('status').filter({ hasText: 'Saved.' }))
      .toHaveTextContent('Saved. $120.00 will be added when the balance falls below $30.00.')
    expect(mock.state.autoTopUp()).toMatchObject({ enabled: true, threshold: 30, amount: 120 })
  })

  it('keeps the pre-filled amount within the top-up limits the API names', async () => {
    const { screen, queryClient } = await renderWithMock(<AutoTopUpSettings />, {
      setup: () =>
        worker.use(
          http.get('*/billing/usage', () => HttpResponse.json(usageOf('9000'))),
          http.get('*/billing/auto-top-up', () =>
            HttpResponse.json({
              ...mock.state.autoTopUp(),
              topUpLimits: { minimum: 20, maximum: 2000 },
            }),
          ),
        ),
    })
    const enabled = screen.getByRole('switch', { name: 'Top up automatically' })
    await expect.element(enabled).toBeVisible()
    await expect.poll(() => queryClient.isFetching()).toBe(0)
    await enabled.click()
    // Two weeks of $300 a day is $4,200: more than the largest top-up, so the largest.
    await expect.element(screen.getByLabelText('When the balance falls below')).toHaveValue('900')
    await expect.element(screen.getByLabelText('Add this amount')).toHaveValue('2000')
    await expect
      .element(screen.getByText(/^We filled in a starting point: \$2,000\.00 whenever/))
      .toBeVisible()
    await expect
      .element(screen.getByText('Whole dollars, at least $20.00.', { exact: true }))
      .toBeVisible()
    const amount = screen.getByLabelText('Add this amount')
    await amount.fill('2001')
    await screen.getByRole('button', { name: 'Save' }).click()
    await expect
      .element(amount)
      .toHaveAccessibleDescription(expect.stringContaining('The largest top-up is $2,000.00.'))
    await amount.fill('19')
    await screen.getByRole('button', { name: 'Save' }).click()
    await expect
      .element(amount)
      .toHaveAccessibleDescription(expect.stringContaining('The smallest top-up is $20.00.'))
    expect(mock.requestCount('updateAutoTopUp')).toBe(0)
  })

  it('falls back to the documented defaults without spend to start from', async () => {
    const { screen, queryClient } = await renderWithMock(<AutoTopUpSettings />, {
      scenario: 'newAccount',
    })
    const enabled = screen.getByRole('switch', { name: 'Top up automatically' })
    await expect.element(enabled).toBeVisible()
    await expect.poll(() => queryClient.isFetching()).toBe(0)
    await enabled.click()
    await expect.element(screen.getByLabelText('When the balance falls below')).toHaveValue('10')
    await expect.element(screen.getByLabelText('Add this amount')).toHaveValue('25')
    await expect
      .element(screen.getByText(/^We filled in a starting point: \$25\.00 whenever/))
      .toBeVisible()
    await expectNoA11yViolations()
  })

  it('says "Saved" next to the Save button, in a polite status', async () => {
    const { screen } = await renderWithMock(<AutoTopUpSettings />, { scenario: 'newAccount' })
    await screen.getByRole('switch', { name: 'Top up automatically' }).click()
    const save = screen.getByRole('button', { name: 'Save' })
    await save.click()
    const status = screen.getByRole('status').filter({ hasText: 'Saved.' })
    await expect.element(status).toBeVisible()
    // In the row of the Save button, not at the other end of the card.
    const row = save.element().closest('.payg-auto-top-up-settings__actions')
    expect(row?.contains(status.element())).toBe(true)
    const saveBox = save.element().getBoundingClientRect()
    const statusBox = status.element().getBoundingClientRect()
    expect(Math.abs(statusBox.top - saveBox.top)).toBeLessThan(saveBox.height * 2)
    expect(status.element().getAttribute('aria-live') ?? 'polite').toBe('polite')
    await expectNoA11yViolations()
  })

  it('shows an error with a retry that recovers', async () => {
    const { screen } = await renderWithMock(<AutoTopUpSettings />, {
      setup: (paygMock) => paygMock.failNext('getAutoTopUp', { status: 500 }),
    })
    await expect
      .element(screen.getByRole('alert'))
      .toHaveTextContent('Auto top-up settings could not be loaded.')
    expect(root().dataset.state).toBe('error')
    await expectNoA11yViolations()
    await screen.getByRole('button', { name: 'Retry' }).click()
    await expect.element(screen.getByRole('switch', { name: 'Top up automatically' })).toBeVisible()
    expect(root().dataset.state).toBe('off')
  })

  it('shows the saved settings, the month so far and the last attempt, and turns off', async () => {
    const onSaved = vi.fn()
    const { screen } = await renderWithMock(<AutoTopUpSettings onSaved={onSaved} />, {
      scenario: 'autoTopUpOn',
    })
    await expect.element(screen.getByRole('switch', { name: 'Top up automatically' })).toBeChecked()
    expect(root().dataset.state).toBe('on')
    await expect.element(screen.getByLabelText('When the balance falls below')).toHaveValue('10')
    await expect.element(screen.getByLabelText('Add this amount')).toHaveValue('50')
    await expect.element(screen.getByLabelText('Monthly limit (optional)')).toHaveValue('500')
    await expect
      .element(screen.getByLabelText('Monthly limit (optional)'))
      .toHaveAccessibleDescription(
        expect.stringContaining('$50.00 added automatically this month.'),
      )
    const at = mock.state.autoTopUp().lastAttempt?.at ?? ''
    await expect.element(screen.getByText(`Succeeded: $50.00 added on ${when(at)}`)).toBeVisible()
    await expectNoA11yViolations()

    // One control: switching it off turns auto top-up off, with no separate "turn off" link.
    expect(screen.getByRole('button', { name: 'Turn off auto top-up' }).query()).toBeNull()
    await screen.getByRole('switch', { name: 'Top up automatically' }).click()
    await expect.element(screen.getByText('Saved. Auto top-up is off.')).toBeVisible()
    expect(mock.state.autoTopUp().enabled).toBe(false)
    expect(mock.state.autoTopUp().threshold).toBe(10)
    await expect
      .element(screen.getByRole('switch', { name: 'Top up automatically' }))
      .not.toBeChecked()
    expect(root().dataset.state).toBe('off')
    expect(onSaved).toHaveBeenCalledOnce()
  })

  it('saves new settings from the keyboard', async () => {
    const onSaved = vi.fn()
    const { screen } = await renderWithMock(<AutoTopUpSettings onSaved={onSaved} />)
    const enabled = screen.getByRole('switch', { name: 'Top up automatically' })
    await expect.element(enabled).toBeVisible()
    ;(enabled.element() as HTMLElement).focus()
    await userEvent.keyboard(' ')
    await expect.element(enabled).toBeChecked()
    await userEvent.keyboard('{Tab}')
    await expect.element(screen.getByLabelText('When the balance falls below')).toHaveFocus()
    await userEvent.keyboard('20{Tab}100{Tab}300{Enter}')
    await expect
      .element(screen.getByRole('status').filter({ hasText: 'Saved.' }))
      .toHaveTextContent('Saved. $100.00 will be added when the balance falls below $20.00.')
    expect(mock.state.autoTopUp()).toMatchObject({
      enabled: true,
      threshold: 20,
      amount: 100,
      monthlyCap: 300,
    })
    expect(onSaved).toHaveBeenCalledOnce()
    expect(root().dataset.state).toBe('on')
    await expectNoA11yViolations()
  })

  it.each([
    ['', 'Enter an amount in whole dollars.'],
    ['12.5', 'Whole dollars only: leave out the cents.'],
    ['-5', 'The amount can’t be negative.'],
    ['abc', 'Enter the amount in numbers, such as 25.'],
    ['1e3', 'Write the amount out in full, such as 1,000, without an exponent.'],
    ['10,0000', 'Did you mean $100,000 or $10?'],
    ['99999999999999999999', 'That amount is too large.'],
    ['3', 'The smallest top-up is $5.00.'],
    ['20000', 'The largest top-up is $10,000.00.'],
  ])(
    'explains a top-up amount of %j on its field and keeps what was typed',
    async (typed, message) => {
      const { screen } = await renderWithMock(<AutoTopUpSettings />)
      await screen.getByRole('switch', { name: 'Top up automatically' }).click()
      await screen.getByLabelText('When the balance falls below').fill('10')
      const amount = screen.getByLabelText('Add this amount')
      await amount.fill(typed)
      await screen.getByRole('button', { name: 'Save' }).click()
      await expect.element(amount).toHaveAttribute('aria-invalid', 'true')
      await expect.element(amount).toHaveAccessibleDescription(expect.stringContaining(message))
      await expect.element(amount).toHaveFocus()
      await expect.element(amount).toHaveValue(typed)
      expect(mock.requestCount('updateAutoTopUp')).toBe(0)
      await expectNoA11yViolations()

      await amount.fill('25')
      await expect.element(amount).not.toHaveAttribute('aria-invalid')
    },
  )

  it('checks the threshold and that the monthly limit covers one top-up', async () => {
    const { screen } = await renderWithMock(<AutoTopUpSettings />)
    await screen.getByRole('switch', { name: 'Top up automatically' }).click()
    await screen.getByLabelText('When the balance falls below').fill('0')
    await screen.getByLabelText('Add this amount').fill('50')
    await screen.getByLabelText('Monthly limit (optional)').fill('20')
    await screen.getByRole('button', { name: 'Save' }).click()
    const threshold = screen.getByLabelText('When the balance falls below')
    await expect.element(threshold).toHaveFocus()
    await expect
      .element(threshold)
      .toHaveAccessibleDescription(expect.stringContaining('The threshold must be at least $1.00.'))
    await expect
      .element(screen.getByLabelText('Monthly limit (optional)'))
      .toHaveAccessibleDescription(
        expect.stringContaining('The monthly limit must be at least the top-up amount ($50.00).'),
      )
    expect(mock.requestCount('updateAutoTopUp')).toBe(0)
    await expectNoA11yViolations()
  })

  it('warns before saving when enabling below the threshold will top up at once', async () => {
    const { screen } = await renderWithMock(<AutoTopUpSettings />, { scenario: 'lowBalance' })
    await screen.getByRole('switch', { name: 'Top up automatically' }).click()
    await screen.getByLabelText('When the balance falls below').fill('10')
    await screen.getByLabelText('Add this amount').fill('20')
    const warning =
      'Saving will add $20.00 now: the balance ($2.45) is already below the threshold.'
    await expect.element(screen.getByText(warning)).toBeVisible()
    await expect
      .element(screen.getByRole('button', { name: 'Save' }))
      .toHaveAccessibleDescription(warning)
    await expectNoA11yViolations()

    await screen.getByRole('button', { name: 'Save' }).click()
    await expect
      .element(screen.getByText('$20.00 was added to your balance.', { exact: false }))
      .toBeVisible()
    expect(mock.state.balance()).toBe('22.4567')
    expect(mock.state.transactions().filter((t) => t.type === 'AUTO_TOP_UP')).toHaveLength(1)
    await expect.element(screen.getByText(warning)).not.toBeInTheDocument()
  })

  it('explains settings that need several times the amount to reach the threshold, then adds it in one payment', async () => {
    const { screen } = await renderWithMock(<AutoTopUpSettings />, { scenario: 'lowBalance' })
    await screen.getByRole('switch', { name: 'Top up automatically' }).click()
    await screen.getByLabelText('When the balance falls below').fill('500')
    await screen.getByLabelText('Add this amount').fill('5')
    // (500 - 2.4567) / 5 = 99.5: 100 x $5, as one payment.
    const warning =
      '$5.00 leaves you below $500.00: auto top-up will add $500.00 at once (100 × $5.00).'
    await expect.element(screen.getByText(warning)).toBeVisible()
    await expect
      .element(screen.getByRole('button', { name: 'Save' }))
      .toHaveAccessibleDescription(warning)
    await expectNoA11yViolations()

    await screen.getByRole('button', { name: 'Save' }).click()
    await expect
      .element(
        screen.getByText('$500.00 was added to your balance at once (100 × $5.00).', {
          exact: false,
        }),
      )
      .toBeVisible()
    expect(mock.state.balance()).toBe('502.4567')
    expect(mock.state.transactions().filter((t) => t.type === 'AUTO_TOP_UP')).toEqual([
      expect.objectContaining({ amount: '500' }),
    ])
  })

  it('warns when the monthly limit stops the top-ups short of the threshold', async () => {
    const { screen } = await renderWithMock(<AutoTopUpSettings />, { scenario: 'lowBalance' })
    await screen.getByRole('switch', { name: 'Top up automatically' }).click()
    await screen.getByLabelText('When the balance falls below').fill('500')
    await screen.getByLabelText('Add this amount').fill('5')
    await screen.getByLabelText('Monthly limit (optional)').fill('100')
    await expect
      .element(
        screen.getByText(
          'Saving will add $100.00 at once (20 × $5.00), all the monthly limit allows, and the balance will still be below $500.00. Raise the limit to reach it.',
        ),
      )
      .toBeVisible()
    await screen.getByRole('button', { name: 'Save' }).click()
    await expect
      .element(
        screen.getByText('$100.00 was added to your balance at once (20 × $5.00).', {
          exact: false,
        }),
      )
      .toBeVisible()
    expect(mock.state.balance()).toBe('102.4567')
    expect(mock.state.autoTopUp()).toMatchObject({
      spentThisMonth: '100',
      lastAttempt: { status: 'SUCCEEDED', amount: '100' },
    })
    // Saved again with the limit used up: nothing more can be added this month.
    await expect
      .element(
        screen.getByText(
          'The monthly limit leaves no room for a top-up of $5.00, so the balance ($102.45) stays below $500.00. Raise the limit to top up.',
        ),
      )
      .toBeVisible()
  })

  it('says what the save added from the top-up it triggered, also after a new month began', async () => {
    const { screen } = await renderWithMock(<AutoTopUpSettings />, { scenario: 'autoTopUpOn' })
    await expect
      .element(screen.getByLabelText('Monthly limit (optional)'))
      .toHaveAccessibleDescription(
        expect.stringContaining('$50.00 added automatically this month.'),
      )
    // A month later the monthly total starts again, while the form still shows last month's.
    mock.clock.advance({ days: 40 })
    mock.state.setBalance('2')
    await screen.getByLabelText('When the balance falls below').fill('100')
    await screen.getByLabelText('Add this amount').fill('20')
    await screen.getByRole('button', { name: 'Save' }).click()
    await expect
      .element(
        screen.getByText('$100.00 was added to your balance at once (5 × $20.00).', {
          exact: false,
        }),
      )
      .toBeVisible()
    expect(mock.state.balance()).toBe('102')
    expect(mock.state.autoTopUp().spentThisMonth).toBe('100')
  })

  it('does not warn when the balance is above the threshold or the values are invalid', async () => {
    const { screen } = await renderWithMock(<AutoTopUpSettings />, { scenario: 'lowBalance' })
    await screen.getByRole('switch', { name: 'Top up automatically' }).click()
    await screen.getByLabelText('When the balance falls below').fill('2')
    await screen.getByLabelText('Add this amount').fill('20')
    await expect.element(screen.getByText(/Saving will add/)).not.toBeInTheDocument()
    await screen.getByLabelText('When the balance falls below').fill('10')
    await screen.getByLabelText('Add this amount').fill('3')
    await expect.element(screen.getByText(/Saving will add/)).not.toBeInTheDocument()
    await screen.getByLabelText('Add this amount').fill('30')
    await expect.element(screen.getByText(/^Saving will add \$30\.00 now/)).toBeVisible()
  })

  it('after declines, offers the app’s card flow from the notice', async () => {
    const onManagePaymentMethod = vi.fn()
    const { screen } = await renderWithMock(
      <AutoTopUpSettings onManagePaymentMethod={onManagePaymentMethod} />,
      { scenario: 'paymentDeclined' },
    )
    await screen.getByRole('button', { name: 'Update card' }).click()
    expect(onManagePaymentMethod).toHaveBeenCalledOnce()
    await expectNoA11yViolations()
  })

  it('says it turned itself off after repeated declines and asks for a new card', async () => {
    const { screen } = await renderWithMock(<AutoTopUpSettings />, { scenario: 'paymentDeclined' })
    await expect
      .element(
        screen.getByText(
          'Auto top-up turned itself off after repeated declined payments. Update your card, then turn it on again.',
        ),
      )
      .toBeVisible()
    expect(root().dataset.state).toBe('suspended')
    const at = mock.state.autoTopUp().lastAttempt?.at ?? ''
    await expect
      .element(screen.getByText(`Declined: $50.00 not added on ${when(at)}`))
      .toBeVisible()
    await expectNoA11yViolations()

    await screen.getByRole('switch', { name: 'Top up automatically' }).click()
    await screen.getByRole('button', { name: 'Save' }).click()
    await expect
      .element(screen.getByRole('alert'))
      .toHaveTextContent(
        'Your card was declined, so auto top-up stays off. Update your card, then try again.',
      )
    await expect.element(screen.getByRole('switch', { name: 'Top up automatically' })).toBeChecked()
    await expect.element(screen.getByLabelText('Add this amount')).toHaveValue('50')
    expect(mock.state.autoTopUp().enabled).toBe(false)
    await expectNoA11yViolations()
  })

  it('shows when the monthly limit stopped an automatic top-up', async () => {
    const { screen } = await renderWithMock(<AutoTopUpSettings />, {
      setup: (paygMock) => {
        // One top-up of $50 uses up the $50 limit; the next crossing is refused by the cap.
        paygMock.state.setAutoTopUp({ enabled: true, threshold: 200, amount: 50, monthlyCap: 50 })
        paygMock.state.setAutoTopUp({ enabled: true, threshold: 100, amount: 50, monthlyCap: 50 })
        paygMock.state.setAutoTopUp({ enabled: true, threshold: 200, amount: 50, monthlyCap: 50 })
      },
    })
    await expect
      .element(screen.getByText(/^Monthly limit reached: \$50\.00 not added on /))
      .toBeVisible()
    expect(mock.state.autoTopUp().lastAttempt?.status).toBe('CAP_REACHED')
  })

  it('asks for a card when there is none', async () => {
    const { screen } = await renderWithMock(<AutoTopUpSettings />, { scenario: 'noPaymentMethod' })
    await screen.getByRole('switch', { name: 'Top up automatically' }).click()
    await screen.getByLabelText('When the balance falls below').fill('10')
    await screen.getByLabelText('Add this amount').fill('20')
    await screen.getByRole('button', { name: 'Save' }).click()
    await expect
      .element(screen.getByRole('alert'))
      .toHaveTextContent('Add a card before turning on auto top-up.')
  })

  it('keeps what was typed when saving fails', async () => {
    const { screen } = await renderWithMock(<AutoTopUpSettings />, {
      setup: (paygMock) => paygMock.failNext('updateAutoTopUp', { status: 500 }),
    })
    await screen.getByRole('switch', { name: 'Top up automatically' }).click()
    await screen.getByLabelText('When the balance falls below').fill('15')
    await screen.getByLabelText('Add this amount').fill('40')
    await screen.getByRole('button', { name: 'Save' }).click()
    await expect
      .element(screen.getByRole('alert'))
      .toHaveTextContent('The settings were not saved. Try again.')
    await expect.element(screen.getByLabelText('When the balance falls below')).toHaveValue('15')
    await expect.element(screen.getByLabelText('Add this amount')).toHaveValue('40')
    expect(mock.state.autoTopUp().enabled).toBe(false)
  })

  it('cancel restores the saved values', async () => {
    const { screen } = await renderWithMock(<AutoTopUpSettings />, { scenario: 'autoTopUpOn' })
    const amount = screen.getByLabelText('Add this amount')
    await expect.element(amount).toHaveValue('50')
    await amount.fill('abc')
    await screen.getByRole('button', { name: 'Save' }).click()
    await expect.element(amount).toHaveAttribute('aria-invalid', 'true')
    await screen.getByRole('button', { name: 'Cancel' }).click()
    await expect.element(amount).toHaveValue('50')
    await expect.element(amount).not.toHaveAttribute('aria-invalid')
    await expect.element(screen.getByRole('switch', { name: 'Top up automatically' })).toBeChecked()
    expect(mock.requestCount('updateAutoTopUp')).toBe(0)
  })

  it('pre-fills a suggestion from the planner', async () => {
    const { screen } = await renderWithMock(
      <AutoTopUpSettings suggestion={{ threshold: 12, amount: 40 }} />,
      { scenario: 'autoTopUpOn' },
    )
    await expect
      .element(screen.getByText('Suggested by the planner.', { exact: false }))
      .toBeVisible()
    await expect.element(screen.getByLabelText('When the balance falls below')).toHaveValue('12')
    await expect.element(screen.getByLabelText('Add this amount')).toHaveValue('40')
    await expect.element(screen.getByLabelText('Monthly limit (optional)')).toHaveValue('500')
    await expectNoA11yViolations()
    await screen.getByRole('button', { name: 'Cancel' }).click()
    await expect.element(screen.getByLabelText('Add this amount')).toHaveValue('50')
    await expect
      .element(screen.getByText('Suggested by the planner.', { exact: false }))
      .not.toBeInTheDocument()
  })

  it('formats for the locale and takes overridden strings', async () => {
    const { screen } = await renderWithMock(<AutoTopUpSettings />, {
      scenario: 'lowBalance',
      locale: 'de-DE',
      messages: {
        'autoTopUpSettings.title': 'Automatisch aufladen',
        'autoTopUpSettings.enabled': 'Automatisch aufladen aktiv',
        'autoTopUpSettings.threshold': 'Wenn das Guthaben unter',
        'autoTopUpSettings.amount': 'Diesen Betrag aufladen',
        'autoTopUpSettings.willCharge': 'Beim Speichern werden sofort {amount} aufgeladen.',
      },
    })
    await expect
      .element(screen.getByRole('heading', { name: 'Automatisch aufladen' }))
      .toBeVisible()
    await screen.getByRole('switch', { name: 'Automatisch aufladen aktiv' }).click()
    await screen.getByLabelText('Wenn das Guthaben unter').fill('10')
    await screen.getByLabelText('Diesen Betrag aufladen').fill('1000')
    await expect
      .element(screen.getByText('Beim Speichern werden sofort 1.000,00 $ aufgeladen.'))
      .toBeVisible()
  })
})
