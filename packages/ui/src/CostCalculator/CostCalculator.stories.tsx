import type { PaygMock } from '@payg-kit/msw'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, within } from 'storybook/test'
import { CostCalculator } from './CostCalculator'

const meta = {
  title: 'Widgets/CostCalculator',
  component: CostCalculator,
  args: { onApplySuggestion: fn() },
} satisfies Meta<typeof CostCalculator>

export default meta
type Story = StoryObj<typeof meta>

/** List prices: 4 Leonardo Phoenix images at 1024x1024, and what the balance covers. */
export const Default: Story = {
  parameters: { payg: { scenario: 'healthy' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('$0.048')).toBeVisible()
    await expect(canvas.getByText('$0.012 per image')).toBeVisible()
  },
}

/** While the first price loads. */
export const Loading: Story = {
  parameters: {
    payg: { setup: (mock: PaygMock) => mock.failNext('pricingCalculator', { mode: 'hang' }) },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('img', { name: 'Calculating price…' })).toBeVisible()
  },
}

/** A custom deal: your price beside the list price. */
export const Discounted: Story = {
  parameters: { payg: { scenario: 'customDiscounts' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('$0.0384')).toBeVisible()
    await expect(await canvas.findByText('List price $0.048')).toBeVisible()
  },
}

/** More than 4 images with a side over 768 px: explained on the field, nothing is priced. */
export const TooManyImages: Story = {
  parameters: { payg: { scenario: 'healthy' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByText('$0.048')
    const count = canvas.getByLabelText('Number of images')
    await userEvent.clear(count)
    await userEvent.type(count, '8')
    await expect(
      await canvas.findByText('At most 4 images when a side is over 768 px.'),
    ).toBeVisible()
  },
}

/** A Veo 3 clip at 720p, one price whatever its length (Leonardo's calculator takes no duration). */
export const Video: Story = {
  args: { defaultService: 'VEO3_MOTION_VIDEO_GENERATION' },
  parameters: { payg: { scenario: 'healthy' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('$2.40')).toBeVisible()
  },
}

/** Requests per day -> spend -> a suggested auto top-up, applied in one click. */
export const Planner: Story = {
  parameters: { payg: { scenario: 'healthy' } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await canvas.findByText('$0.048')
    const perDay = canvas.getByLabelText('Requests per day')
    await userEvent.clear(perDay)
    await userEvent.type(perDay, '500')
    await userEvent.click(canvas.getByRole('button', { name: 'Apply to auto top-up' }))
    await expect(args.onApplySuggestion).toHaveBeenCalledWith({ threshold: 48, amount: 168 })
  },
}

/** A legacy plan prices in credits. */
export const LegacyPlanCredits: Story = {
  parameters: { payg: { scenario: 'legacySubscription' } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('40 credits')).toBeVisible()
  },
}

/** The price could not be calculated; Retry tries again. */
export const Failed: Story = {
  parameters: {
    payg: { setup: (mock: PaygMock) => mock.failNext('pricingCalculator', { status: 500 }) },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('The price could not be calculated.')).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }))
    await expect(await canvas.findByText('$0.048')).toBeVisible()
  },
}

/** Dark theme. */
export const Dark: Story = {
  parameters: { payg: { scenario: 'customDiscounts', theme: 'dark' } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('$0.0384')).toBeVisible()
  },
}

/** German, every string from the shipped catalog (`@payg-kit/ui/locales/de`). */
export const German: Story = {
  parameters: {
    payg: {
      scenario: 'customDiscounts',
      locale: 'de-DE',
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('0,0384 $')).toBeVisible()
    await expect(await canvas.findByText('Listenpreis 0,048 $')).toBeVisible()
  },
}
