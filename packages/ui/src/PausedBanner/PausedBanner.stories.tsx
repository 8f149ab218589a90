import type { PaygMock } from '@payg-kit/msw'
import { useCreateGeneration } from '@payg-kit/react'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, within } from 'storybook/test'
import { BalanceBadge } from '../BalanceBadge/BalanceBadge'
import { PausedBanner } from './PausedBanner'

const meta = {
  title: 'Widgets/PausedBanner',
  component: PausedBanner,
  args: { onTopUpClick: fn() },
} satisfies Meta<typeof PausedBanner>

export default meta
type Story = StoryObj<typeof meta>

/** At a zero balance: requests are paused, with a top-up action. */
export const Paused: Story = {
  parameters: { payg: { scenario: 'zeroBalance' } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Requests are paused')
    await userEvent.click(canvas.getByRole('button', { name: 'Top up' }))
    await expect(args.onTopUpClick).toHaveBeenCalled()
  },
}

/** With a top-up form in place; the banner goes once credit is added. */
export const WithTopUpForm: Story = {
  args: { onTopUpClick: undefined, showTopUpForm: true },
  parameters: { payg: { scenario: 'zeroBalance' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('alert')).toBeVisible()
    await expect(await canvas.findByText(/Pays with Visa/)).toBeVisible()
  },
}

/** After a top-up in its own form: a confirmation takes the banner's place, and the focus. */
export const ResumedAfterTopUp: Story = {
  args: { onTopUpClick: undefined, showTopUpForm: true },
  parameters: { payg: { scenario: 'zeroBalance' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('alert')).toBeVisible()
    await userEvent.click(await canvas.findByRole('radio', { name: '$25' }))
    await userEvent.click(canvas.getByRole('button', { name: 'Add $25' }))
    const resumed = await canvas.findByText(/^Credit added: requests run again/)
    await expect(resumed).toHaveFocus()
  },
}

function GenerateButton() {
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
    <button type="button" className="payg-button" onClick={() => generation.mutate(request)}>
      Generate 4 images ($0.048)
    </button>
  )
}

/** A request the balance cannot cover is refused: the banner says by how much. */
export const AfterARefusal: Story = {
  parameters: { payg: { setup: (mock: PaygMock) => mock.state.setBalance('0.02') } },
  render: (args) => (
    <>
      <PausedBanner {...args} />
      <p>
        <GenerateButton />
      </p>
    </>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: /Generate/ }))
    await expect(await canvas.findByRole('alert')).toHaveTextContent('$0.028 short')
  },
}

/** While requests run, the banner renders nothing (shown here beside a balance badge). */
export const NotPaused: Story = {
  render: (args) => (
    <>
      <BalanceBadge />
      <PausedBanner {...args} />
    </>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText(/^\$\d/)).toBeVisible()
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}

/** Dark theme. */
export const Dark: Story = {
  parameters: { payg: { scenario: 'zeroBalance', theme: 'dark' } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toBeVisible()
  },
}

/** German, every string from the shipped catalog (`@payg-kit/ui/locales/de`). */
export const German: Story = {
  parameters: {
    payg: {
      scenario: 'zeroBalance',
      locale: 'de-DE',
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Anfragen pausiert')
    await expect(canvas.getByRole('button', { name: 'Aufladen' })).toBeVisible()
  },
}
