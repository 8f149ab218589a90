import { useCreateGeneration } from '@payg-kit/react'
import { describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { BalanceBadge } from '../BalanceBadge/BalanceBadge'
import { expectNoA11yViolations, mock, renderWithMock } from '../test/renderWithMock'
import { PausedBanner } from './PausedBanner'

// Leonardo Lightning XL with Alchemy, 4 images at 1024x1024: the published $0.048 example.
const lightning = {
  prompt: 'a lighthouse at dusk',
  modelId: 'b24e16ff-06e3-43eb-8d33-4416c2d75876',
  num_images: 4,
  width: 1024,
  height: 1024,
  alchemy: true,
}

function Generate() {
  const generation = useCreateGeneration()
  return (
    <button type="button" onClick={() => generation.mutate(lightning)}>
      {generation.isError ? 'Refused' : 'Generate'}
    </button>
  )
}

const banner = () => document.querySelector<HTMLElement>('.payg-paused-banner')

describe('PausedBanner', () => {
  it('renders nothing while requests run', async () => {
    const { screen } = await renderWithMock(
      <>
        <BalanceBadge />
        <PausedBanner onTopUpClick={() => {}} />
      </>,
    )
    await expect.element(screen.getByText(/^\$\d/)).toBeVisible()
    expect(banner()).toBeNull()
    expect(screen.getByRole('alert').all()).toHaveLength(0)
  })

  it('alerts at a zero balance, with a top-up action that works from the keyboard', async () => {
    const onTopUpClick = vi.fn()
    const { screen } = await renderWithMock(<PausedBanner onTopUpClick={onTopUpClick} />, {
      scenario: 'zeroBalance',
    })
    const alert = screen.getByRole('alert')
    await expect.element(alert).toHaveTextContent('Requests are paused')
    await expect
      .element(alert)
      .toHaveTextContent(
        'Your balance has run out, so new requests are refused (and not charged) until you add credit.',
      )
    // A zero balance read from the server says nothing about a particular request.
    await expect.element(alert).not.toHaveTextContent('short')
    expect(banner()?.getAttribute('data-state')).toBe('paused')
    await expectNoA11yViolations()

    await userEvent.keyboard('{Tab}')
    await expect.element(screen.getByRole('button', { name: 'Top up' })).toHaveFocus()
    await userEvent.keyboard('{Enter}')
    expect(onTopUpClick).toHaveBeenCalledOnce()
  })

  it('appears when a request is refused for lack of balance, with the shortfall', async () => {
    const { screen } = await renderWithMock(
      <>
        <PausedBanner />
        <Generate />
      </>,
      { setup: (paygMock) => paygMock.state.setBalance('0.02') },
    )
    await screen.getByRole('button', { name: 'Generate' }).click()
    await expect.element(screen.getByRole('button', { name: 'Refused' })).toBeVisible()
    const alert = screen.getByRole('alert')
    await expect
      .element(alert)
      .toHaveTextContent('The last request needed $0.048 and the balance was $0.02: $0.028 short.')
    expect(mock.requests.at(-1)).toMatchObject({ operationId: 'createGeneration', status: 402 })
    await expectNoA11yViolations()
  })

  it('tops up in place and disappears once credit is added', async () => {
    const { screen } = await renderWithMock(<PausedBanner showTopUpForm />, {
      scenario: 'zeroBalance',
    })
    await expect.element(screen.getByRole('alert')).toHaveTextContent('Requests are paused')
    await expect.element(screen.getByRole('button', { name: 'Top up' })).not.toBeInTheDocument()
    await expectNoA11yViolations()

    await screen.getByRole('radio', { name: '$25' }).click()
    await screen.getByRole('button', { name: 'Add $25' }).click()
    await expect.element(screen.getByText('Requests are paused')).not.toBeInTheDocument()
    // The confirmation takes the banner's place, and the focus the form had.
    const resumed = screen.getByRole('status').filter({ hasText: 'Credit added' })
    await expect
      .element(resumed)
      .toHaveTextContent('Credit added: requests run again. Your balance is $25.00.')
    await expect.element(resumed).toHaveFocus()
    expect(banner()?.dataset.state).toBe('resumed')
    expect(mock.requestCount('createTopUp')).toBe(1)
    expect(mock.state.balance()).toBe('25')
    await expectNoA11yViolations()
  })

  it("hands its form the app's 3-D Secure step and card flow", async () => {
    const manage = vi.fn()
    const authenticate = vi.fn(({ clientSecret }: { clientSecret: string }) => {
      mock.state.authenticatePayment(clientSecret, 'succeed')
    })
    const { screen } = await renderWithMock(
      <PausedBanner
        showTopUpForm
        topUpFormProps={{ onAuthenticatePayment: authenticate, onManagePaymentMethod: manage }}
      />,
      {
        scenario: 'zeroBalance',
        setup: (paygMock) => paygMock.state.setCardAsksAuthentication(true),
      },
    )
    await screen.getByRole('button', { name: 'Change' }).click()
    expect(manage).toHaveBeenCalledTimes(1)
    await screen.getByRole('radio', { name: '$25' }).click()
    await screen.getByRole('button', { name: 'Add $25' }).click()
    await expect
      .element(screen.getByRole('status').filter({ hasText: 'Credit added' }))
      .toHaveTextContent('Your balance is $25.00.')
    expect(authenticate).toHaveBeenCalledWith({ clientSecret: expect.any(String), amount: 25 })
    expect(mock.state.balance()).toBe('25')
  })

  it('formats for the locale and takes overridden strings', async () => {
    const { screen } = await renderWithMock(
      <>
        <PausedBanner onTopUpClick={() => {}} />
        <Generate />
      </>,
      {
        locale: 'de-DE',
        messages: {
          'pausedBanner.title': 'Anfragen pausiert',
          'pausedBanner.shortfall': 'Es fehlen {shortfall}.',
          'pausedBanner.topUp': 'Aufladen',
        },
        setup: (paygMock) => paygMock.state.setBalance('0.02'),
      },
    )
    await screen.getByRole('button', { name: 'Generate' }).click()
    const alert = screen.getByRole('alert')
    await expect.element(alert).toHaveTextContent('Anfragen pausiert')
    await expect.element(alert).toHaveTextContent('Es fehlen 0,028 $.')
    await expect.element(screen.getByRole('button', { name: 'Aufladen' })).toBeVisible()
  })
})
