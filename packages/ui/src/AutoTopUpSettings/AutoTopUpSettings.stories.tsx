import type { PaygMock } from '@payg-kit/msw'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, within } from 'storybook/test'
import { AutoTopUpSettings } from './AutoTopUpSettings'

const meta = {
  title: 'Widgets/AutoTopUpSettings',
  component: AutoTopUpSettings,
  args: { onSaved: fn(), onManagePaymentMethod: fn() },
} satisfies Meta<typeof AutoTopUpSettings>

export default meta
type Story = StoryObj<typeof meta>

/** An account that has never set up auto top-up. */
export const Off: Story = {
  parameters: { payg: { scenario: 'healthy' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(
      await canvas.findByRole('switch', { name: 'Top up automatically' }),
    ).not.toBeChecked()
  },
}

/** While the settings load. */
export const Loading: Story = {
  parameters: {
    payg: { setup: (mock: PaygMock) => mock.failNext('getAutoTopUp', { mode: 'hang' }) },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('img', { name: 'Loading auto top-up settings…' })).toBeVisible()
  },
}

/** On, with the month's top-ups and the last one that ran. */
export const On: Story = {
  parameters: { payg: { scenario: 'autoTopUpOn' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText(/^Succeeded: \$50\.00 added on/)).toBeVisible()
    await expect(canvas.getByRole('switch', { name: 'Top up automatically' })).toBeChecked()
  },
}

/** The balance is already below the new threshold: saving will top up at once. */
export const WillTopUpNow: Story = {
  parameters: { payg: { scenario: 'lowBalance' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('switch', { name: 'Top up automatically' }))
    await userEvent.clear(canvas.getByLabelText('When the balance falls below'))
    await userEvent.type(canvas.getByLabelText('When the balance falls below'), '10')
    await userEvent.clear(canvas.getByLabelText('Add this amount'))
    await userEvent.type(canvas.getByLabelText('Add this amount'), '20')
    await expect(await canvas.findByText(/^Saving will add \$20\.00 now/)).toBeVisible()
  },
}

/** A small amount below a high threshold: saving adds several times the amount in one payment, and the form says so. */
export const SeveralTopUps: Story = {
  parameters: { payg: { scenario: 'lowBalance' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('switch', { name: 'Top up automatically' }))
    await userEvent.clear(canvas.getByLabelText('When the balance falls below'))
    await userEvent.type(canvas.getByLabelText('When the balance falls below'), '500')
    await userEvent.clear(canvas.getByLabelText('Add this amount'))
    await userEvent.type(canvas.getByLabelText('Add this amount'), '5')
    await expect(
      await canvas.findByText(/will add \$500\.00 at once \(100 × \$5\.00\)\.$/),
    ).toBeVisible()
  },
}

/** Invalid values are explained on their fields, and kept. */
export const Invalid: Story = {
  parameters: { payg: { scenario: 'healthy' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('switch', { name: 'Top up automatically' }))
    await userEvent.clear(canvas.getByLabelText('When the balance falls below'))
    await userEvent.type(canvas.getByLabelText('When the balance falls below'), '12.5')
    await userEvent.clear(canvas.getByLabelText('Add this amount'))
    await userEvent.type(canvas.getByLabelText('Add this amount'), '3')
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }))
    await expect(canvas.getByText('Whole dollars only: leave out the cents.')).toBeVisible()
    await expect(canvas.getByText('The smallest top-up is $5.00.')).toBeVisible()
    await expect(canvas.getByLabelText('When the balance falls below')).toHaveValue('12.5')
  },
}

/** Suggested values from CostCalculator's planner, ready to review and save. */
export const SuggestedByPlanner: Story = {
  args: { suggestion: { threshold: 10, amount: 34 } },
  parameters: { payg: { scenario: 'healthy' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText(/^Suggested by the planner/)).toBeVisible()
    await expect(canvas.getByLabelText('Add this amount')).toHaveValue('34')
  },
}

/** Turned itself off after repeated declines: update the card. */
export const TurnedOffAfterDeclines: Story = {
  parameters: { payg: { scenario: 'paymentDeclined' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(
      await canvas.findByText(/^Auto top-up turned itself off after repeated declined payments/),
    ).toBeVisible()
    await expect(canvas.getByText(/^Declined: \$50\.00 not added on/)).toBeVisible()
  },
}

/** The monthly limit stopped the last automatic top-up. */
export const MonthlyLimitReached: Story = {
  parameters: {
    payg: {
      setup: (mock: PaygMock) => {
        // A $50 top-up uses up the $50 limit; the next crossing is refused.
        mock.state.setAutoTopUp({ enabled: true, threshold: 200, amount: 50, monthlyCap: 50 })
        mock.state.setAutoTopUp({ enabled: true, threshold: 100, amount: 50, monthlyCap: 50 })
        mock.state.setAutoTopUp({ enabled: true, threshold: 200, amount: 50, monthlyCap: 50 })
      },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText(/^Monthly limit reached: \$50\.00/)).toBeVisible()
  },
}

/** The settings could not be loaded; Retry tries again. */
export const Failed: Story = {
  parameters: {
    payg: {
      setup: (mock: PaygMock) => {
        mock.failNext('getAutoTopUp', { status: 500 })
        mock.failNext('getAutoTopUp', { status: 500 })
      },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(
      await canvas.findByText('Auto top-up settings could not be loaded.', {}, { timeout: 3000 }),
    ).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }))
    await expect(await canvas.findByRole('switch', { name: 'Top up automatically' })).toBeVisible()
  },
}

/** Dark theme. */
export const Dark: Story = {
  parameters: { payg: { scenario: 'autoTopUpOn', theme: 'dark' } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/^Succeeded:/)).toBeVisible()
  },
}

/** German, every string from the shipped catalog (`@payg-kit/ui/locales/de`). */
export const German: Story = {
  parameters: {
    payg: {
      scenario: 'autoTopUpOn',
      locale: 'de-DE',
    },
  },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/^Erfolgreich: 50,00 \$ am/)).toBeVisible()
  },
}
