import { credits, usd } from '@payg-kit/core'
import { useCreateGeneration } from '@payg-kit/react'
import { describe, expect, it } from 'vitest'
import { expectNoA11yViolations, renderWithMock } from '../test/renderWithMock'
import { CostTag } from './CostTag'

function GenerateAndShowCost() {
  const generation = useCreateGeneration()
  return (
    <>
      <button
        type="button"
        onClick={() =>
          generation.mutate({
            prompt: 'a lighthouse at dusk',
            modelId: 'b24e16ff-06e3-43eb-8d33-4416c2d75876',
            num_images: 4,
            width: 1024,
            height: 1024,
            alchemy: true,
          })
        }
      >
        Generate
      </button>
      {generation.data && <CostTag cost={generation.data.cost} />}
    </>
  )
}

const tag = () => document.querySelector('.payg-cost-tag') as HTMLElement

describe('CostTag', () => {
  it('reads "Cost: $0.048" and shows the exact dollar amount', async () => {
    const { screen } = await renderWithMock(<CostTag cost={usd('0.048')} />)
    await expect.element(screen.getByText('$0.048', { exact: true })).toBeVisible()
    expect(tag().textContent).toBe('Cost: $0.048')
    expect(tag().dataset.unit).toBe('usd')
    // "Cost:" is for screen readers; sighted users see the tag.
    expect(screen.getByText('Cost:').element().className).toBe('payg-visually-hidden')
    await expectNoA11yViolations()
  })

  it('shows credits in their own unit', async () => {
    const { screen } = await renderWithMock(<CostTag cost={credits(40)} />)
    await expect.element(screen.getByText('40 credits')).toBeVisible()
    expect(tag().textContent).toBe('Cost: 40 credits')
    expect(tag().dataset.unit).toBe('credits')
  })

  it('shows the list price struck through beside a discounted cost', async () => {
    const { screen } = await renderWithMock(
      <CostTag cost={usd('0.0384')} listCost={usd('0.048')} />,
    )
    await expect.element(screen.getByText('$0.0384')).toBeVisible()
    const list = screen.getByText('$0.048', { exact: true })
    await expect.element(list).toBeVisible()
    expect(list.element().tagName).toBe('S')
    expect(tag().textContent).toBe('Cost: $0.0384, list price $0.048')
    expect(tag().dataset.discounted).toBe('true')
    await expectNoA11yViolations()
  })

  it('shows the dollar cost of a real generation on PAYG', async () => {
    const { screen } = await renderWithMock(<GenerateAndShowCost />)
    await screen.getByRole('button', { name: 'Generate' }).click()
    await expect.element(screen.getByText('$0.048')).toBeVisible()
    expect(tag().textContent).toBe('Cost: $0.048')
  })

  it('shows the credit cost of a real generation on a legacy plan', async () => {
    const { screen } = await renderWithMock(<GenerateAndShowCost />, {
      scenario: 'legacySubscription',
    })
    await screen.getByRole('button', { name: 'Generate' }).click()
    await expect.element(screen.getByText('40 credits')).toBeVisible()
    expect(tag().textContent).toBe('Cost: 40 credits')
  })

  it('formats for the locale and takes overridden strings', async () => {
    const { screen } = await renderWithMock(
      <CostTag cost={usd('0.0384')} listCost={usd('0.048')} />,
      {
        locale: 'de-DE',
        messages: { 'costTag.label': 'Kosten:', 'costTag.listPrice': 'Listenpreis' },
      },
    )
    await expect.element(screen.getByText('0,0384 $')).toBeVisible()
    // de-DE puts a no-break space before the $.
    expect(tag().textContent?.replace(/\s/g, ' ')).toBe('Kosten: 0,0384 $, Listenpreis 0,048 $')
  })
})
