import { type PaygMock, scenarios } from '@payg-kit/msw'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, within } from 'storybook/test'
import { MigrationPanel } from './MigrationPanel'

const meta = {
  title: 'Widgets/MigrationPanel',
  component: MigrationPanel,
  args: { onMigrated: fn() },
} satisfies Meta<typeof MigrationPanel>

export default meta
type Story = StoryObj<typeof meta>

/** A legacy plan: what its credits become, and what the last 30 days would have cost on PAYG. */
export const LegacyPlan: Story = {
  parameters: { payg: { scenario: 'legacySubscription' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText(/cheaper by/)).toBeVisible()
    await expect(canvas.getByText('24,000 credits at $0.0012 each = $28.80')).toBeVisible()
  },
}

/** The second, explicit confirmation; Escape or Cancel goes back. */
export const Confirming: Story = {
  parameters: { payg: { scenario: 'legacySubscription' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Switch to pay-as-you-go…' }))
    await expect(canvas.getByRole('group', { name: /^Cancel API Standard/ })).toHaveFocus()
  },
}

/** After switching: the new balance and its ledger entry. */
export const Migrated: Story = {
  parameters: { payg: { scenario: 'legacySubscription' } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Switch to pay-as-you-go…' }))
    await userEvent.click(canvas.getByRole('button', { name: 'Yes, switch now' }))
    await expect(await canvas.findByText('+$28.80')).toBeVisible()
    await expect(args.onMigrated).toHaveBeenCalledOnce()
  },
}

/** A custom deal: its pricing stays as it is. */
export const CustomPricing: Story = {
  parameters: {
    payg: {
      scenario: 'legacySubscription',
      setup: (mock: PaygMock) =>
        mock.use({
          description: 'A legacy plan on a custom deal',
          account: { ...scenarios.legacySubscription.account, customPricing: true },
        }),
    },
  },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText('Your custom pricing agreement stays as it is.'),
    ).toBeVisible()
  },
}

/** Already on pay-as-you-go. */
export const OnPayg: Story = {
  parameters: { payg: { scenario: 'healthy' } },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByRole('heading', { name: 'You’re on pay-as-you-go' }),
    ).toBeVisible()
  },
}

/** While the plan loads. */
export const Loading: Story = {
  parameters: {
    payg: {
      scenario: 'legacySubscription',
      setup: (mock: PaygMock) => mock.failNext('getSubscription', { mode: 'hang' }),
    },
  },
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByRole('img', { name: 'Loading your plan…' }),
    ).toBeVisible()
  },
}

/** The switch failed; the confirmation stays, and trying again is safe. */
export const SwitchFailed: Story = {
  parameters: {
    payg: {
      scenario: 'legacySubscription',
      setup: (mock: PaygMock) => {
        mock.failNext('migrateToPayg', { status: 503 })
        mock.failNext('migrateToPayg', { status: 503 })
      },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Switch to pay-as-you-go…' }))
    await userEvent.click(canvas.getByRole('button', { name: 'Yes, switch now' }))
    await expect(
      await canvas.findByText(/^The switch did not complete/, {}, { timeout: 5000 }),
    ).toBeVisible()
  },
}

/** The plan could not be loaded; Retry tries again. */
export const Failed: Story = {
  parameters: {
    payg: {
      scenario: 'legacySubscription',
      setup: (mock: PaygMock) => {
        mock.failNext('getSubscription', { status: 500 })
        mock.failNext('getSubscription', { status: 500 })
      },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('Your plan could not be loaded.')).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }))
    await expect(await canvas.findByText('API Standard')).toBeVisible()
  },
}

/** Dark theme. */
export const Dark: Story = {
  parameters: { payg: { scenario: 'legacySubscription', theme: 'dark' } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/cheaper by/)).toBeVisible()
  },
}

/** German, every string from the shipped catalog (`@payg-kit/ui/locales/de`). */
export const German: Story = {
  parameters: {
    payg: {
      scenario: 'legacySubscription',
      locale: 'de-DE',
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText(/günstiger gewesen/)).toBeVisible()
    await expect(canvas.getByText('24.000 Credits zu je 0,0012 $ = 28,80 $')).toBeVisible()
  },
}
