import type { PaygMock } from '@payg-kit/msw'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { SpendChart } from './SpendChart'

const meta = {
  title: 'Widgets/SpendChart',
  component: SpendChart,
  args: { days: 30 },
} satisfies Meta<typeof SpendChart>

export default meta
type Story = StoryObj<typeof meta>

/** Thirty days of usage, stacked by service. */
export const Healthy: Story = {
  parameters: { payg: { scenario: 'healthy' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('img', { name: /^Spend from / })).toBeVisible()
    await expect(canvas.getByRole('list', { name: 'Services' })).toBeVisible()
  },
}

/** A busier account over two weeks. */
export const TwoWeeks: Story = {
  args: { days: 14 },
  parameters: { payg: { scenario: 'autoTopUpOn' } },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByRole('img', { name: /^Spend from / }),
    ).toBeVisible()
  },
}

/** An account with `days` of usage ending now, and money enough for all of it. */
const history = (days: number) => (mock: PaygMock) =>
  mock.use({
    description: `${days} days of usage`,
    account: {
      createdDaysAgo: days + 5,
      topUps: [{ amount: 5000, daysAgo: days + 1 }],
      usageDays: days,
      usagePerDay: [0, 3],
    },
  })

/** Five years in one request: a bar per calendar month, labelled by month and year. */
export const FiveYears: Story = {
  args: { days: 5 * 365 + 1 },
  parameters: { payg: { setup: history(5 * 365 + 1) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('img', { name: /^Spend from / })).toBeVisible()
    await expect(canvas.getByText('Spend per month')).toBeVisible()
    await userEvent.tab()
    await userEvent.keyboard('{ArrowLeft}')
    // The month before this one, whole: "February 2026".
    await expect(canvas.getByRole('status')).toHaveTextContent(/^[A-Z][a-z]+ \d{4}: /)
  },
}

/** A year in one request: a bar per ISO week, Monday to Sunday. */
export const OneYear: Story = {
  args: { days: 365 },
  parameters: { payg: { setup: history(365) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('img', { name: /^Spend from / })).toBeVisible()
    await expect(canvas.getByText('Spend per week')).toBeVisible()
    await userEvent.tab()
    await userEvent.keyboard('{ArrowLeft}')
    // Last week, Monday to Sunday: "Mar 2 – 8, 2026".
    await expect(canvas.getByRole('status')).toHaveTextContent(
      /^[A-Z][a-z]{2} \d{1,2}.* – .*\d{4}: /,
    )
  },
}

/** Five years in German, from the shipped catalog: "Februar 2026", "Ausgaben pro Monat". */
export const FiveYearsGerman: Story = {
  args: { days: 5 * 365 + 1 },
  parameters: { payg: { setup: history(5 * 365 + 1), locale: 'de-DE' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('img', { name: /^Ausgaben vom / })).toBeVisible()
    await expect(canvas.getByText('Ausgaben pro Monat')).toBeVisible()
  },
}

/** The same figures as a table, with exact amounts. */
export const AsTable: Story = {
  parameters: { payg: { scenario: 'healthy' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByText('Show as table'))
    await expect(await canvas.findByRole('table')).toBeVisible()
  },
}

/** While usage loads. */
export const Loading: Story = {
  parameters: { payg: { setup: (mock: PaygMock) => mock.failNext('getUsage', { mode: 'hang' }) } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('img', { name: 'Loading spend…' })).toBeVisible()
  },
}

/** A new account: no usage yet. */
export const Empty: Story = {
  parameters: { payg: { scenario: 'newAccount' } },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText('No usage in the last 30 days.'),
    ).toBeVisible()
  },
}

/** Usage could not be loaded; Retry tries again. */
export const Failed: Story = {
  parameters: {
    payg: {
      setup: (mock: PaygMock) => {
        mock.failNext('getUsage', { status: 500 })
        mock.failNext('getUsage', { status: 500 })
      },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('Spend could not be loaded.')).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }))
    await expect(await canvas.findByRole('img', { name: /^Spend from / })).toBeVisible()
  },
}

/** Dark theme: the chart colours change with it. */
export const Dark: Story = {
  parameters: { payg: { scenario: 'healthy', theme: 'dark' } },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByRole('img', { name: /^Spend from / }),
    ).toBeVisible()
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
    await expect(await canvas.findByRole('img', { name: /^Ausgaben vom / })).toBeVisible()
    await expect(canvas.getByRole('list', { name: 'Dienste' })).toBeVisible()
  },
}

/** A day in the tooltip, reached by keyboard: one tab stop, then the arrow keys. */
export const KeyboardTooltip: Story = {
  parameters: { payg: { scenario: 'healthy' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByRole('img', { name: /^Spend from / })
    await userEvent.tab()
    await expect(canvas.getByRole('group', { name: /Spend by service/ })).toHaveFocus()
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}')
    await expect(canvas.getByRole('status')).toHaveTextContent(/requests/)
  },
}

/** In a 320 px container: the same chart, its labels at the same size, fewer dates. */
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
      await within(canvasElement).findByRole('img', { name: /^Spend from / }),
    ).toBeVisible()
  },
}
