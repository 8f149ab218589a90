import type { PricingRequest } from '@payg-kit/core'
import { createPaygMock } from '@payg-kit/msw'
import { cleanup, screen, waitFor } from '@testing-library/react'
import { delay, HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import { TEST_NOW } from '../../../test/clock'
import { renderWithPayg } from './test/renderWithPayg'
import { type UseCostEstimateOptions, useCostEstimate } from './useCostEstimate'

const mock = createPaygMock({ now: TEST_NOW, scenario: 'healthy' })
const server = setupServer(...mock.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  vi.useRealTimers()
  cleanup()
  server.resetHandlers()
  mock.reset()
})
afterAll(() => server.close())

const image = (params: Record<string, number | boolean>): PricingRequest => ({
  service: 'IMAGE_GENERATION',
  serviceParams: {
    IMAGE_GENERATION: { imageWidth: 512, imageHeight: 512, numImages: 4, ...params },
  },
})
const priced = () =>
  mock.requests
    .filter((r) => r.operationId === 'pricingCalculator')
    .map((r) => JSON.stringify((r.body as { serviceParams: unknown }).serviceParams))

function Estimate({
  request,
  options,
}: {
  request: PricingRequest | null
  options?: UseCostEstimateOptions
}) {
  const { data, isPlaceholderData, problems, isDebouncing } = useCostEstimate(request, options)
  return (
    <>
      <p>
        {data
          ? `cost ${data.amount} ${data.unit}${isPlaceholderData ? ' (previous)' : ''}`
          : 'no cost'}
      </p>
      <p>{isDebouncing ? 'debouncing' : 'settled'}</p>
      <ul>
        {problems.map((p) => (
          <li key={p.field}>{`${p.field}: ${p.code}`}</li>
        ))}
      </ul>
    </>
  )
}

describe('useCostEstimate', () => {
  test('asks once for the first parameters, then once per pause in editing', async () => {
    // The clock moves only when the test moves it, so a busy machine cannot end a debounce early.
    vi.useFakeTimers()
    const settle = { timeout: 5000 }
    const view = renderWithPayg(<Estimate request={image({ numImages: 1 })} />)
    await vi.waitFor(() => expect(screen.getByText(/^cost /)).toBeTruthy(), settle)
    expect(mock.requestCount('pricingCalculator')).toBe(1)

    // Five quick edits, 100 ms apart: the 250 ms debounce never passes until the last.
    for (const numImages of [2, 3, 4, 5, 6]) {
      view.rerender(<Estimate request={image({ numImages })} />)
      await vi.advanceTimersByTimeAsync(100)
    }
    expect(screen.getByText('debouncing')).toBeTruthy()
    expect(mock.requestCount('pricingCalculator')).toBe(1)
    await vi.advanceTimersByTimeAsync(250)
    await vi.waitFor(() => expect(screen.getByText('settled')).toBeTruthy(), settle)
    await vi.waitFor(() => expect(mock.requestCount('pricingCalculator')).toBe(2), settle)
    expect(priced()[1]).toContain('"numImages":6')
  })

  test('sends nothing for parameters the calculator rejects, and says why', async () => {
    const view = renderWithPayg(
      <Estimate
        request={image({ imageWidth: 1024, numImages: 6, inferenceSteps: 5 })}
        options={{ debounceMs: 0 }}
      />,
    )
    expect(screen.getByText('serviceParams.IMAGE_GENERATION.numImages: TOO_LARGE')).toBeTruthy()
    expect(
      screen.getByText('serviceParams.IMAGE_GENERATION.inferenceSteps: OUT_OF_RANGE'),
    ).toBeTruthy()
    view.rerender(<Estimate request={image({ imageWidth: 1020 })} options={{ debounceMs: 0 }} />)
    expect(
      screen.getByText('serviceParams.IMAGE_GENERATION.imageWidth: NOT_MULTIPLE_OF'),
    ).toBeTruthy()
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(screen.getByText('no cost')).toBeTruthy()
    expect(mock.requestCount('pricingCalculator')).toBe(0)

    view.rerender(
      <Estimate request={image({ imageWidth: 1024, numImages: 4 })} options={{ debounceMs: 0 }} />,
    )
    await screen.findByText(/^cost /)
    expect(screen.queryByRole('listitem')).toBeNull()
    expect(mock.requestCount('pricingCalculator')).toBe(1)
  })

  test('never prices the same parameters twice, however they are written', async () => {
    const view = renderWithPayg(
      <Estimate request={image({ numImages: 2 })} options={{ debounceMs: 0 }} />,
    )
    await screen.findByText(/^cost /)
    const two = screen.getByText(/^cost /).textContent

    view.rerender(<Estimate request={image({ numImages: 3 })} options={{ debounceMs: 0 }} />)
    await waitFor(() => expect(screen.getByText(/^cost /).textContent).not.toBe(two))
    // Back to two images, with the keys in another order and an undefined extra: a cache hit.
    const same: PricingRequest = {
      serviceParams: {
        IMAGE_GENERATION: {
          numImages: 2,
          alchemyMode: undefined,
          imageHeight: 512,
          imageWidth: 512,
        },
      },
      service: 'IMAGE_GENERATION',
    }
    view.rerender(<Estimate request={same} options={{ debounceMs: 0 }} />)
    expect(screen.getByText(/^cost /).textContent).toBe(two)
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(mock.requestCount('pricingCalculator')).toBe(2)

    // A second widget asking the same thing shares the entry too.
    view.rerender(
      <>
        <Estimate request={same} options={{ debounceMs: 0 }} />
        <Estimate request={image({ numImages: 3 })} options={{ debounceMs: 0 }} />
      </>,
    )
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(mock.requestCount('pricingCalculator')).toBe(2)
  })

  test('keeps the previous estimate on screen while the next loads', async () => {
    server.use(http.post('*/pricing-calculator', () => delay(60)))
    const view = renderWithPayg(
      <Estimate request={image({ numImages: 1 })} options={{ debounceMs: 0 }} />,
    )
    await screen.findByText(/^cost \S+ USD$/)
    const first = screen.getByText(/^cost /).textContent

    view.rerender(<Estimate request={image({ numImages: 8 })} options={{ debounceMs: 0 }} />)
    expect(screen.getByText(`${first} (previous)`)).toBeTruthy()
    await waitFor(() => expect(screen.getByText(/^cost /).textContent).not.toContain('previous'))
    expect(screen.getByText(/^cost /).textContent).not.toBe(first)
  })

  test('cancels a superseded request', async () => {
    const received: Request[] = []
    server.use(
      http.post('*/pricing-calculator', async ({ request }) => {
        received.push(request)
        if (received.length > 1) return undefined // the mock answers the second
        // The first is held until it is cancelled, however slow the machine is.
        await new Promise((resolve) => request.signal.addEventListener('abort', resolve))
        return new HttpResponse(null, { status: 499 })
      }),
    )
    const view = renderWithPayg(
      <Estimate request={image({ numImages: 1 })} options={{ debounceMs: 0 }} />,
    )
    await waitFor(() => expect(received).toHaveLength(1))
    view.rerender(<Estimate request={image({ numImages: 2 })} options={{ debounceMs: 0 }} />)
    await waitFor(() => expect(received).toHaveLength(2))
    expect(received[0]?.signal.aborted).toBe(true)
    await screen.findByText(/^cost \S+ USD$/)
    expect(received[1]?.signal.aborted).toBe(false)
  })

  test('asks nothing for a null request', async () => {
    renderWithPayg(<Estimate request={null} />)
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(screen.getByText('no cost')).toBeTruthy()
    expect(mock.requestCount('pricingCalculator')).toBe(0)
  })
})
