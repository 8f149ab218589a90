import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import './styles.css'

describe('styles.css', () => {
  it('gives a button label that wraps the same space above and below as one that fits', async () => {
    const screen = await render(
      <div className="payg-root" style={{ width: 180 }}>
        <button type="button" className="payg-button">
          Add
        </button>
        <button type="button" className="payg-button">
          Für automatisches Aufladen übernehmen
        </button>
      </div>,
    )
    const [short, long] = screen.getByRole('button').elements()
    const box = (element: Element | undefined) => element?.getBoundingClientRect() as DOMRect
    const firstLine = (element: Element | undefined) => {
      const range = document.createRange()
      range.selectNodeContents(element as Element)
      return range.getClientRects()[0] as DOMRect
    }
    // One line: the control height, the label in the middle.
    const height = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) * 2.25
    expect(box(short).height).toBeCloseTo(height, 0)
    // Wrapped: taller, and the label clear of the border by at least the space one line has.
    const lines = [
      ...(() => {
        const range = document.createRange()
        range.selectNodeContents(long as Element)
        return range.getClientRects()
      })(),
    ]
    expect(new Set(lines.map((line) => Math.round(line.top))).size).toBeGreaterThan(1)
    const oneLineGap = firstLine(short).top - box(short).top
    expect(firstLine(long).top - box(long).top).toBeGreaterThanOrEqual(oneLineGap - 1)
    const last = lines.at(-1) as DOMRect
    expect(box(long).bottom - last.bottom).toBeGreaterThanOrEqual(oneLineGap - 1)
  })

  it('rings every focused control alike, a text area too', async () => {
    const screen = await render(
      <div className="payg-root">
        <input className="payg-input" aria-label="Name" />
        <textarea className="payg-input" aria-label="Prompt" />
      </div>,
    )
    const ring = (element: Element) => {
      const style = getComputedStyle(element)
      return [style.outlineStyle, style.outlineColor, style.outlineWidth]
    }
    await userEvent.click(screen.getByRole('textbox', { name: 'Name' }))
    const input = ring(screen.getByRole('textbox', { name: 'Name' }).element())
    expect(input[0]).toBe('solid')
    await userEvent.click(screen.getByRole('textbox', { name: 'Prompt' }))
    expect(ring(screen.getByRole('textbox', { name: 'Prompt' }).element())).toEqual(input)
  })
})
