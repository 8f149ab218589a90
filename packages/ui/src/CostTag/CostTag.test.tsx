import { createJob, credits, getJob, usd } from '@payg-kit/core'
import { useCreateGeneration, useCreateJob, usePaygClient } from '@payg-kit/react'
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

// Any job's cost, here a background removal of a generated image (POST /variations/nobg).
function RemoveBackgroundAndShowCost() {
  const client = usePaygClient()
  const nobg = useCreateJob('/variations/nobg')
  const start = async () => {
    const generation = await createJob(client, '/generations', {
      prompt: 'a lighthouse at dusk',
      num_images: 1,
      width: 512,
      height: 512,
    })
    const image = (await getJob(client, generation.id as string))?.images[0]?.id as string
    nobg.mutate({ id: image })
  }
  return (
    <>
      <button type="button" onClick={start}>
        Remove background
      </button>
      {nobg.data?.cost && <CostTag cost={nobg.data.cost} />}
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

  it.each([
    ['healthy', 'Cost: $0.006', 'usd'],
    ['legacySubscription', 'Cost: 5 credits', 'credits'],
  ] as const)('shows the cost of any job in its own unit (%s)', async (scenario, text, unit) => {
    const { screen } = await renderWithMock(<RemoveBackgroundAndShowCost />, { scenario })
    await screen.getByRole('button', { name: 'Remove background' }).click()
    await expect.element(screen.getByText(text.replace('Cost: ', ''))).toBeVisible()
    expect(tag().textContent).toBe(text)
    expect(tag().dataset.unit).toBe(unit)
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
