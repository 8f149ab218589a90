import type { GenerationRequest, PricingRequest } from '@payg-kit/core'
import { useCreateGeneration, useQuote } from '@payg-kit/react'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { CostTag } from './CostTag'

// Every story shows what the mock charged for a generation it ran, in the story's scenario.
const meta = {
  title: 'Widgets/CostTag',
  component: CostTag,
} satisfies Meta<typeof CostTag>

export default meta
// The stories render a generation, not CostTag's args, so they take none.
type Story = StoryObj

// Leonardo Lightning XL with Alchemy, 4 images at 1024x1024: the published $0.048 example.
const lightning: GenerationRequest = {
  prompt: 'a lighthouse at dusk',
  modelId: 'b24e16ff-06e3-43eb-8d33-4416c2d75876',
  num_images: 4,
  width: 1024,
  height: 1024,
  alchemy: true,
}

// The same with Leonardo Phoenix 1.0, which the customDiscounts account buys at 20% off.
const phoenix: GenerationRequest = { ...lightning, modelId: 'de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3' }
const phoenixPricing: PricingRequest = {
  service: 'IMAGE_GENERATION',
  serviceParams: {
    IMAGE_GENERATION: {
      imageWidth: 1024,
      imageHeight: 1024,
      numImages: 4,
      isPhoenix: true,
      alchemyMode: true,
    },
  },
}

/** Runs a generation on click and tags it with the cost the server charged. */
function GenerateAndShowCost({ request }: { request: GenerationRequest }) {
  const generation = useCreateGeneration()
  return (
    <p>
      <button type="button" className="payg-button" onClick={() => generation.mutate(request)}>
        Generate
      </button>{' '}
      {generation.data && <CostTag cost={generation.data.cost} />}
    </p>
  )
}

/** The same, with the list price from the account's quote beside a discounted cost. */
function GenerateWithListPrice() {
  const generation = useCreateGeneration()
  const quote = useQuote(phoenixPricing)
  const listCost = quote.data && quote.data.discountPercent > 0 ? quote.data.listCost : undefined
  return (
    <p>
      <button type="button" className="payg-button" onClick={() => generation.mutate(phoenix)}>
        Generate
      </button>{' '}
      {generation.data && <CostTag cost={generation.data.cost} listCost={listCost} />}
    </p>
  )
}

const generate = async (canvasElement: HTMLElement) => {
  const canvas = within(canvasElement)
  await userEvent.click(canvas.getByRole('button', { name: 'Generate' }))
  return canvas
}

/** A generation's cost in dollars, exact to the last digit: `<CostTag cost={job.cost} />`. */
export const Dollars: Story = {
  render: () => <GenerateAndShowCost request={lightning} />,
  play: async ({ canvasElement }) => {
    const canvas = await generate(canvasElement)
    await expect(await canvas.findByText('$0.048')).toBeVisible()
  },
}

/** The same generation on a legacy plan is charged in credits. */
export const Credits: Story = {
  parameters: { payg: { scenario: 'legacySubscription' } },
  render: () => <GenerateAndShowCost request={lightning} />,
  play: async ({ canvasElement }) => {
    const canvas = await generate(canvasElement)
    await expect(await canvas.findByText('40 credits')).toBeVisible()
  },
}

/** A custom-deal price, with the list price struck through beside it. */
export const Discounted: Story = {
  parameters: { payg: { scenario: 'customDiscounts' } },
  render: () => <GenerateWithListPrice />,
  play: async ({ canvasElement }) => {
    const canvas = await generate(canvasElement)
    await expect(await canvas.findByText('$0.0576')).toBeVisible()
    await expect(await canvas.findByText('$0.072')).toBeVisible()
  },
}

/** Dark theme. */
export const Dark: Story = {
  parameters: { payg: { scenario: 'customDiscounts', theme: 'dark' } },
  render: () => <GenerateWithListPrice />,
  play: async ({ canvasElement }) => {
    const canvas = await generate(canvasElement)
    await expect(await canvas.findByText('$0.0576')).toBeVisible()
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
  render: () => <GenerateWithListPrice />,
  play: async ({ canvasElement }) => {
    const canvas = await generate(canvasElement)
    await expect(await canvas.findByText('0,0576 $')).toBeVisible()
    await expect(await canvas.findByText('0,072 $')).toBeVisible()
  },
}
