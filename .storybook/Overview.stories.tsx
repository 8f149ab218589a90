import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, within } from 'storybook/test'
import {
  AutoTopUpSettings,
  BalanceBadge,
  CostCalculator,
  SpendChart,
  TopUpForm,
  TransactionHistory,
} from '../packages/ui/src/widgets'

/** The kit at a glance: the widgets of a billing page, live against one mock account. */
function Overview() {
  return (
    <div className="payg-overview">
      <div className="payg-overview__bar">
        <strong>Billing</strong>
        <BalanceBadge />
      </div>
      <TopUpForm />
      <AutoTopUpSettings />
      <SpendChart className="payg-overview__wide" days={14} />
      <CostCalculator />
      <TransactionHistory pageSize={5} />
    </div>
  )
}

const meta = {
  title: 'Overview',
  component: Overview,
  parameters: { payg: { scenario: 'healthy' }, docs: { disable: true } },
  tags: ['!autodocs'],
} satisfies Meta<typeof Overview>

export default meta
type Story = StoryObj<typeof meta>

/** Balance, top-up, auto top-up, spend, prices and history of one healthy account. */
export const AtAGlance: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    // Every widget has its data: the balance, the card, the history's rows.
    await expect((await canvas.findAllByText(/Visa ending in 4242/))[0]).toBeVisible()
    await expect((await canvas.findAllByRole('row')).length).toBeGreaterThan(1)
  },
}
