import { Component, type ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { BalanceBadge, SpendChart, TopUpForm, TransactionHistory } from '../index'
import { allowConsoleErrors } from '../test/allowConsoleErrors'
import { renderWithMock } from '../test/renderWithMock'

// The app's own boundary: what a widget lets through reaches it.
class AppBoundary extends Component<{ children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {}
  static getDerivedStateFromError(error: Error) {
    return { error }
  }
  override render() {
    return this.state.error ? <p role="alert">{this.state.error.message}</p> : this.props.children
  }
}

// React reports the error a boundary caught on console.error: these tests expect exactly that.
allowConsoleErrors(/\[payg-kit\]|AppBoundary/)

describe('a prop passed wrong', () => {
  it.each<[string, () => ReactNode, RegExp]>([
    [
      'BalanceBadge lowThreshold={NaN}',
      () => <BalanceBadge lowThreshold={Number.NaN} />,
      /BalanceBadge: lowThreshold/,
    ],
    [
      'BalanceBadge lowThreshold={-1}',
      () => <BalanceBadge lowThreshold={-1} />,
      /BalanceBadge: lowThreshold/,
    ],
    [
      'TopUpForm min={NaN}',
      () => <TopUpForm min={Number.NaN} />,
      /TopUpForm: min must be whole dollars, 1 or more, got NaN/,
    ],
    [
      'TopUpForm max={Infinity}',
      () => <TopUpForm max={Number.POSITIVE_INFINITY} />,
      /TopUpForm: max must/,
    ],
    [
      'TopUpForm min over max',
      () => <TopUpForm min={50} max={20} />,
      /TopUpForm: min 50 is over max 20/,
    ],
    [
      'TopUpForm presets with cents',
      () => <TopUpForm presets={[10, 10.5]} />,
      /TopUpForm: presets must be whole dollars, 1 or more, got 10.5/,
    ],
    [
      'TopUpForm presets twice',
      () => <TopUpForm presets={[10, 10, 25]} />,
      /TopUpForm: presets must be distinct/,
    ],
    [
      'TransactionHistory pageSize={0}',
      () => <TransactionHistory pageSize={0} />,
      /TransactionHistory: pageSize/,
    ],
    ['SpendChart days={0}', () => <SpendChart days={0} />, /SpendChart: days/],
  ])(
    '%s reaches the app with a message naming the prop, not the server',
    async (_, widget, message) => {
      const { screen } = await renderWithMock(<AppBoundary>{widget()}</AppBoundary>)
      const alert = screen.getByRole('alert')
      await expect.element(alert).toHaveTextContent(message)
      await expect.element(alert).toHaveTextContent(/^\[payg-kit\]/)
      expect(document.querySelector('.payg-widget-error')).toBeNull()
    },
  )
})
