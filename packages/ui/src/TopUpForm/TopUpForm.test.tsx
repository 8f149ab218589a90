import { subtract, usd } from '@payg-kit/core'
import { DEFAULT_BASE_URL } from '@payg-kit/msw'
import { getResponse, HttpResponse, http } from 'msw'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { expectNoA11yViolations, mock, renderWithMock, worker } from '../test/renderWithMock'
import { TopUpForm } from './TopUpForm'

const form = () => document.querySelector('.payg-top-up-form') as HTMLElement

/** The next top-up is made by the mock, then answered with `answer` instead. */
function answerNextTopUp(answer: () => Response) {
  worker.use(
    http.post(
      `${DEFAULT_BASE_URL}/billing/top-ups`,
      async ({ request }) => {
        await getResponse(mock.handlers, request)
        return answer()
      },
      { once: true },
    ),
  )
}

/** The keys of the top-ups the card's issuer answered "authenticate first" to (never charged). */
const askedKeys: (string | null)[] = []
/** The next top-up reaches no payment: the card's issuer asks to authenticate (3-D Secure). */
function askToAuthenticateNextTopUp() {
  worker.use(
    http.post(
      `${DEFAULT_BASE_URL}/billing/top-ups`,
      ({ request }) => {
        askedKeys.push(request.headers.get('idempotency-key'))
        return HttpResponse.json(
          {
            code: 'PAYMENT_DECLINED',
            message:
              'Your card needs authentication. Confirm the payment with your bank and try again.',
            details: { declineCode: 'authentication_required', clientSecret: 'pi_3D_secret_1' },
          },
          { status: 402 },
        )
      },
      { once: true },
    ),
  )
}
/** The keys of the top-ups the mock made. */
const chargedKeys = () =>
  mock.requests
    .filter((r) => r.operationId === 'createTopUp')
    .map((r) => r.headers['idempotency-key'])

/** A TopUpForm that a button unmounts and mounts again, as an error boundary's reset does. */
function Remountable() {
  const [mounts, setMounts] = useState(0)
  return (
    <>
      <button type="button" onClick={() => setMounts(mounts + 1)}>
        Remount
      </button>
      <TopUpForm key={mounts} />
    </>
  )
}

describe('TopUpForm', () => {
  afterEach(() => {
    askedKeys.length = 0
  })

  describe('when the card asks for 3-D Secure', () => {
    it("runs the app's authentication, then sends the same top-up again, credited once", async () => {
      let confirm = () => {}
      const onAuthenticatePayment = vi.fn(() => new Promise<void>((resolve) => (confirm = resolve)))
      const onSuccess = vi.fn()
      const { screen } = await renderWithMock(
        <TopUpForm onAuthenticatePayment={onAuthenticatePayment} onSuccess={onSuccess} />,
        { scenario: 'lowBalance' },
      )
      askToAuthenticateNextTopUp()
      await screen.getByRole('button', { name: 'Add $10' }).click()
      // Held in the app's flow: the form says it waits for the bank and sends nothing else.
      await expect
        .element(screen.getByText('Waiting for your bank to confirm the payment…'))
        .toBeVisible()
      expect(form().dataset.state).toBe('authenticating')
      expect(form().getAttribute('aria-busy')).toBe('true')
      expect(onAuthenticatePayment).toHaveBeenCalledExactlyOnceWith({
        clientSecret: 'pi_3D_secret_1',
        amount: 10,
      })
      // A submit meanwhile (the button is aria-disabled, Enter still submits) sends nothing.
      await expect.element(screen.getByRole('button', { name: 'Adding $10…' })).toBeVisible()
      ;(form() as HTMLFormElement).requestSubmit()
      expect(askedKeys).toHaveLength(1)
      expect(chargedKeys()).toEqual([])
      await expectNoA11yViolations()

      confirm()
      await expect.element(screen.getByText('Added $10. New balance $12.45.')).toBeInTheDocument()
      expect(form().dataset.state).toBe('success')
      expect(chargedKeys()).toEqual(askedKeys)
      expect(mock.state.balance()).toBe('12.4567')
      expect(onSuccess).toHaveBeenCalledOnce()
      expect(onAuthenticatePayment).toHaveBeenCalledOnce()
    })

    it("asks again, never by itself, when the bank still waits after the app's flow", async () => {
      const onAuthenticatePayment = vi.fn(async () => {})
      const { screen } = await renderWithMock(
        <TopUpForm onAuthenticatePayment={onAuthenticatePayment} />,
        { scenario: 'lowBalance' },
      )
      askToAuthenticateNextTopUp()
      askToAuthenticateNextTopUp()
      await screen.getByRole('button', { name: 'Add $10' }).click()
      const alert = screen.getByRole('alert')
      await expect
        .element(alert)
        .toHaveTextContent(
          'Your bank asks you to confirm this payment. Nothing has been charged yet.',
        )
      expect(form().dataset.state).toBe('authentication')
      expect(alert.element().getAttribute('data-tone')).toBe('warning')
      expect(onAuthenticatePayment).toHaveBeenCalledOnce()
      expect(askedKeys).toHaveLength(2)
      expect(new Set(askedKeys).size).toBe(1)
      await expectNoA11yViolations()

      await screen.getByRole('button', { name: 'Confirm payment' }).click()
      await expect.element(screen.getByText('Added $10. New balance $12.45.')).toBeInTheDocument()
      expect(onAuthenticatePayment).toHaveBeenCalledTimes(2)
      expect(chargedKeys()).toEqual([askedKeys[0]])
      expect(mock.state.balance()).toBe('12.4567')
    })

    it("keeps the keyboard's place through the app's dialog and the confirmation", async () => {
      // The app's step, as a modal would run it: the focus goes to the dialog, which is removed.
      const onAuthenticatePayment = async () => {
        const dialog = document.createElement('button')
        dialog.textContent = 'Approve'
        document.body.append(dialog)
        dialog.focus()
        await new Promise((resolve) => setTimeout(resolve))
        dialog.remove()
      }
      const { screen } = await renderWithMock(
        <TopUpForm onAuthenticatePayment={onAuthenticatePayment} />,
        { scenario: 'lowBalance' },
      )
      askToAuthenticateNextTopUp()
      askToAuthenticateNextTopUp()
      await screen.getByRole('button', { name: 'Add $10' }).click()
      // The bank still waits: the focus is back in the form, on the amount, not on the page.
      await expect.element(screen.getByRole('button', { name: 'Confirm payment' })).toBeVisible()
      await expect.element(screen.getByRole('textbox', { name: 'Amount (USD)' })).toHaveFocus()

      // "Confirm payment" is gone while the step runs, then the form shows the confirmation.
      await screen.getByRole('button', { name: 'Confirm payment' }).click()
      await expect.element(screen.getByText('Credit added')).toHaveFocus()
      expect(form().dataset.state).toBe('success')
      await expectNoA11yViolations()
    })

    it('without a flow of the app, asks to confirm in the banking app and tries the same top-up again', async () => {
      const onManagePaymentMethod = vi.fn()
      const { screen } = await renderWithMock(
        <TopUpForm onManagePaymentMethod={onManagePaymentMethod} />,
        { scenario: 'lowBalance' },
      )
      askToAuthenticateNextTopUp()
      await userEvent.fill(screen.getByRole('textbox', { name: 'Amount (USD)' }), '30')
      await screen.getByRole('button', { name: 'Add $30' }).click()
      await expect
        .element(screen.getByRole('alert'))
        .toHaveTextContent('Confirm it in your banking app, then try again.')
      await screen.getByRole('button', { name: 'Use another card' }).click()
      expect(onManagePaymentMethod).toHaveBeenCalledOnce()
      await screen.getByRole('button', { name: 'Try again' }).click()
      await expect.element(screen.getByText('Added $30. New balance $32.45.')).toBeInTheDocument()
      expect(chargedKeys()).toEqual(askedKeys)
      expect(mock.state.balance()).toBe('32.4567')
    })

    it('starts a new top-up, with a new key, for another amount', async () => {
      const { screen } = await renderWithMock(<TopUpForm />, { scenario: 'lowBalance' })
      askToAuthenticateNextTopUp()
      await screen.getByRole('button', { name: 'Add $10' }).click()
      await expect.element(screen.getByRole('button', { name: 'Try again' })).toBeVisible()
      await screen.getByRole('radio', { name: '$25' }).click()
      await expect.element(screen.getByRole('alert')).not.toBeInTheDocument()
      await screen.getByRole('button', { name: 'Add $25' }).click()
      await expect.element(screen.getByText('Added $25. New balance $27.45.')).toBeInTheDocument()
      expect(chargedKeys()).toHaveLength(1)
      expect(chargedKeys()[0]).not.toBe(askedKeys[0])
    })
  })

  it('shows the card on file and the exact balance after the top-up, chosen from the keyboard', async () => {
    const { screen } = await renderWithMock(<TopUpForm />, { scenario: 'lowBalance' })
    await expect
      .element(screen.getByText('Pays with Visa ending in 4242, expires 12/2030'))
      .toBeVisible()
    await expect.element(screen.getByText('$2.45')).toBeVisible()
    await expect.element(screen.getByText('$12.45')).toBeVisible()
    expect(form().dataset.state).toBe('idle')
    await expectNoA11yViolations()

    await userEvent.keyboard('{Tab}')
    await expect.element(screen.getByRole('radio', { name: '$10', exact: true })).toHaveFocus()
    await userEvent.keyboard('{ArrowRight}')
    await expect.element(screen.getByRole('radio', { name: '$25' })).toBeChecked()
    await expect.element(screen.getByRole('textbox', { name: 'Amount (USD)' })).toHaveValue('25')
    await expect.element(screen.getByText('$27.45')).toBeVisible()
    await expect.element(screen.getByRole('button', { name: 'Add $25' })).toBeVisible()

    // Tabbed to, the amount field shows one focus ring, around the field with its "$", not a
    // second one around the text box inside it.
    await userEvent.keyboard('{Tab}')
    const amount = screen.getByRole('textbox', { name: 'Amount (USD)' })
    await expect.element(amount).toHaveFocus()
    const ring = (element: Element) => getComputedStyle(element).outlineStyle
    expect(ring(amount.element())).toBe('none')
    expect(ring(amount.element().closest('.payg-money-input') as Element)).toBe('solid')

    await userEvent.fill(amount, '40')
    await expect.element(screen.getByText('$42.45')).toBeVisible()
    expect(screen.getByRole('radio', { checked: true }).all()).toHaveLength(0)
    expect(mock.requestCount('createTopUp')).toBe(0)
  })

  it.each([
    ['12.5', 'Whole dollars only: leave out the cents.'],
    ['-5', 'The amount can’t be negative.'],
    ['0', 'The minimum top-up is $5.'],
    ['abc', 'Enter the amount in numbers, such as 25.'],
    ['', 'Enter an amount.'],
    ['1e3', 'Write the amount out in full, such as 1,000, without an exponent.'],
    ['10,0000', 'Did you mean $100,000 or $10?'],
    ['1.000', 'Did you mean $1,000 or $1?'],
    ['123456789012345678901234567890', 'The maximum top-up is $10,000.'],
    ['4', 'The minimum top-up is $5.'],
    ['10001', 'The maximum top-up is $10,000.'],
  ])('refuses %j before sending, keeps it, and says why', async (typed, message) => {
    const { screen } = await renderWithMock(<TopUpForm />)
    const amount = screen.getByRole('textbox', { name: 'Amount (USD)' })
    await userEvent.fill(amount, typed)
    await userEvent.keyboard('{Enter}')

    await expect.element(screen.getByText(message)).toBeVisible()
    await expect.element(amount).toHaveAttribute('aria-invalid', 'true')
    await expect
      .element(amount)
      .toHaveAccessibleDescription(`${message} Whole dollars, from $5 to $10,000.`)
    await expect.element(amount).toHaveValue(typed)
    await expect.element(amount).toHaveFocus()
    expect(form().dataset.state).toBe('invalid')
    expect(mock.requestCount('createTopUp')).toBe(0)
    await expectNoA11yViolations()
  })

  it('accepts the locale’s grouping and zero cents, and clears the error once the amount is fixed', async () => {
    const { screen } = await renderWithMock(<TopUpForm />, { scenario: 'lowBalance' })
    const amount = screen.getByRole('textbox', { name: 'Amount (USD)' })
    await userEvent.fill(amount, '2,5')
    await userEvent.keyboard('{Enter}')
    await expect.element(screen.getByText('Did you mean $2.50?')).toBeVisible()
    await userEvent.fill(amount, '1,000')
    await expect.element(amount).not.toHaveAttribute('aria-invalid')
    await expect.element(screen.getByText('$1,002.45')).toBeVisible()
    await userEvent.fill(amount, '30.00')
    await expect.element(screen.getByRole('button', { name: 'Add $30' })).toBeVisible()
  })

  it('uses the min and max props', async () => {
    const { screen } = await renderWithMock(<TopUpForm min={20} max={60} />)
    await expect.element(screen.getByText('Whole dollars, from $20 to $60.')).toBeVisible()
    // Presets outside the limits are not offered.
    expect(screen.getByRole('radio').all()).toHaveLength(2)
    await userEvent.fill(screen.getByRole('textbox', { name: 'Amount (USD)' }), '70')
    await userEvent.keyboard('{Enter}')
    await expect.element(screen.getByText('The maximum top-up is $60.')).toBeVisible()
  })

  it('offers the top-up policy the server states, without props, and refuses outside it before sending', async () => {
    const { screen } = await renderWithMock(<TopUpForm />, {
      setup: () =>
        worker.use(
          http.get('*/billing/auto-top-up', () =>
            HttpResponse.json({
              ...mock.state.autoTopUp(),
              topUpLimits: { minimum: 20, maximum: 60 },
            }),
          ),
        ),
    })
    await expect.element(screen.getByText('Whole dollars, from $20 to $60.')).toBeVisible()
    // Only the presets the policy allows ($25 and $50) are offered.
    await expect.poll(() => screen.getByRole('radio').all().length).toBe(2)
    await userEvent.fill(screen.getByRole('textbox', { name: 'Amount (USD)' }), '10')
    await userEvent.keyboard('{Enter}')
    await expect.element(screen.getByText('The minimum top-up is $20.')).toBeVisible()
    expect(mock.requestCount('createTopUp')).toBe(0)
  })

  it('shows the server’s refusal of the amount on the field', async () => {
    // The widget allows $1, the server's policy starts at $5.
    const { screen } = await renderWithMock(<TopUpForm min={1} />)
    const amount = screen.getByRole('textbox', { name: 'Amount (USD)' })
    await userEvent.fill(amount, '3')
    await userEvent.keyboard('{Enter}')
    await expect.element(screen.getByText('The minimum top-up is $5.')).toBeVisible()
    await expect.element(amount).toHaveAttribute('aria-invalid', 'true')
    await expect.element(amount).toHaveValue('3')
    expect(mock.requestCount('createTopUp')).toBe(1)
    expect(mock.requests.at(-1)?.status).toBe(422)
    await expectNoA11yViolations()

    await userEvent.fill(amount, '5')
    await expect.element(amount).not.toHaveAttribute('aria-invalid')
  })

  it('shows a 422 without field details as a refusal of the amount', async () => {
    const { screen } = await renderWithMock(<TopUpForm />, {
      setup: (paygMock) => paygMock.failNext('createTopUp', { status: 422 }),
    })
    await screen.getByRole('button', { name: 'Add $10' }).click()
    await expect.element(screen.getByText('The server did not accept this amount.')).toBeVisible()
    await expect
      .element(screen.getByRole('textbox', { name: 'Amount (USD)' }))
      .toHaveAttribute('aria-invalid', 'true')
  })

  it('charges once for a double click, then says what was added', async () => {
    const onSuccess = vi.fn()
    let release = () => {}
    const { screen } = await renderWithMock(<TopUpForm onSuccess={onSuccess} />, {
      scenario: 'lowBalance',
      // The top-up is held until both clicks are in, however fast the machine answers.
      setup: (paygMock) => {
        release = paygMock.hold('createTopUp')
      },
    })
    await screen.getByRole('radio', { name: '$25' }).click()
    await userEvent.dblClick(screen.getByRole('button', { name: 'Add $25' }))
    release()

    const status = screen.getByRole('status')
    await expect.element(status).toHaveTextContent('Added $25. New balance $27.45.')
    expect(form().dataset.state).toBe('success')
    // The confirmation took the place of the button that had the focus, and takes the focus.
    await expect.element(screen.getByText('Credit added')).toHaveFocus()
    expect(mock.requestCount('createTopUp')).toBe(1)
    expect(mock.requests.find((r) => r.operationId === 'createTopUp')?.body).toEqual({ amount: 25 })
    expect(mock.state.balance()).toBe('27.4567')
    expect(onSuccess).toHaveBeenCalledOnce()
    expect(onSuccess.mock.calls[0]?.[0].balance.balance).toEqual({ amount: '27.4567', unit: 'USD' })
    await expectNoA11yViolations()
  })

  it('is aria-disabled while the top-up is pending, and more submits send nothing', async () => {
    const { screen } = await renderWithMock(<TopUpForm />, {
      setup: (paygMock) => paygMock.failNext('createTopUp', { mode: 'hang' }),
    })
    await screen.getByRole('button', { name: 'Add $10' }).click()
    const button = screen.getByRole('button', { name: 'Adding $10…' })
    await expect.element(button).toHaveAttribute('aria-disabled', 'true')
    expect(form().dataset.state).toBe('pending')
    // Focus stays on the button (aria-disabled, not disabled): Enter and a forced click send nothing.
    await expect.element(button).toHaveFocus()
    await userEvent.keyboard('{Enter}')
    await button.click({ force: true })
    // The one request reaches the mock (and hangs there); the extra submits add none.
    await expect.poll(() => mock.requestCount('createTopUp')).toBe(1)
    await expectNoA11yViolations()
    expect(mock.requestCount('createTopUp')).toBe(1)
  })

  it('after a decline, the alert leads to the app’s card flow', async () => {
    const onManagePaymentMethod = vi.fn()
    const { screen } = await renderWithMock(
      <TopUpForm onManagePaymentMethod={onManagePaymentMethod} />,
      { scenario: 'paymentDeclined' },
    )
    await screen.getByRole('button', { name: 'Add $10' }).click()
    const alert = screen.getByRole('alert')
    await expect.element(alert).toHaveTextContent('Your card was declined')
    await alert.getByRole('button', { name: 'Use another card' }).click()
    expect(onManagePaymentMethod).toHaveBeenCalledOnce()
    await expectNoA11yViolations()
  })

  it('says the card was declined and nothing was charged, keeping the typed amount', async () => {
    const onSuccess = vi.fn()
    const { screen } = await renderWithMock(<TopUpForm onSuccess={onSuccess} />, {
      scenario: 'paymentDeclined',
    })
    const amount = screen.getByRole('textbox', { name: 'Amount (USD)' })
    await userEvent.fill(amount, '30')
    await userEvent.keyboard('{Enter}')

    await expect
      .element(screen.getByRole('alert'))
      .toHaveTextContent(
        'Your card was declined, so nothing was charged. Try again or use another card.',
      )
    await expect.element(amount).toHaveValue('30')
    expect(form().dataset.state).toBe('declined')
    expect(mock.state.balance()).toBe('4.2')
    expect(onSuccess).not.toHaveBeenCalled()
    await expectNoA11yViolations()

    // Once the card works, the same form goes through.
    mock.state.setCardDeclines(false)
    await userEvent.click(screen.getByRole('button', { name: 'Add $30' }))
    await expect
      .element(screen.getByRole('status'))
      .toHaveTextContent('Added $30. New balance $34.20.')
    await expect.element(screen.getByRole('alert')).not.toBeInTheDocument()
  })

  it('shows when there is no card on file, and sends nothing', async () => {
    const { screen } = await renderWithMock(<TopUpForm />, { scenario: 'noPaymentMethod' })
    await expect
      .element(screen.getByText('No card on file: add a payment method before topping up.'))
      .toBeVisible()
    const button = screen.getByRole('button', { name: 'Add $10' })
    await expect.element(button).toHaveAttribute('aria-disabled', 'true')
    // No card flow was given: the text says what to do, and no button leads nowhere.
    expect(screen.getByRole('button', { name: 'Add a card' }).query()).toBeNull()
    await button.click({ force: true })
    expect(mock.requestCount('createTopUp')).toBe(0)
    await expectNoA11yViolations()
  })

  it('offers the app’s card flow: “Change” beside the card, “Add a card” when there is none', async () => {
    const onManagePaymentMethod = vi.fn()
    const { screen } = await renderWithMock(
      <TopUpForm onManagePaymentMethod={onManagePaymentMethod} />,
    )
    await screen.getByRole('button', { name: 'Change' }).click()
    expect(onManagePaymentMethod).toHaveBeenCalledOnce()
    await expectNoA11yViolations()
  })

  it('without a card, links to the page given, or only says what to do', async () => {
    const { screen } = await renderWithMock(
      <TopUpForm managePaymentMethodHref="/settings/billing/card" />,
      { scenario: 'noPaymentMethod' },
    )
    await expect
      .element(screen.getByRole('link', { name: 'Add a card' }))
      .toHaveAttribute('href', '/settings/billing/card')
    await expectNoA11yViolations()
  })

  it('shows the card loading, and a failed top-up that can be retried without a second charge', async () => {
    const { screen } = await renderWithMock(<TopUpForm />, {
      setup: (paygMock) => {
        paygMock.failNext('getPaymentMethod', { mode: 'hang' })
        // Refused before anything was charged: the lookup finds no top-up.
        paygMock.failNext('createTopUp', { status: 500, mode: 'before-commit' })
      },
    })
    await expect.element(screen.getByText('Loading payment method…')).toBeVisible()
    await expectNoA11yViolations()
    const before = mock.state.balance()

    await screen.getByRole('button', { name: 'Add $10' }).click()
    await expect
      .element(screen.getByRole('alert'))
      .toHaveTextContent('The top-up did not go through and nothing was charged. Try again.')
    expect(form().dataset.state).toBe('error')
    expect(mock.requestCount('getTopUpByIdempotencyKey')).toBe(1)
    await screen.getByRole('button', { name: 'Add $10' }).click()
    await expect.element(screen.getByRole('status')).toHaveTextContent('Added $10.')
    // The lookup's 404 cancelled the first key (a late request under it is refused), so the
    // retry is a new intent with a new key, and it is charged once.
    const keys = mock.requests
      .filter((r) => r.operationId === 'createTopUp')
      .map((r) => r.headers['idempotency-key'])
    expect(keys).toHaveLength(2)
    expect(keys[0]).not.toBe(keys[1])
    expect(subtract(usd(mock.state.balance()), usd(before))).toEqual(usd(10))
  })

  it('when the answer is lost, says it is checking, then shows what really happened', async () => {
    const onSuccess = vi.fn()
    let release = () => {}
    const { screen } = await renderWithMock(<TopUpForm onSuccess={onSuccess} />, {
      scenario: 'lowBalance',
      setup: (paygMock) => {
        // Charged, then the answer is lost.
        paygMock.failNext('createTopUp', { status: 500, mode: 'after-commit' })
        release = paygMock.hold('getTopUpByIdempotencyKey')
      },
    })
    await screen.getByRole('button', { name: 'Add $10' }).click()
    await expect
      .element(screen.getByRole('status'))
      .toHaveTextContent(
        'The answer was lost on the way. Checking whether the top-up went through…',
      )
    expect(form().dataset.state).toBe('checking')
    expect(screen.getByText(/did not go through/).query()).toBeNull()
    await expectNoA11yViolations()
    release()
    await expect
      .element(screen.getByRole('status'))
      .toHaveTextContent(/^Added \$10\. New balance \$12\.45\. Reference: tu_/)
    expect(form().dataset.state).toBe('success')
    expect(onSuccess).toHaveBeenCalledOnce()
    expect(mock.requestCount('createTopUp')).toBe(1)
    expect(mock.state.balance()).toBe('12.4567')
  })

  it('while the outcome is unknown, another amount is not a new charge', async () => {
    const { screen } = await renderWithMock(<TopUpForm />, {
      scenario: 'lowBalance',
      setup: (paygMock) => {
        paygMock.failNext('createTopUp', { status: 500, mode: 'after-commit' })
        paygMock.failNext('getTopUpByIdempotencyKey', { status: 503 })
      },
    })
    await screen.getByRole('button', { name: 'Add $10' }).click()
    await expect
      .element(screen.getByRole('alert'))
      .toHaveTextContent(
        'We could not confirm whether the top-up went through, so it may have been charged.',
      )
    expect(form().dataset.state).toBe('unknown')
    await expectNoA11yViolations()

    // Typing 25 and submitting looks the $10 up first: it went through, so nothing else is sent.
    const amount = screen.getByRole('textbox', { name: 'Amount (USD)' })
    await userEvent.fill(amount, '25')
    await expect.element(screen.getByRole('alert')).toBeVisible()
    await userEvent.keyboard('{Enter}')
    await expect
      .element(screen.getByRole('status'))
      .toHaveTextContent('Added $10. New balance $12.45.')
    expect(mock.requestCount('createTopUp')).toBe(1)
    expect(mock.state.balance()).toBe('12.4567')
  })

  it('“Check again” looks a lost top-up up without sending a payment', async () => {
    const { screen } = await renderWithMock(<TopUpForm />, {
      scenario: 'lowBalance',
      setup: (paygMock) => {
        paygMock.failNext('createTopUp', { status: 500, mode: 'after-commit' })
        paygMock.failNext('getTopUpByIdempotencyKey', { status: 500 })
      },
    })
    await screen.getByRole('button', { name: 'Add $10' }).click()
    await screen.getByRole('button', { name: 'Check again' }).click()
    await expect
      .element(screen.getByRole('status'))
      .toHaveTextContent('Added $10. New balance $12.45.')
    expect(mock.requestCount('createTopUp')).toBe(1)
    expect(mock.requestCount('getTopUpByIdempotencyKey')).toBe(2)
  })

  it('offline, says so and sends nothing, not even once it is back online', async () => {
    const { screen } = await renderWithMock(<TopUpForm />, { scenario: 'lowBalance' })
    await expect.element(screen.getByText('$2.45')).toBeVisible()
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false })
    window.dispatchEvent(new Event('offline'))
    try {
      await screen.getByRole('button', { name: 'Add $10' }).click()
      await expect
        .element(screen.getByRole('alert'))
        .toHaveTextContent(
          'You’re offline, so nothing was sent or charged. Reconnect, then try again.',
        )
      expect(form().dataset.state).toBe('offline')
      await expect
        .element(screen.getByRole('button', { name: 'Add $10' }))
        .not.toHaveAttribute('aria-disabled')
    } finally {
      // Back online: delete the override so the prototype's getter answers again.
      Reflect.deleteProperty(navigator, 'onLine')
      window.dispatchEvent(new Event('online'))
    }
    await expect.element(screen.getByRole('button', { name: 'Add $10' })).toBeVisible()
    expect(mock.requestCount('createTopUp')).toBe(0)
    expect(mock.state.balance()).toBe('2.4567')
    await screen.getByRole('button', { name: 'Add $10' }).click()
    await expect.element(screen.getByRole('status')).toHaveTextContent('Added $10.')
    expect(mock.requestCount('createTopUp')).toBe(1)
  })

  it('after a success shows the result and sends nothing more until “Top up again”', async () => {
    const { screen } = await renderWithMock(<TopUpForm />, { scenario: 'lowBalance' })
    const submit = screen.getByRole('button', { name: 'Add $10' })
    await submit.click()
    const status = screen.getByRole('status')
    await expect.element(status).toHaveTextContent(/^Added \$10\. New balance \$12\.45\./)
    const id = mock.state.topUps()[0]?.id ?? ''
    await expect.element(status).toHaveTextContent(`Reference: ${id}`)
    expect(form().dataset.state).toBe('success')
    // The confirmation: amount, new balance (every digit in its title) and the reference.
    await expect.element(screen.getByText('Credit added')).toBeVisible()
    await expect.element(screen.getByText(id, { exact: true })).toBeVisible()
    expect(screen.getByText('$12.45', { exact: true }).element().getAttribute('title')).toBe(
      '$12.4567',
    )
    await expectNoA11yViolations()

    // Enter, another click, a new amount: none of them charges again, as nothing is left to send.
    expect(submit.query()).toBeNull()
    await userEvent.keyboard('5{Enter}')
    expect(screen.getByRole('textbox', { name: 'Amount (USD)' }).query()).toBeNull()
    expect(mock.requestCount('createTopUp')).toBe(1)
    expect(form().dataset.state).toBe('success')

    const amount = screen.getByRole('textbox', { name: 'Amount (USD)' })
    await screen.getByRole('button', { name: 'Top up again' }).click()
    await expect.element(amount).toHaveFocus()
    expect(form().dataset.state).toBe('idle')
    await userEvent.keyboard('{Enter}')
    await expect
      .element(screen.getByRole('status'))
      .toHaveTextContent('Added $10. New balance $22.45.')
    const keys = mock.requests
      .filter((r) => r.operationId === 'createTopUp')
      .map((r) => r.headers['idempotency-key'])
    expect(keys).toHaveLength(2)
    expect(new Set(keys).size).toBe(2)
  })

  it('formats for the locale and takes overridden strings', async () => {
    const { screen } = await renderWithMock(<TopUpForm />, {
      scenario: 'lowBalance',
      locale: 'de-DE',
      messages: { 'topUpForm.amount': 'Betrag (USD)', 'topUpForm.submit': '{amount} aufladen' },
    })
    await expect.element(screen.getByRole('radio', { name: '10 $', exact: true })).toBeChecked()
    await expect.element(screen.getByText('2,45 $', { exact: true })).toBeVisible()
    // de-DE writes the sign after the amount, in the field as in the text.
    const field = document.querySelector('.payg-money-input') as HTMLElement
    expect(field.dataset.adornment).toBe('end')
    expect(field.textContent).toBe('$')
    await userEvent.fill(screen.getByRole('textbox', { name: 'Betrag (USD)' }), '1.000')
    await expect.element(screen.getByText('1.002,45 $')).toBeVisible()
    await expect.element(screen.getByRole('button', { name: '1.000 $ aufladen' })).toBeVisible()
    await expectNoA11yViolations()
  })

  it.each([
    [
      'a 201 whose body cannot be read',
      () => HttpResponse.json({ topUp: null, balance: 'soon' }, { status: 201 }),
    ],
    [
      'a 409 for a key already used',
      () =>
        HttpResponse.json(
          { code: 'IDEMPOTENCY_CONFLICT', message: 'This Idempotency-Key was already used.' },
          { status: 409 },
        ),
    ],
  ])('after %s, looks the top-up up and never says nothing was charged', async (_, answer) => {
    const { screen } = await renderWithMock(<TopUpForm />, { scenario: 'lowBalance' })
    answerNextTopUp(answer)
    await screen.getByRole('button', { name: 'Add $10' }).click()
    await expect
      .element(screen.getByRole('status'))
      .toHaveTextContent('Added $10. New balance $12.45.')
    expect(screen.getByText(/nothing was charged/).query()).toBeNull()
    expect(form().dataset.state).toBe('success')
    expect(mock.requestCount('getTopUpByIdempotencyKey')).toBe(1)
    expect(mock.requestCount('createTopUp')).toBe(1)
    expect(mock.state.balance()).toBe('12.4567')
  })

  it('a lost top-up outlives the form: mounted again, another amount is looked up, not charged', async () => {
    const { screen } = await renderWithMock(<Remountable />, {
      scenario: 'lowBalance',
      setup: (paygMock) => {
        paygMock.failNext('createTopUp', { status: 500, mode: 'after-commit' })
        paygMock.failNext('getTopUpByIdempotencyKey', { status: 503 })
      },
    })
    await screen.getByRole('button', { name: 'Add $10' }).click()
    await expect.element(screen.getByRole('alert')).toHaveTextContent(/may have been charged/)

    await screen.getByRole('button', { name: 'Remount' }).click()
    // A new form: it still knows the outcome is unknown.
    await expect.element(screen.getByRole('alert')).toHaveTextContent(/may have been charged/)
    expect(form().dataset.state).toBe('unknown')
    await userEvent.fill(screen.getByRole('textbox', { name: 'Amount (USD)' }), '25')
    await userEvent.keyboard('{Enter}')
    await expect
      .element(screen.getByRole('status'))
      .toHaveTextContent('Added $10. New balance $12.45.')
    expect(mock.requestCount('createTopUp')).toBe(1)
    expect(mock.state.balance()).toBe('12.4567')
  })

  it('a replayed top-up shows the balance read again, not the one stored with the replay', async () => {
    const { screen } = await renderWithMock(<TopUpForm />, { scenario: 'lowBalance' })
    // The top-up is charged, later charges spend most of the balance, and the answer the form
    // gets is the server's replay of the first one, which carries the balance of back then.
    worker.use(
      http.post(
        `${DEFAULT_BASE_URL}/billing/top-ups`,
        async ({ request }) => {
          await getResponse(mock.handlers, request.clone())
          mock.state.setBalance('3.5')
          return getResponse(mock.handlers, request)
        },
        { once: true },
      ),
    )
    await screen.getByRole('button', { name: 'Add $10' }).click()
    await expect
      .element(screen.getByRole('status'))
      .toHaveTextContent('Added $10. New balance $3.50.')
    const keys = mock.requests
      .filter((r) => r.operationId === 'createTopUp')
      .map((r) => r.headers['idempotency-key'])
    expect(keys).toHaveLength(2)
    expect(keys[1]).toBe(keys[0])
    // Replayed, not charged again.
    expect(mock.state.balance()).toBe('3.5')
  })
})
