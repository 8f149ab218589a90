import type { PricingRequest } from '@payg-kit/core'
import { screen } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { renderWithPayg } from './test/renderWithPayg'
import { withMockServer } from './test/withMockServer'
import { useQuote } from './useQuote'

const { mock } = withMockServer('customDiscounts')

const phoenix: PricingRequest = {
  service: 'IMAGE_GENERATION',
  serviceParams: {
    IMAGE_GENERATION: { imageWidth: 1024, imageHeight: 1024, numImages: 4, isPhoenix: true },
  },
}

function Quote({ request }: { request: PricingRequest }) {
  const { data, problems } = useQuote(request, { debounceMs: 0 })
  if (problems.length > 0) return <p>{`invalid: ${problems.map((p) => p.field).join(', ')}`}</p>
  if (!data) return <p>pricing</p>
  return (
    <p>{`yours ${data.cost.amount}, list ${data.listCost.amount}, ${data.discountPercent}% off`}</p>
  )
}

describe('useQuote', () => {
  test("shows a custom deal's price beside the list price, asked once per request", async () => {
    const view = renderWithPayg(<Quote request={phoenix} />)
    const text = (await screen.findByText(/^yours/)).textContent ?? ''
    const [, yours, list] = text.match(/^yours ([\d.]+), list ([\d.]+), 20% off$/) ?? []
    expect(Number(yours)).toBeLessThan(Number(list))
    view.rerender(<Quote request={{ ...phoenix }} />)
    expect(mock.requestCount('quotePrice')).toBe(1)
  })

  test('asks nothing for parameters the calculator rejects', async () => {
    renderWithPayg(
      <Quote
        request={{
          service: 'IMAGE_GENERATION',
          serviceParams: { IMAGE_GENERATION: { imageWidth: 1024, numImages: 8 } },
        }}
      />,
    )
    expect(screen.getByText('invalid: serviceParams.IMAGE_GENERATION.numImages')).toBeTruthy()
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(mock.requestCount('quotePrice')).toBe(0)
  })
})
