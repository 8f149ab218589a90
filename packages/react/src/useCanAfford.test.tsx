import type { PricingRequest } from '@payg-kit/core'
import { screen } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { renderWithPayg } from './test/renderWithPayg'
import { withMockServer } from './test/withMockServer'
import { useCanAfford } from './useCanAfford'

const { mock } = withMockServer('lowBalance')

// Leonardo Lightning XL with Alchemy, 4 images at 1024x1024: $0.048 in the mock's table.
const lightning: PricingRequest = {
  service: 'IMAGE_GENERATION',
  serviceParams: {
    IMAGE_GENERATION: {
      imageWidth: 1024,
      imageHeight: 1024,
      numImages: 4,
      alchemyMode: true,
      isSDXLLightning: true,
    },
  },
}

function Afford({ request }: { request: PricingRequest }) {
  const { canAfford, cost, balance, shortfall, isLoading, problems } = useCanAfford(request, {
    debounceMs: 0,
  })
  if (problems.length > 0) return <p>{`invalid: ${problems.map((p) => p.code).join(', ')}`}</p>
  if (isLoading || canAfford === undefined) return <p>checking</p>
  return (
    <p>
      {`${canAfford ? 'affordable' : 'too expensive'}: cost ${cost?.amount} ${cost?.unit}, balance ${balance?.amount}, short ${shortfall?.amount}`}
    </p>
  )
}

describe('useCanAfford', () => {
  test('compares the estimate with the balance, in exact money', async () => {
    renderWithPayg(<Afford request={lightning} />)
    expect(
      await screen.findByText('affordable: cost 0.048 USD, balance 2.4567, short 0'),
    ).toBeTruthy()
    expect(mock.requestCount('getBalance')).toBe(1)
    expect(mock.requestCount('pricingCalculator')).toBe(1)
  })

  test('reports the shortfall when the balance is too low', async () => {
    mock.state.setBalance('0.01')
    renderWithPayg(<Afford request={lightning} />)
    expect(
      await screen.findByText('too expensive: cost 0.048 USD, balance 0.01, short 0.038'),
    ).toBeTruthy()
  })

  test('asks nothing for invalid parameters', async () => {
    renderWithPayg(
      <Afford
        request={{
          service: 'IMAGE_GENERATION',
          serviceParams: { IMAGE_GENERATION: { numImages: 9 } },
        }}
      />,
    )
    expect(screen.getByText('invalid: OUT_OF_RANGE')).toBeTruthy()
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(mock.requestCount('pricingCalculator')).toBe(0)
  })

  test('prices a legacy plan in credits and compares with its plan credits', async () => {
    mock.reset('legacySubscription')
    renderWithPayg(<Afford request={lightning} />)
    expect(
      await screen.findByText('affordable: cost 40 CREDITS, balance 24000, short 0'),
    ).toBeTruthy()
  })
})
