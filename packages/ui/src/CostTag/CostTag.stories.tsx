import { credits, usd } from '@payg-kit/core'
import { useCreateGeneration } from '@payg-kit/react'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { CostTag } from './CostTag'

const meta = {
  title: 'Widgets/CostTag',
  component: CostTag,
  args: { cost: usd('0.048') },
} satisfies Meta<typeof CostTag>

export default meta
type Story = StoryObj<typeof meta>

/** A cost in dollars, exact to the last digit. */
export const Dollars: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('$0.048')).toBeVisible()
  },
}

/** A legacy plan's cost in credits. */
export const Credits: Story = {
  args: { cost: credits(40) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('40 credits')).toBeVisible()
  },
}

/** A custom-deal price, with the list price struck through beside it. */
export const Discounted: Story = {
  args: { cost: usd('0.0384'), listCost: usd('0.048') },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('$0.048')).toBeVisible()
  },
}

function GenerateAndShowCost() {
  const generation = useCreateGeneration()
  const request = {
    prompt: 'a lighthouse at dusk',
    modelId: 'b24e16ff-06e3-43eb-8d33-4416c2d75876',
    num_images: 4,
    width: 1024,
    height: 1024,
    alchemy: true,
  }
  return (
    <p>
      <button type="button" className="payg-button" onClick={() => generation.mutate(request)}>
        Generate
      </button>{' '}
      {generation.data && <CostTag cost={generation.data.cost} />}
    </p>
  )
}

/** The cost the mock charged for a real generation: `<CostTag cost={job.cost} />`. */
export const FromAGeneration: Story = {
  render: () => <GenerateAndShowCost />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Generate' }))
    await expect(await canvas.findByText('$0.048')).toBeVisible()
  },
}

/** The same generation on a legacy plan is charged in credits. */
export const FromALegacyPlanGeneration: Story = {
  parameters: { payg: { scenario: 'legacySubscription' } },
  render: () => <GenerateAndShowCost />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Generate' }))
    await expect(await canvas.findByText('40 credits')).toBeVisible()
  },
}

/** Dark theme. */
export const Dark: Story = {
  args: { cost: usd('0.0384'), listCost: usd('0.048') },
  parameters: { payg: { theme: 'dark' } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('$0.0384')).toBeVisible()
  },
}

/** German locale, with overridden strings. */
export const German: Story = {
  args: { cost: usd('0.0384'), listCost: usd('0.048') },
  parameters: {
    payg: {
      locale: 'de-DE',
      messages: { 'costTag.label': 'Kosten:', 'costTag.listPrice': 'Listenpreis' },
    },
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('0,0384 $')).toBeVisible()
  },
}
