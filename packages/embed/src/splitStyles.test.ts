import { describe, expect, it } from 'vitest'
import { blockOf, splitStyles } from '../scripts/splitStyles.mjs'

const CSS = `
/* Tokens */
.payg-root { --payg-space-1: 0.25rem; }
.payg-button { padding: 0; }

/* BalanceBadge */
.payg-balance-badge { display: inline-flex; }
.payg-balance-badge--low .payg-balance-badge__amount { color: red; }
@container (max-width: 30rem) {
  .payg-balance-badge__amount { font-size: 1rem; }
  .payg-button { width: 100%; }
}
.payg-spend-chart__scroll,
.payg-transaction-history__scroll,
.payg-root :is(.payg-a, .payg-b) { overflow-x: auto; }
.payg-paused-banner .payg-top-up-form { margin: 0; }
.payg-switch[data-x="{"] { gap: 1px; }
@keyframes payg-pulse { 50% { opacity: 0.5; } }
`

const WIDGETS = ['BalanceBadge', 'SpendChart', 'TransactionHistory', 'PausedBanner', 'TopUpForm']

/** Whitespace out, so parts compare by their rules. */
const squash = (css: string | undefined) => css?.replace(/\s+/g, '') ?? ''

describe('splitStyles', () => {
  it("gives each widget the rules that name its block, and the rest to the base, in the source's order", () => {
    const { base, widgets } = splitStyles(CSS, WIDGETS)
    expect(squash(widgets.BalanceBadge)).toBe(
      squash(`.payg-balance-badge { display: inline-flex; }
        .payg-balance-badge--low .payg-balance-badge__amount { color: red; }
        @container (max-width: 30rem) { .payg-balance-badge__amount { font-size: 1rem; } }`),
    )
    expect(squash(base)).toBe(
      squash(`.payg-root { --payg-space-1: 0.25rem; }
        .payg-button { padding: 0; }
        @container (max-width: 30rem) { .payg-button { width: 100%; } }
        .payg-root :is(.payg-a, .payg-b) { overflow-x: auto; }
        .payg-switch[data-x="{"] { gap: 1px; }
        @keyframes payg-pulse { 50% { opacity: 0.5; } }`),
    )
  })

  it('splits a selector list between widgets, and gives a selector naming two to the outer one', () => {
    const { widgets } = splitStyles(CSS, WIDGETS)
    expect(squash(widgets.SpendChart)).toBe(
      squash('.payg-spend-chart__scroll { overflow-x: auto; }'),
    )
    expect(squash(widgets.TransactionHistory)).toBe(
      squash('.payg-transaction-history__scroll { overflow-x: auto; }'),
    )
    expect(squash(widgets.PausedBanner)).toBe(
      squash('.payg-paused-banner .payg-top-up-form { margin: 0; }'),
    )
    // TopUpForm's block appears only inside the banner's rule: no rule of its own here.
    expect(widgets.TopUpForm).toBeUndefined()
  })

  it('places each component where its first rule is, so its rules keep their place in the cascade', () => {
    const { order, widgets } = splitStyles(CSS, [...WIDGETS, 'Button', 'Switch'])
    // The button's first rule is the sheet's second; the badge's the third; the chart's and the
    // history's share a rule; a rule inside a group counts where it is.
    expect(order).toEqual({
      Button: 2,
      BalanceBadge: 3,
      SpendChart: 8,
      TransactionHistory: 8,
      PausedBanner: 9,
      Switch: 10,
    })
    expect(squash(widgets.Button)).toBe(
      squash(
        '.payg-button { padding: 0; } @container (max-width: 30rem) { .payg-button { width: 100%; } }',
      ),
    )
  })

  it('names blocks as the stylesheet does', () => {
    expect(blockOf('BalanceBadge')).toBe('payg-balance-badge')
    expect(blockOf('Switch')).toBe('payg-switch')
  })
})
