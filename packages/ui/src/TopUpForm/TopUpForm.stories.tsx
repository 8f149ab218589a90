import type { PaygMock } from '@payg-kit/msw'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, within } from 'storybook/test'
import { TopUpForm } from './TopUpForm'

const meta = {
  title: 'Widgets/TopUpForm',
  component: TopUpForm,
  args: { onSuccess: fn(), onManagePaymentMethod: fn() },
} satisfies Meta<typeof TopUpForm>

export default meta
type Story = StoryObj<typeof meta>

/** Presets, a typed amount, the card on file and the balance after the top-up. */
export const Ready: Story = {
  parameters: { payg: { scenario: 'lowBalance' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText(/Pays with Visa ending in 4242/)).toBeVisible()
    await expect(await canvas.findByText('$12.45')).toBeVisible()
  },
}

/** While the card and balance load. */
export const Loading: Story = {
  parameters: {
    payg: {
      setup: (mock: PaygMock) => {
        mock.failNext('getPaymentMethod', { mode: 'hang' })
        mock.failNext('getBalance', { mode: 'hang' })
      },
    },
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Loading payment method…')).toBeVisible()
  },
}

/** An amount with cents is refused before anything is sent, and stays as typed. */
export const Invalid: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const amount = canvas.getByRole('textbox', { name: 'Amount (USD)' })
    await userEvent.clear(amount)
    await userEvent.type(amount, '12.5{Enter}')
    await expect(canvas.getByText('Whole dollars only: leave out the cents.')).toBeVisible()
    await expect(amount).toHaveAttribute('aria-invalid', 'true')
    await expect(amount).toHaveValue('12.5')
  },
}

/** The server's own limit (here $5) refuses an amount the form allowed, on the field. */
export const RefusedByServer: Story = {
  args: { min: 1 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const amount = canvas.getByRole('textbox', { name: 'Amount (USD)' })
    await userEvent.clear(amount)
    await userEvent.type(amount, '3{Enter}')
    await expect(await canvas.findByText('The minimum top-up is $5.')).toBeVisible()
  },
}

/** A completed top-up: what was added and the new balance. */
export const Success: Story = {
  parameters: { payg: { scenario: 'lowBalance' } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('radio', { name: '$25' }))
    await userEvent.click(canvas.getByRole('button', { name: 'Add $25' }))
    await expect(await canvas.findByText('Added $25. New balance $27.45.')).toBeVisible()
    await expect(args.onSuccess).toHaveBeenCalledOnce()
  },
}

/** The answer was lost after the charge: the form looks the top-up up and shows that it went through. */
export const LostAnswer: Story = {
  parameters: {
    payg: {
      scenario: 'lowBalance',
      // The first attempt and its retry both lose their answers.
      setup: (mock: PaygMock) => {
        for (let i = 0; i < 2; i++) mock.failNext('createTopUp', { mode: 'after-commit' })
      },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Add $10' }))
    await expect(await canvas.findByText('Added $10. New balance $12.45.')).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'Top up again' })).toBeVisible()
  },
}

/** The answer was lost and the lookup failed too: the form says it may have been charged. */
export const OutcomeUnknown: Story = {
  parameters: {
    payg: {
      scenario: 'lowBalance',
      setup: (mock: PaygMock) => {
        for (let i = 0; i < 2; i++) {
          mock.failNext('createTopUp', { mode: 'after-commit' })
          mock.failNext('getTopUpByIdempotencyKey', { status: 500 })
        }
      },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Add $10' }))
    await expect(await canvas.findByRole('alert')).toHaveTextContent(/may have been charged/)
    await expect(await canvas.findByRole('button', { name: 'Check again' })).toBeVisible()
  },
}

/** The card declines: nothing was charged and the amount stays. */
export const Declined: Story = {
  parameters: { payg: { scenario: 'paymentDeclined' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Add $10' }))
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      /declined.*nothing was charged/,
    )
  },
}

/**
 * The card's issuer asks for 3-D Secure: nothing is charged yet. With `onAuthenticatePayment`
 * the app's own flow (Stripe.js `handleNextAction`) runs and the same top-up is sent again;
 * without it, as here, the form asks to confirm in the banking app and try again.
 */
export const NeedsAuthentication: Story = {
  parameters: {
    payg: {
      scenario: 'lowBalance',
      setup: (mock: PaygMock) => mock.state.setCardAsksAuthentication(true),
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Add $10' }))
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      /confirm this payment.*Nothing has been charged yet/,
    )
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeVisible()
  },
}

/** No saved card: the form says so and sends nothing. */
export const NoCard: Story = {
  parameters: { payg: { scenario: 'noPaymentMethod' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText(/No card on file/)).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'Add $10' })).toHaveAttribute(
      'aria-disabled',
      'true',
    )
  },
}

/** Dark theme. */
export const Dark: Story = {
  parameters: { payg: { scenario: 'lowBalance', theme: 'dark' } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('$12.45')).toBeVisible()
  },
}

/** German, every string from the shipped catalog (`@payg-kit/ui/locales/de`). */
export const German: Story = {
  parameters: {
    payg: {
      scenario: 'lowBalance',
      locale: 'de-DE',
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('12,45 $')).toBeVisible()
    await expect(canvas.getByRole('button', { name: /^10\s\$ aufladen$/ })).toBeVisible()
  },
}
