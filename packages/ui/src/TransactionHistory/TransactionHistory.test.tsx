import { usd } from '@payg-kit/core'
import { HttpResponse, http } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { displayMoney } from '../displayMoney'
import ja from '../locales/ja'
import { expectNoA11yViolations, mock, renderWithMock, worker } from '../test/renderWithMock'
import { TransactionHistory } from './TransactionHistory'

const widget = () => document.querySelector('.payg-transaction-history') as HTMLElement
// The rows drawn (a long history draws those near the viewport; spacers stand in for the rest).
const bodyRows = () =>
  document.querySelectorAll<HTMLElement>('.payg-transaction-history tbody tr[aria-rowindex]')
const rowCount = () =>
  Number(document.querySelector('.payg-transaction-history table')?.getAttribute('aria-rowcount'))
const focusedIndex = () => Number(document.activeElement?.getAttribute('aria-rowindex')) - 2
const row = (index: number) =>
  document.querySelector<HTMLElement>(`.payg-transaction-history [aria-rowindex="${index + 2}"]`)

/** The free credit and two adjustments, two to a page: a second page of one entry. */
const renderThreeEntriesTwoAPage = () =>
  renderWithMock(<TransactionHistory pageSize={2} />, {
    scenario: 'newAccount',
    setup: (paygMock) => {
      paygMock.state.setBalance('6')
      paygMock.state.setBalance('7')
    },
  })

describe('TransactionHistory', () => {
  it('shows a loading state, then the newest page of the ledger with readable types', async () => {
    const { screen, queryClient } = await renderWithMock(<TransactionHistory />, {
      setup: (paygMock) => paygMock.failNext('listTransactions', { mode: 'hang' }),
    })
    await expect.element(screen.getByRole('img', { name: 'Loading transactions…' })).toBeVisible()
    expect(widget().dataset.state).toBe('loading')
    await expectNoA11yViolations()

    await queryClient.cancelQueries()
    await queryClient.refetchQueries()
    const table = screen.getByRole('grid', { name: 'Transactions' })
    await expect.element(table).toBeVisible()
    expect(widget().dataset.state).toBe('ready')
    expect(bodyRows()).toHaveLength(20)
    for (const name of ['Date', 'Type', 'Description', 'Amount', 'Balance after']) {
      await expect.element(screen.getByRole('columnheader', { name })).toBeVisible()
    }
    // The newest entry: a usage charge with every sub-cent digit and a real minus sign, and the
    // balance after it in whole cents, rounded down, its exact amount in the title.
    const newest = mock.state.transactions()[0]
    expect(newest?.type).toBe('USAGE')
    expect(newest?.balanceAfter).toMatch(/\.\d{3,}$/)
    const first = screen.getByRole('row').nth(1)
    await expect.element(first).toHaveTextContent('Usage')
    await expect.element(first).toHaveTextContent(newest?.description ?? '')
    await expect.element(first).toHaveTextContent(`\u2212$${newest?.amount.slice(1)}`)
    const balance = first.getByRole('gridcell').last()
    await expect
      .element(balance)
      .toHaveTextContent(
        displayMoney(usd(newest?.balanceAfter ?? '0'), 'amount', { locale: 'en-US' }),
      )
    await expect.element(balance).toHaveAttribute('title', `$${newest?.balanceAfter}`)
    await expectNoA11yViolations()
  })

  it('shows credits with a plus sign, and filters by type from a labelled select', async () => {
    const { screen } = await renderWithMock(<TransactionHistory />)
    await expect.element(screen.getByRole('grid')).toBeVisible()
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'Top-up')
    await expect.poll(() => bodyRows().length).toBe(1)
    const row = screen.getByRole('row').nth(1)
    await expect.element(row).toHaveTextContent('Top-up')
    await expect.element(row).toHaveTextContent('+$100.00')
    expect(mock.state.transactions().filter((entry) => entry.type === 'TOP_UP')).toHaveLength(1)
    await expectNoA11yViolations()
  })

  it("shows a legacy plan's charges in credits, never with a dollar sign, and exports their unit", async () => {
    const createObjectURL = vi.spyOn(URL, 'createObjectURL')
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    try {
      const { screen } = await renderWithMock(<TransactionHistory />, {
        scenario: 'legacySubscription',
      })
      await expect.element(screen.getByRole('grid')).toBeVisible()
      expect(bodyRows()).toHaveLength(20)
      const newest = mock.state.transactions()[0]
      expect(newest).toMatchObject({ type: 'USAGE', unit: 'CREDITS', balanceAfter: '24000' })
      const first = screen.getByRole('row').nth(1)
      await expect.element(first).toHaveTextContent('Usage')
      const spent = Number(newest?.amount.slice(1)).toLocaleString('en-US')
      await expect
        .element(first.getByRole('gridcell').nth(3))
        .toHaveTextContent(`\u2212${spent} ${spent === '1' ? 'credit' : 'credits'}`)
      await expect.element(first.getByRole('gridcell').last()).toHaveTextContent('24,000 credits')
      expect(widget().textContent).not.toContain('$')

      await screen.getByRole('button', { name: 'Export CSV' }).click()
      await expect.poll(() => click.mock.calls.length).toBe(1)
      const blob = createObjectURL.mock.calls[0]?.[0] as Blob
      const lines = (await blob.text()).split('\r\n')
      expect(lines[1]).toBe(
        `"${newest?.createdAt}","USAGE","${newest?.description}","${newest?.amount}","24000","CREDITS","${newest?.service}","${newest?.id}"`,
      )
      await expectNoA11yViolations()
    } finally {
      createObjectURL.mockRestore()
      click.mockRestore()
    }
  })

  it('loads more from the keyboard, announces how many rows were added and moves focus to them', async () => {
    const { screen } = await renderWithMock(<TransactionHistory />)
    await expect.element(screen.getByRole('grid')).toBeVisible()
    const more = screen.getByRole('button', { name: 'Load more' })
    // Type filter, Export CSV, the grid's one tab stop (its first row), then Load more.
    await userEvent.keyboard('{Tab}{Tab}{Tab}')
    expect(document.activeElement).toBe(row(0))
    await userEvent.keyboard('{Tab}')
    await expect.element(more).toHaveFocus()
    await userEvent.keyboard('{Enter}')
    await expect
      .element(screen.getByRole('status'))
      .toHaveTextContent('20 more transactions loaded')
    await expect.poll(focusedIndex).toBe(20)
    expect(row(39)?.textContent).toContain(mock.state.transactions()[39]?.description)
    expect(row(20)?.textContent).toContain(mock.state.transactions()[20]?.description)
    expect(mock.requestCount('listTransactions')).toBe(2)
    await expectNoA11yViolations()
  })

  it('is a data grid with one tab stop: the arrow keys, Home, End and the page keys move focus row to row and cell to cell', async () => {
    const { screen } = await renderWithMock(<TransactionHistory />)
    const grid = screen.getByRole('grid', { name: 'Transactions' })
    await expect.element(grid).toBeVisible()
    const tabStops = () => widget().querySelectorAll('tbody [tabindex="0"]')
    const cell = (index: number, column: number) => row(index)?.querySelectorAll('td')[column]
    expect(tabStops()).toHaveLength(1)
    expect(tabStops()[0]).toBe(row(0))
    row(0)?.focus()
    await userEvent.keyboard('{ArrowDown}')
    expect(document.activeElement).toBe(row(1))
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}')
    expect(document.activeElement).toBe(row(2))
    // The tab stop follows focus: still one, on the focused row.
    expect([...tabStops()]).toEqual([row(2)])
    await userEvent.keyboard('{End}')
    expect(document.activeElement).toBe(row(19))
    await userEvent.keyboard('{Home}')
    expect(document.activeElement).toBe(row(0))
    await userEvent.keyboard('{ArrowUp}')
    expect(document.activeElement).toBe(row(0))
    // A page is the rows that can be seen, by the drawn rows' mean height (give or take one).
    const heights = [...bodyRows()].map((drawn) => drawn.offsetHeight)
    const page = Math.floor(innerHeight / (heights.reduce((a, b) => a + b, 0) / heights.length))
    await userEvent.keyboard('{PageDown}')
    expect(focusedIndex()).toBeGreaterThanOrEqual(Math.min(19, page - 1))
    expect(focusedIndex()).toBeLessThanOrEqual(Math.min(19, page + 1))
    await userEvent.keyboard('{PageUp}')
    expect(document.activeElement).toBe(row(0))

    // Right goes into the row's cells, Left back out; Up and Down keep the column.
    await userEvent.keyboard('{ArrowRight}')
    expect(document.activeElement).toBe(cell(0, 0))
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowDown}')
    expect(document.activeElement).toBe(cell(1, 2))
    await expect.element(screen.getByRole('gridcell').nth(7)).toHaveFocus()
    await userEvent.keyboard('{End}')
    expect(document.activeElement).toBe(cell(1, 4))
    await userEvent.keyboard('{ArrowRight}')
    expect(document.activeElement).toBe(cell(1, 4))
    await userEvent.keyboard('{Home}')
    expect(document.activeElement).toBe(cell(1, 0))
    await userEvent.keyboard('{Control>}{End}{/Control}')
    expect(document.activeElement).toBe(cell(19, 4))
    await userEvent.keyboard('{Control>}{Home}{/Control}')
    expect(document.activeElement).toBe(cell(0, 0))
    expect([...tabStops()]).toEqual([cell(0, 0)])
    await userEvent.keyboard('{ArrowLeft}')
    expect(document.activeElement).toBe(row(0))
    await expectNoA11yViolations()
  })

  it('loads the next page when Down goes past the last loaded row, announces it and focuses the next row', async () => {
    const { screen } = await renderWithMock(<TransactionHistory />)
    await expect.element(screen.getByRole('grid')).toBeVisible()
    expect(mock.state.transactions().length).toBeGreaterThan(40)
    row(0)?.focus()
    const release = mock.hold('listTransactions')
    await userEvent.keyboard('{End}{ArrowDown}')
    // While the page loads, focus stays on the last loaded row.
    await expect.element(screen.getByRole('button', { name: 'Loading more…' })).toBeVisible()
    expect(document.activeElement).toBe(row(19))
    release()
    await expect.poll(focusedIndex).toBe(20)
    expect(row(20)?.textContent).toContain(mock.state.transactions()[20]?.description)
    await expect
      .element(screen.getByRole('status'))
      .toHaveTextContent('20 more transactions loaded')
    expect(mock.requestCount('listTransactions')).toBe(2)
    // Down again moves on within what is loaded.
    await userEvent.keyboard('{ArrowDown}')
    expect(document.activeElement).toBe(row(21))
    await expectNoA11yViolations()
  })

  it('counts its rows as unknown (-1) while more pages are to load, then the header and every row', async () => {
    const { screen } = await renderThreeEntriesTwoAPage()
    await expect.element(screen.getByRole('grid')).toBeVisible()
    expect(rowCount()).toBe(-1)
    // The header row is row 1, the entries from 2.
    expect(widget().querySelector('thead tr')?.getAttribute('aria-rowindex')).toBe('1')
    expect(bodyRows()[0]?.getAttribute('aria-rowindex')).toBe('2')
    await screen.getByRole('button', { name: 'Load more' }).click()
    await expect.element(screen.getByRole('status')).toHaveTextContent('1 more transaction loaded')
    expect(rowCount()).toBe(4)
    expect(bodyRows()[2]?.getAttribute('aria-rowindex')).toBe('4')
    await expectNoA11yViolations()
  })

  describe('with a long history', () => {
    // A new account's free credit and 500 adjustments: 501 entries, newest first.
    const longHistory = {
      scenario: 'newAccount',
      setup: (paygMock: typeof mock) => {
        for (let index = 1; index <= 500; index++) {
          paygMock.ledger.setBalance(String(5 + index), `Adjustment ${index}`)
        }
      },
    } as const
    const loadPages = async (screen: Awaited<ReturnType<typeof renderWithMock>>['screen']) => {
      // Each page moves focus to its first row.
      for (const before of [100, 200, 300, 400, 500]) {
        await screen.getByRole('button', { name: 'Load more' }).click()
        await expect.poll(focusedIndex).toBe(before)
      }
      await expect.poll(rowCount).toBe(502)
    }

    it('settles on one window when rows differ in height from block to block', async () => {
      // Blocks of tall rows (long descriptions, wrapped in a narrow list) between short ones: the
      // drawn rows' mean differs with where the window is, and must not move the window for ever.
      const long =
        'Image generation, 8 images at 1536x1536 with Alchemy, PhotoReal and Prompt Magic (Leonardo Phoenix), a long description'
      const { screen } = await renderWithMock(
        <div style={{ width: 320 }}>
          <TransactionHistory pageSize={100} />
        </div>,
        {
          scenario: 'newAccount',
          setup: (paygMock) => {
            for (let index = 1; index <= 500; index++) {
              const tall = Math.floor(index / 30) % 2 === 0
              paygMock.ledger.setBalance(
                String(5 + index),
                tall ? `${long} ${index}` : `Fix ${index}`,
              )
            }
          },
        },
      )
      await expect.element(screen.getByRole('grid')).toBeVisible()
      for (const before of [100, 200, 300, 400, 500]) {
        await screen.getByRole('button', { name: 'Load more' }).click()
        await expect.poll(focusedIndex).toBe(before)
      }
      const body = widget().querySelector('tbody') as HTMLElement
      for (const at of [0.1, 0.25, 0.4, 0.55, 0.7, 0.85]) {
        window.scrollTo(0, body.getBoundingClientRect().top + scrollY + body.offsetHeight * at)
        // A few frames: a window that chases its own estimate would still be moving.
        for (let frame = 0; frame < 6; frame++) {
          await new Promise((resolve) => requestAnimationFrame(resolve))
        }
        const shown = [...bodyRows()].filter((one) => {
          const box = one.getBoundingClientRect()
          return box.bottom > 0 && box.top < innerHeight
        })
        expect(shown.length, `at ${at}`).toBeGreaterThan(0)
      }
      // (failOnConsole: React's "Maximum update depth exceeded" would fail the test too.)
    })

    it('draws only the rows near the viewport however many are loaded, and every one as it scrolls into view', async () => {
      const { screen } = await renderWithMock(<TransactionHistory pageSize={100} />, longHistory)
      await expect.element(screen.getByRole('grid')).toBeVisible()
      const perRow = (bodyRows()[0]?.querySelectorAll('*').length ?? 0) + 1
      await loadPages(screen)
      const ledger = mock.state.transactions()
      expect(ledger).toHaveLength(501)
      await expect
        .element(screen.getByRole('status'))
        .toHaveTextContent('1 more transaction loaded')
      await expect
        .element(screen.getByRole('button', { name: 'Load more' }))
        .not.toBeInTheDocument()
      // 501 rows loaded, at most 61 drawn (60 around the viewport and the focused one): the
      // widget's DOM is smaller than 100 rows would make it.
      expect(bodyRows().length).toBeLessThanOrEqual(61)
      expect(widget().querySelectorAll('*').length).toBeLessThan(100 * perRow)
      // Every drawn row says where it is in the whole table, and shows that entry.
      for (const drawn of bodyRows()) {
        const index = Number(drawn.getAttribute('aria-rowindex')) - 2
        expect(drawn.textContent).toContain(ledger[index]?.description)
      }
      // Focus went to the row the last page brought, which is drawn.
      await expect.poll(focusedIndex).toBe(500)
      expect(row(500)?.textContent).toContain('Free credit')

      // The top of the table: the newest rows are drawn again, the last ones are not.
      window.scrollTo(0, 0)
      await expect.poll(() => row(0)).not.toBeNull()
      expect(row(0)?.textContent).toContain(ledger[0]?.description)
      expect(row(499)).toBeNull()
      // The row that holds focus stays drawn, out of view, so focus is never lost.
      expect(document.activeElement).toBe(row(500))
      expect(bodyRows().length).toBeLessThanOrEqual(61)

      // The middle, then the end, as far down as the page goes.
      row(500)?.blur()
      const middle = document.querySelector('.payg-transaction-history tbody') as HTMLElement
      window.scrollTo(0, middle.getBoundingClientRect().top + scrollY + middle.offsetHeight / 2)
      await expect.poll(() => row(250)).not.toBeNull()
      expect(row(250)?.textContent).toContain(ledger[250]?.description)
      expect(row(0)).toBeNull()
      expect(row(400)).toBeNull()
      window.scrollTo(0, document.documentElement.scrollHeight)
      await expect.poll(() => row(499)).not.toBeNull()
      expect(row(499)?.textContent).toContain(ledger[499]?.description)
      expect(row(500)?.textContent).toContain('Free credit')
      expect(bodyRows().length).toBeLessThanOrEqual(61)
      await expectNoA11yViolations()
    })

    it('draws the rows a scrolling panel shows, wherever the panel sits in a tall window', async () => {
      const [width, height] = [innerWidth, innerHeight]
      await page.viewport(1024, 3000)
      try {
        const { screen } = await renderWithMock(
          <div style={{ marginTop: 2500, height: 400, overflowY: 'auto' }} data-testid="panel">
            <TransactionHistory pageSize={100} />
          </div>,
          longHistory,
        )
        const panel = document.querySelector<HTMLElement>('[data-testid="panel"]') as HTMLElement
        await expect.element(screen.getByRole('grid')).toBeInTheDocument()
        await loadPages(screen)
        row(500)?.blur()
        window.scrollTo(0, 0)
        // Deep in the panel's own scroll, the rows the panel shows are drawn.
        const body = widget().querySelector('tbody') as HTMLElement
        panel.scrollTop = body.offsetTop + body.offsetHeight / 2
        const visible = () => {
          const view = panel.getBoundingClientRect()
          return [...bodyRows()].filter((drawn) => {
            const box = drawn.getBoundingClientRect()
            return box.bottom > view.top && box.top < view.bottom
          }).length
        }
        await expect.poll(visible).toBeGreaterThan(5)
        const ledger = mock.state.transactions()
        for (const drawn of bodyRows()) {
          const index = Number(drawn.getAttribute('aria-rowindex')) - 2
          expect(drawn.textContent).toContain(ledger[index]?.description)
        }
      } finally {
        await page.viewport(width, height)
      }
    })

    it('draws enough rows to fill a window taller than sixty of them', async () => {
      const [width, height] = [innerWidth, innerHeight]
      await page.viewport(1024, 4000)
      try {
        const { screen } = await renderWithMock(<TransactionHistory pageSize={100} />, longHistory)
        await expect.element(screen.getByRole('grid')).toBeInTheDocument()
        await loadPages(screen)
        row(500)?.blur()
        window.scrollTo(0, 0)
        await expect.poll(() => row(0)).not.toBeNull()
        // From the first row to the window's bottom edge, every row is drawn.
        const last = () => {
          const drawn = [...bodyRows()].filter((r) => Number(r.getAttribute('aria-rowindex')) < 502)
          return Math.max(...drawn.map((r) => r.getBoundingClientRect().bottom))
        }
        await expect.poll(last).toBeGreaterThanOrEqual(innerHeight)
      } finally {
        await page.viewport(width, height)
      }
    })

    it.each([1024, 320])(
      "stands the undrawn rows in at the drawn ones' height, %i px wide",
      async (width) => {
        const { screen } = await renderWithMock(
          <div style={{ width }}>
            <TransactionHistory pageSize={100} />
          </div>,
          longHistory,
        )
        await expect.element(screen.getByRole('grid')).toBeVisible()
        await loadPages(screen)
        const body = widget().querySelector('tbody') as HTMLElement
        const drawn = [...bodyRows()]
        const mean = drawn.reduce((sum, one) => sum + one.offsetHeight, 0) / drawn.length
        expect(getComputedStyle(drawn[0] as HTMLElement).display).toBe(
          width === 320 ? 'grid' : 'table-row',
        )
        // The whole body is as tall as 501 rows of the drawn rows' height, give or take a tenth.
        expect(body.offsetHeight / 501 / mean).toBeGreaterThan(0.9)
        expect(body.offsetHeight / 501 / mean).toBeLessThan(1.1)
        // Scrolled to any row, that row is drawn where the viewport is.
        window.scrollTo(0, body.getBoundingClientRect().top + scrollY + 300 * mean)
        await expect.poll(() => row(300)).not.toBeNull()
        const top = row(300)?.getBoundingClientRect().top ?? Number.NaN
        expect(top).toBeGreaterThan(-innerHeight)
        expect(top).toBeLessThan(innerHeight)
        await expectNoA11yViolations(widget())
      },
    )

    it('keeps a focused row drawn when it scrolls out of view, so focus stays where it was', async () => {
      const { screen } = await renderWithMock(<TransactionHistory pageSize={100} />, longHistory)
      await expect.element(screen.getByRole('grid')).toBeVisible()
      await loadPages(screen)
      window.scrollTo(0, 0)
      await expect.poll(() => row(0)).not.toBeNull()
      row(3)?.focus()
      expect(document.activeElement).toBe(row(3))
      window.scrollTo(0, document.documentElement.scrollHeight)
      await expect.poll(() => row(500)).not.toBeNull()
      expect(row(2)).toBeNull()
      expect(document.activeElement).toBe(row(3))
      expect(row(3)?.textContent).toContain(mock.state.transactions()[3]?.description)
      // Scrolled back, it is the same row, still focused, among its neighbours again.
      window.scrollTo(0, 0)
      await expect.poll(() => row(2)).not.toBeNull()
      expect(document.activeElement).toBe(row(3))
      await expectNoA11yViolations()
    })

    it('keeps focus on its entry, scrolled away, when a refetch adds rows above it', async () => {
      const { screen, queryClient } = await renderWithMock(
        <TransactionHistory pageSize={100} />,
        longHistory,
      )
      await expect.element(screen.getByRole('grid')).toBeVisible()
      await loadPages(screen)
      window.scrollTo(0, 0)
      await expect.poll(() => row(0)).not.toBeNull()
      ;(row(3) as HTMLTableRowElement).cells[2]?.focus()
      const description = mock.state.transactions()[3]?.description
      window.scrollTo(0, document.documentElement.scrollHeight)
      await expect.poll(() => row(2)).toBeNull()
      // Two new entries on top (an adjustment elsewhere), and the ledger read again.
      mock.ledger.setBalance('1000', 'Adjustment elsewhere')
      mock.ledger.setBalance('1001', 'Adjustment elsewhere')
      await queryClient.invalidateQueries()
      await expect.poll(rowCount).toBe(504)
      // The same entry, two rows further down, still focused in the same cell: the tab stop too.
      expect(document.activeElement?.closest('tr')).toBe(row(5))
      expect(row(5)?.textContent).toContain(description)
      expect(document.activeElement).toBe((row(5) as HTMLTableRowElement).cells[2])
      expect(document.activeElement?.getAttribute('tabindex')).toBe('0')
      await userEvent.keyboard('{ArrowUp}')
      expect(document.activeElement).toBe((row(4) as HTMLTableRowElement).cells[2])
    })

    it('moves focus to the first new row on every "Load more", also after the filter changed', async () => {
      const { screen } = await renderWithMock(<TransactionHistory pageSize={100} />, longHistory)
      await expect.element(screen.getByRole('grid')).toBeVisible()
      await screen.getByRole('button', { name: 'Load more' }).click()
      await expect.poll(focusedIndex).toBe(100)
      await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'Adjustment')
      await expect.poll(() => row(0)?.textContent).toContain('Adjustment 500')
      await screen.getByRole('button', { name: 'Load more' }).click()
      await expect.poll(focusedIndex).toBe(100)
      expect(row(100)?.textContent).toContain('Adjustment 400')
    })

    it('keeps focus on its row through the windowing over more than a thousand rows, paged in from the keyboard', async () => {
      const { screen } = await renderWithMock(<TransactionHistory pageSize={100} />, {
        scenario: 'newAccount',
        setup: (paygMock) => paygMock.ledger.appendHistory(1100, 60),
      })
      await expect.element(screen.getByRole('grid')).toBeVisible()
      const ledger = mock.state.transactions()
      expect(ledger.length).toBeGreaterThan(1000)
      // End, then Down: the next page, focus on its first row, until every page is in.
      row(0)?.focus()
      for (let before = 100; before < ledger.length; before += 100) {
        expect(rowCount()).toBe(-1)
        await userEvent.keyboard('{End}{ArrowDown}')
        await expect.poll(focusedIndex).toBe(before)
      }
      await expect.poll(rowCount).toBe(ledger.length + 1)
      await expect
        .element(screen.getByRole('button', { name: 'Load more' }))
        .not.toBeInTheDocument()
      const last = ledger.length - 1
      await userEvent.keyboard('{End}')
      expect(focusedIndex()).toBe(last)
      // Down from the last row of the whole ledger stays there.
      await userEvent.keyboard('{ArrowDown}')
      expect(focusedIndex()).toBe(last)
      expect(row(last)?.textContent).toContain(ledger[last]?.description)

      // Home: the first row, far from the drawn ones, is drawn and focused, the end no longer drawn.
      await userEvent.keyboard('{Home}')
      expect(document.activeElement).toBe(row(0))
      await expect.poll(() => row(last - 5)).toBeNull()
      expect(bodyRows().length).toBeLessThan(100)
      // Scrolled to the end, away from the focused row: it stays drawn and focused.
      window.scrollTo(0, document.documentElement.scrollHeight)
      await expect.poll(() => row(last - 5)).not.toBeNull()
      expect(row(5)).toBeNull()
      expect(document.activeElement).toBe(row(0))
      expect(bodyRows().length).toBeLessThan(100)
      // And the keys go on from it: Down is row 1, scrolled back into view among its neighbours.
      await userEvent.keyboard('{ArrowDown}')
      expect(document.activeElement).toBe(row(1))
      await expect.poll(() => row(5)).not.toBeNull()
      expect(row(last - 5)).toBeNull()
      // Shift+Tab leaves the grid (for Export CSV) and Tab comes back to the same row.
      await userEvent.keyboard('{Shift>}{Tab}{/Shift}')
      await expect.element(screen.getByRole('button', { name: 'Export CSV' })).toHaveFocus()
      await userEvent.keyboard('{Tab}')
      expect(document.activeElement).toBe(row(1))
      await expectNoA11yViolations(widget())
    })

    it('exports every entry, drawn or not, after many pages', async () => {
      const createObjectURL = vi.spyOn(URL, 'createObjectURL')
      const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
      try {
        const { screen } = await renderWithMock(<TransactionHistory pageSize={100} />, longHistory)
        await expect.element(screen.getByRole('grid')).toBeVisible()
        await loadPages(screen)
        expect(bodyRows().length).toBeLessThan(500)
        await screen.getByRole('button', { name: 'Export CSV' }).click()
        await expect.poll(() => click.mock.calls.length).toBe(1)
        const blob = createObjectURL.mock.calls[0]?.[0] as Blob
        const lines = (await blob.text()).split('\r\n')
        const ids = mock.state.transactions().map((entry) => entry.id)
        expect(lines.slice(1, -1).map((line) => line.split(',').at(-1))).toEqual(
          ids.map((id) => `"${id}"`),
        )
        await expect
          .element(screen.getByRole('status'))
          .toHaveTextContent('501 transactions exported')
      } finally {
        createObjectURL.mockRestore()
        click.mockRestore()
      }
    })
  })

  it('says "1 more transaction" and drops the button when the last page is in', async () => {
    const { screen } = await renderThreeEntriesTwoAPage()
    await expect.element(screen.getByRole('grid')).toBeVisible()
    expect(bodyRows()).toHaveLength(2)
    await screen.getByRole('button', { name: 'Load more' }).click()
    await expect.element(screen.getByRole('status')).toHaveTextContent('1 more transaction loaded')
    expect(bodyRows()).toHaveLength(3)
    await expect.element(screen.getByRole('button', { name: 'Load more' })).not.toBeInTheDocument()
    await expect.element(screen.getByRole('row').nth(3)).toHaveTextContent('Free credit')
  })

  it('shows an empty state when a new account has no rows of the chosen type', async () => {
    const { screen } = await renderWithMock(<TransactionHistory defaultType="USAGE" />, {
      scenario: 'newAccount',
    })
    await expect.element(screen.getByText('No “Usage” transactions yet.')).toBeVisible()
    expect(widget().dataset.state).toBe('empty')
    await expect.element(screen.getByRole('button', { name: 'Export CSV' })).toBeDisabled()
    await expect.element(screen.getByRole('combobox', { name: 'Type' })).toHaveValue('USAGE')
    await expectNoA11yViolations()

    // It says what to do next: the other types are one click away.
    await expect.element(screen.getByText('Other types may have entries.')).toBeVisible()
    await screen.getByRole('button', { name: 'Show all types' }).click()
    await expect.element(screen.getByRole('combobox', { name: 'Type' })).toHaveValue('')
    await expect.element(screen.getByRole('grid')).toHaveTextContent('Free credit')
    await expect.element(screen.getByRole('grid')).toHaveTextContent('+$5.00')
  })

  it('says how to start when the ledger is empty', async () => {
    const { screen } = await renderWithMock(<TransactionHistory />, {
      scenario: 'newAccount',
      // A ledger with no entry at all (an account before its free credit).
      setup: () => {
        worker.use(
          http.get('*/billing/transactions', () =>
            HttpResponse.json({ data: [], nextCursor: null }),
          ),
        )
      },
    })
    await expect.element(screen.getByText('No transactions yet.')).toBeVisible()
    await expect.element(screen.getByText(/^Add funds with a top-up to start/)).toBeVisible()
    await expectNoA11yViolations()
  })

  it('wraps a description with nowhere to break, keeping the amounts in sight', async () => {
    await renderWithMock(
      <div style={{ width: '800px' }}>
        <TransactionHistory pageSize={5} />
      </div>,
      {
        setup: (paygMock) => {
          const data = paygMock.state.transactions().slice(0, 5)
          // 10 kB without a space: a pasted prompt, a URL, an upstream's base64.
          data[0] = { ...(data[0] as (typeof data)[number]), description: 'x'.repeat(10_000) }
          worker.use(
            http.get('*/billing/transactions', () => HttpResponse.json({ data, nextCursor: null })),
          )
        },
      },
    )
    const table = page.getByRole('grid', { name: 'Transactions' })
    await expect.element(table).toBeVisible()
    const box = widget().getBoundingClientRect()
    expect(table.element().getBoundingClientRect().width).toBeLessThanOrEqual(box.width)
    const amount = widget().querySelector('td[data-cell="amount"]') as HTMLElement
    expect(amount.getBoundingClientRect().right).toBeLessThanOrEqual(box.right)
  })

  it.each([1024, 320])(
    'keeps each type and heading on one line in Japanese, %i px wide',
    async (width) => {
      const { screen } = await renderWithMock(
        <div style={{ width }}>
          <TransactionHistory />
        </div>,
        // In credits: the amounts' columns are wider, and squeeze the others.
        { locale: 'ja-JP', messages: ja, scenario: 'legacySubscription' },
      )
      await expect
        .element(screen.getByRole('grid', { name: ja['transactionHistory.title'] }))
        .toBeVisible()
      const labels = [...widget().querySelectorAll<HTMLElement>('th, td[data-cell="type"]')]
      expect(labels.some((cell) => cell.textContent === ja['transactionHistory.type.USAGE'])).toBe(
        true,
      )
      // The lines each label's text is drawn on: one (Japanese may break between any characters,
      // so a squeezed column wrapped 利用, "usage", a character a line).
      const lines = (cell: HTMLElement) => {
        const range = document.createRange()
        range.selectNodeContents(cell)
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size
      }
      const wrapped = labels
        .filter((cell) => cell.checkVisibility() && lines(cell) > 1)
        .map((cell) => cell.textContent)
      expect(wrapped).toEqual([])
    },
  )

  it('lines up the amounts on their decimal point, and becomes a stacked list in a narrow container', async () => {
    const { screen } = await renderWithMock(
      <>
        <div style={{ width: 320 }}>
          <TransactionHistory />
        </div>
        <div style={{ width: 1024 }}>
          <TransactionHistory />
        </div>
      </>,
    )
    await expect.element(screen.getByRole('grid').nth(1)).toBeVisible()
    const [narrow, wide] = [...document.querySelectorAll<HTMLElement>('.payg-transaction-history')]
    // Where the decimal point of each amount sits: the same x in every row of the column.
    const points = (root: HTMLElement | undefined, cell: string) =>
      [...(root?.querySelectorAll(`td[data-cell="${cell}"]`) ?? [])].slice(0, 8).map((td) => {
        const text = td.firstChild as Text
        const range = document.createRange()
        const at = text.data.indexOf('.')
        range.setStart(text, at)
        range.setEnd(text, at + 1)
        return Math.round(range.getBoundingClientRect().right)
      })
    for (const root of [narrow, wide]) {
      const amounts = [...(root?.querySelectorAll('td[data-cell="amount"]') ?? [])]
      // Charges with three and four sub-dollar digits among them.
      expect(new Set(amounts.slice(0, 8).map((td) => td.textContent?.length)).size).toBeGreaterThan(
        1,
      )
      expect(new Set(points(root, 'amount')).size).toBe(1)
      expect(new Set(points(root, 'balance')).size).toBe(1)
    }
    // Wide: a table with its column headers. Narrow: stacked rows, nothing scrolling sideways,
    // the balance labelled in the row.
    const row = (root: HTMLElement | undefined) => root?.querySelector('tbody tr') as HTMLElement
    expect(getComputedStyle(row(wide)).display).toBe('table-row')
    expect(getComputedStyle(row(narrow)).display).toBe('grid')
    const scroll = narrow?.querySelector('.payg-transaction-history__scroll') as HTMLElement
    expect(scroll.scrollWidth).toBe(scroll.clientWidth)
    const balance = row(narrow).querySelector('td[data-cell="balance"]') as HTMLElement
    expect(getComputedStyle(balance, '::before').content).toBe('"Balance "')
    const [description, amount] = ['description', 'amount'].map((cell) =>
      row(narrow).querySelector(`td[data-cell="${cell}"]`)?.getBoundingClientRect(),
    )
    // Description and amount side by side on the first line.
    expect(Math.round(description?.top ?? 0)).toBe(Math.round(amount?.top ?? 1))
    // The amount's column is as wide as the amount, not as the labelled balance under it: the
    // description keeps the rest of the line.
    const balanceBox = balance.getBoundingClientRect()
    expect(amount?.width ?? Infinity).toBeLessThan(balanceBox.width - 20)
    expect(Math.round(balanceBox.right)).toBe(Math.round(amount?.right ?? 0))
    // Each widget on its own (two on one page share a landmark name).
    await expectNoA11yViolations(narrow)
  })

  it('shows an error with a retry that recovers', async () => {
    const { screen } = await renderWithMock(<TransactionHistory />, {
      setup: (paygMock) => paygMock.failNext('listTransactions', { status: 500 }),
    })
    await expect
      .element(screen.getByRole('alert'))
      .toHaveTextContent('Transactions could not be loaded.')
    expect(widget().dataset.state).toBe('error')
    await expectNoA11yViolations()
    await screen.getByRole('button', { name: 'Retry' }).click()
    await expect.element(screen.getByRole('grid')).toBeVisible()
    expect(bodyRows()).toHaveLength(20)
  })

  it('keeps the loaded rows when "Load more" fails, and tries again', async () => {
    const { screen } = await renderWithMock(<TransactionHistory />)
    await expect.element(screen.getByRole('grid')).toBeVisible()
    mock.failNext('listTransactions', { status: 503 })
    await screen.getByRole('button', { name: 'Load more' }).click()
    await expect
      .element(screen.getByRole('alert'))
      .toHaveTextContent('More transactions could not be loaded. Try again.')
    expect(row(19)).not.toBeNull()
    expect(row(20)).toBeNull()
    await expectNoA11yViolations()
    await screen.getByRole('button', { name: 'Load more' }).click()
    await expect.poll(focusedIndex).toBe(20)
    await expect.element(screen.getByRole('alert')).not.toBeInTheDocument()
  })

  it('exports every entry, not only the rows loaded, as a text/csv file with exact amounts and every cell quoted', async () => {
    const createObjectURL = vi.spyOn(URL, 'createObjectURL')
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    try {
      const { screen } = await renderWithMock(<TransactionHistory csvFileName="ledger.csv" />)
      await expect.element(screen.getByRole('grid')).toBeVisible()
      expect(bodyRows()).toHaveLength(20)
      await screen.getByRole('button', { name: 'Export CSV' }).click()

      await expect.poll(() => click.mock.calls.length).toBe(1)
      const link = click.mock.contexts[0] as HTMLAnchorElement
      expect(link.download).toBe('ledger.csv')
      const blob = createObjectURL.mock.calls[0]?.[0] as Blob
      expect(blob.type).toBe('text/csv;charset=utf-8')
      const lines = (await blob.text()).split('\r\n')
      expect(lines[0]).toBe(
        '"date","type","description","amount","balance_after","currency","service","id"',
      )
      const ledger = mock.state.transactions()
      expect(ledger.length).toBeGreaterThan(20)
      expect(lines).toHaveLength(1 + ledger.length + 1) // header, every entry, and the empty string after the last CRLF
      const newest = ledger[0]
      // The amount is the exact decimal string.
      expect(lines[1]).toBe(
        `"${newest?.createdAt}","USAGE","${newest?.description}","${newest?.amount}","${newest?.balanceAfter}","USD","${newest?.service}","${newest?.id}"`,
      )
      expect(lines.at(-2)).toContain(`"${ledger.at(-1)?.id}"`)
      expect(newest?.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
      await expect
        .element(screen.getByRole('status'))
        .toHaveTextContent(`${ledger.length} transactions exported`)
    } finally {
      createObjectURL.mockRestore()
      click.mockRestore()
    }
  })

  it('pages through a long filtered ledger with visible progress, and keeps formulas in descriptions as text', async () => {
    const createObjectURL = vi.spyOn(URL, 'createObjectURL')
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    try {
      const { screen } = await renderWithMock(<TransactionHistory defaultType="ADJUSTMENT" />, {
        scenario: 'newAccount',
        setup: (paygMock) => {
          for (let index = 1; index <= 250; index++) {
            paygMock.ledger.setBalance(String(5 + index), `Goodwill ${index};=cmd|' /C calc'!A0`)
          }
        },
      })
      await expect.element(screen.getByRole('grid')).toBeVisible()
      const before = mock.requestCount('listTransactions')
      let release = mock.hold('listTransactions')
      await screen.getByRole('button', { name: 'Export CSV' }).click()
      await expect.element(screen.getByText('Exporting… 0 rows')).toBeVisible()
      // The first page of 100 comes back once it is held at the mock; the second waits.
      await expect.poll(() => mock.requestCount('listTransactions')).toBe(before + 1)
      release()
      release = mock.hold('listTransactions')
      await expect.element(screen.getByText('Exporting… 100 rows')).toBeVisible()
      await expect.element(screen.getByRole('button', { name: 'Cancel export' })).toBeVisible()
      expect(click).not.toHaveBeenCalled()
      await expectNoA11yViolations()
      release()

      await expect.poll(() => click.mock.calls.length).toBe(1)
      const blob = createObjectURL.mock.calls[0]?.[0] as Blob
      const lines = (await blob.text()).split('\r\n')
      expect(lines).toHaveLength(1 + 250 + 1)
      expect(lines.slice(1, -1).every((line) => line.includes('"ADJUSTMENT"'))).toBe(true)
      expect(lines[1]).toContain(`"Goodwill 250;'=cmd|' /C calc'!A0"`)
      await expect.element(screen.getByText('Exporting… 100 rows')).not.toBeInTheDocument()
      await expect
        .element(screen.getByRole('status'))
        .toHaveTextContent('250 transactions exported')
      // Three pages of the API's largest size: 100, 100 and 50.
      expect(mock.requestCount('listTransactions') - before).toBe(3)
    } finally {
      createObjectURL.mockRestore()
      click.mockRestore()
    }
  })

  it('cancels a long export: nothing is downloaded, and it says so', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    try {
      const { screen } = await renderWithMock(<TransactionHistory />, {
        scenario: 'newAccount',
        setup: (paygMock) => {
          for (let index = 1; index <= 150; index++) paygMock.ledger.setBalance(String(5 + index))
        },
      })
      await expect.element(screen.getByRole('grid')).toBeVisible()
      const before = mock.requestCount('listTransactions')
      let release = mock.hold('listTransactions')
      await screen.getByRole('button', { name: 'Export CSV' }).click()
      // The first page is let go only once it is held at the mock, so the second is held next.
      await expect.poll(() => mock.requestCount('listTransactions')).toBe(before + 1)
      release()
      release = mock.hold('listTransactions')
      await expect.element(screen.getByText('Exporting… 100 rows')).toBeVisible()
      await screen.getByRole('button', { name: 'Cancel export' }).click()
      await expect
        .element(screen.getByText('Export cancelled: nothing was downloaded.'))
        .toBeVisible()
      await expect.element(screen.getByRole('button', { name: 'Export CSV' })).toHaveFocus()
      release()
      await expect
        .element(screen.getByRole('button', { name: 'Cancel export' }))
        .not.toBeInTheDocument()
      expect(click).not.toHaveBeenCalled()
    } finally {
      click.mockRestore()
    }
  })

  it('says an export stopped on an error mid-way, downloads nothing, and tries again', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    try {
      const { screen } = await renderWithMock(<TransactionHistory />, {
        scenario: 'newAccount',
        setup: (paygMock) => {
          for (let index = 1; index <= 150; index++) paygMock.ledger.setBalance(String(5 + index))
        },
      })
      await expect.element(screen.getByRole('grid')).toBeVisible()
      const before = mock.requestCount('listTransactions')
      let release = mock.hold('listTransactions')
      await screen.getByRole('button', { name: 'Export CSV' }).click()
      // The first page is let go only once it is held at the mock, so the second is held next.
      await expect.poll(() => mock.requestCount('listTransactions')).toBe(before + 1)
      release()
      release = mock.hold('listTransactions')
      await expect.element(screen.getByText('Exporting… 100 rows')).toBeVisible()
      mock.failNext('listTransactions', { status: 503 })
      release()
      await expect
        .element(screen.getByRole('alert'))
        .toHaveTextContent(
          'The export stopped because transactions could not be loaded, so nothing was downloaded.',
        )
      expect(click).not.toHaveBeenCalled()
      await expectNoA11yViolations()

      await screen.getByRole('alert').getByRole('button', { name: 'Retry' }).click()
      await expect.poll(() => click.mock.calls.length).toBe(1)
      await expect.element(screen.getByRole('alert')).not.toBeInTheDocument()
      await expect
        .element(screen.getByRole('status'))
        .toHaveTextContent(`${mock.state.transactions().length} transactions exported`)
    } finally {
      click.mockRestore()
    }
  })

  it('formats for the locale and takes overridden strings', async () => {
    const { screen } = await renderWithMock(<TransactionHistory defaultType="TOP_UP" />, {
      locale: 'de-DE',
      messages: {
        'transactionHistory.title': 'Buchungen',
        'transactionHistory.filter': 'Art',
        'transactionHistory.type.TOP_UP': 'Aufladung',
      },
    })
    await expect.element(screen.getByRole('grid', { name: 'Buchungen' })).toBeVisible()
    await expect.element(screen.getByRole('combobox', { name: 'Art' })).toBeVisible()
    const row = screen.getByRole('row').nth(1)
    await expect.element(row).toHaveTextContent('Aufladung')
    await expect.element(row).toHaveTextContent('+100,00 $')
  })

  it('refuses a page size the API does not serve, with a message that says why', () => {
    for (const pageSize of [0, 101, 2.5, Number.NaN]) {
      expect(() => TransactionHistory({ pageSize })).toThrow(
        `[payg-kit] TransactionHistory: pageSize must be a whole number from 1 to 100, got ${pageSize}.`,
      )
    }
  })
})
