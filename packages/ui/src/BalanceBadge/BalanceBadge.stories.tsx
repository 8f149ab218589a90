import type { PaygMock } from '@payg-kit/msw'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, within } from 'storybook/test'
import { BalanceBadge } from './BalanceBadge'

const meta = {
  title: 'Widgets/BalanceBadge',
  component: BalanceBadge,
  args: { onTopUpClick: fn() },
} satisfies Meta<typeof BalanceBadge>

export default meta
type Story = StoryObj<typeof meta>

/** A healthy PAYG account. */
export const Healthy: Story = {
  parameters: { payg: { scenario: 'healthy' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText(/^\$\d/)).toBeVisible()
  },
}

/** While the balance loads. */
export const Loading: Story = {
  parameters: {
    payg: { setup: (mock: PaygMock) => mock.failNext('getBalance', { mode: 'hang' }) },
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('img', { name: 'Loading balance…' })).toBeVisible()
  },
}

/** Below the low-balance level, with a top-up action. */
export const LowBalance: Story = {
  parameters: { payg: { scenario: 'lowBalance' } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('$2.45')).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Top up' }))
    await expect(args.onTopUpClick).toHaveBeenCalled()
  },
}

/** At zero: requests are paused until credit is added. */
export const Paused: Story = {
  parameters: { payg: { scenario: 'zeroBalance' } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Requests paused')).toBeVisible()
  },
}

/** A legacy monthly plan shows its credits. */
export const LegacyPlanCredits: Story = {
  parameters: { payg: { scenario: 'legacySubscription' } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('24,000 credits')).toBeVisible()
  },
}

/** The balance could not be loaded; Retry tries again. */
export const Failed: Story = {
  parameters: {
    payg: {
      setup: (mock: PaygMock) => {
        mock.failNext('getBalance', { status: 500 })
        mock.failNext('getBalance', { status: 500 })
      },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('Balance unavailable')).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }))
    await expect(await canvas.findByText(/^\$\d/)).toBeVisible()
  },
}

/** Dark theme. */
export const Dark: Story = {
  parameters: { payg: { scenario: 'lowBalance', theme: 'dark' } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('$2.45')).toBeVisible()
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
    await expect(await within(canvasElement).findByText('2,45 $')).toBeVisible()
  },
}
