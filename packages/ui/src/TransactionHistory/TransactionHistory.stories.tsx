import type { PaygMock } from '@payg-kit/msw'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { TransactionHistory } from './TransactionHistory'

const meta = {
  title: 'Widgets/TransactionHistory',
  component: TransactionHistory,
} satisfies Meta<typeof TransactionHistory>

export default meta
type Story = StoryObj<typeof meta>

/** A PAYG account's ledger: usage, a top-up and the free credit, newest first. */
export const Healthy: Story = {
  parameters: { payg: { scenario: 'healthy' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('grid', { name: 'Transactions' })).toBeVisible()
    await expect(canvas.getAllByRole('row')).toHaveLength(21)
  },
}

/** While the first page loads. */
export const Loading: Story = {
  parameters: {
    payg: { setup: (mock: PaygMock) => mock.failNext('listTransactions', { mode: 'hang' }) },
  },
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByRole('img', { name: 'Loading transactions…' }),
    ).toBeVisible()
  },
}

/** A new account filtered to usage: nothing yet. */
export const Empty: Story = {
  args: { defaultType: 'USAGE' },
  parameters: { payg: { scenario: 'newAccount' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('No “Usage” transactions yet.')).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'Show all types' })).toBeVisible()
  },
}

/** Filtered to the automatic top-ups that ran. */
export const AutoTopUps: Story = {
  args: { defaultType: 'AUTO_TOP_UP' },
  parameters: { payg: { scenario: 'autoTopUpOn' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('grid')).toBeVisible()
    await expect(canvas.getAllByRole('gridcell', { name: 'Auto top-up' }).length).toBeGreaterThan(0)
  },
}

/** "Load more" adds the next page and says how many rows came in. */
export const LoadMore: Story = {
  parameters: { payg: { scenario: 'healthy' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Load more' }))
    await expect(await canvas.findByText('20 more transactions loaded')).toBeInTheDocument()
    await expect(canvas.getAllByRole('row')).toHaveLength(41)
  },
}

/** A data grid with one tab stop: Tab reaches the first row, the arrow keys move the focus ring. */
export const KeyboardFocus: Story = {
  parameters: { payg: { scenario: 'healthy' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const grid = await canvas.findByRole('grid', { name: 'Transactions' })
    const rows = within(grid).getAllByRole('row')
    // The type filter, Export CSV, then the grid's first row.
    await userEvent.tab()
    await userEvent.tab()
    await userEvent.tab()
    await expect(rows[1]).toHaveFocus()
    await userEvent.keyboard('{ArrowDown}')
    await expect(rows[2]).toHaveFocus()
  },
}

/** The ledger could not be loaded; Retry tries again. */
export const Failed: Story = {
  parameters: {
    payg: {
      setup: (mock: PaygMock) => {
        mock.failNext('listTransactions', { status: 500 })
        mock.failNext('listTransactions', { status: 500 })
      },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('Transactions could not be loaded.')).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }))
    await expect(await canvas.findByRole('grid')).toBeVisible()
  },
}

/** Dark theme. */
export const Dark: Story = {
  parameters: { payg: { scenario: 'autoTopUpOn', theme: 'dark' } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('grid')).toBeVisible()
  },
}

/** German, every string from the shipped catalog (`@payg-kit/ui/locales/de`). */
export const German: Story = {
  parameters: {
    payg: {
      scenario: 'healthy',
      locale: 'de-DE',
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('grid', { name: 'Transaktionen' })).toBeVisible()
    await expect(canvas.getAllByRole('gridcell', { name: 'Nutzung' }).length).toBeGreaterThan(0)
  },
}

/** In a 320 px container the ledger is a stacked list: description and amount, then date, type and balance. */
export const Narrow: Story = {
  parameters: { payg: { scenario: 'healthy' } },
  decorators: [
    (Story) => (
      <div style={{ width: 320 }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByRole('grid', { name: 'Transactions' }),
    ).toBeVisible()
  },
}
