import { usd } from '@payg-kit/core'
import { describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { expectNoA11yViolations, mock, renderWithMock } from '../test/renderWithMock'
import { CostCalculator } from './CostCalculator'
import { planAutoTopUp } from './planAutoTopUp'

const root = () => document.querySelector('.payg-cost-calculator') as HTMLElement

describe('CostCalculator', () => {
  it('shows a loading state, then the price, the price per image and what the balance covers', async () => {
    const { screen } = await renderWithMock(<CostCalculator />)
    // Before any answer: the first price waits for the balance, which says the unit to price in.
    expect(root().dataset.state).toBe('loading')
    expect(screen.getByRole('img', { name: 'Calculating price…' }).element()).toBeTruthy()
    expect(mock.requestCount('pricingCalculator')).toBe(0)
    await expectNoA11yViolations()

    // 4 Leonardo Phoenix images at 1024x1024: 40 credits of the illustrative table, $0.048.
    await expect.element(screen.getByText('$0.048', { exact: true })).toBeVisible()
    await expect.element(screen.getByText('$0.012 per image')).toBeVisible()
    await expect
      .element(screen.getByText('Your balance of $100.80 covers 2,100 requests like this.'))
      .toBeVisible()
    // The balance shows in whole cents, rounded down; the count is from the exact balance.
    expect(mock.state.balance()).toBe('100.8072')
    expect(root().dataset.state).toBe('ready')
    await expectNoA11yViolations()
  })

  it('explains too many images for a large side on the field, sends nothing, and prices the fix', async () => {
    const { screen } = await renderWithMock(<CostCalculator />)
    await expect.element(screen.getByText('$0.048', { exact: true })).toBeVisible()
    const sent = mock.requestCount('pricingCalculator')
    const count = screen.getByLabelText('Number of images')
    await count.fill('8')
    await expect.element(count).toHaveAttribute('aria-invalid', 'true')
    await expect
      .element(count)
      .toHaveAccessibleDescription(
        expect.stringContaining('At most 4 images when a side is over 768 px.'),
      )
    await expect
      .element(screen.getByText('Fix the highlighted settings to see a price.'))
      .toBeVisible()
    await expect.element(screen.getByText('$0.048', { exact: true })).not.toBeInTheDocument()
    expect(root().dataset.state).toBe('invalid')
    await expectNoA11yViolations()

    await screen.getByLabelText('Width (px)').fill('768')
    await screen.getByLabelText('Height (px)').fill('768')
    await expect.element(count).not.toHaveAttribute('aria-invalid')
    await expect.element(count).toHaveValue('8')
    // 8 images at 768x768: 52 credits, $0.0624.
    await expect.element(screen.getByText('$0.0624', { exact: true })).toBeVisible()
    await expect.element(screen.getByText('$0.0078 per image')).toBeVisible()
    const bodies = mock.requests
      .filter((request) => request.operationId === 'pricingCalculator')
      .slice(sent)
      .map((request) => JSON.stringify(request.body))
    expect(bodies.some((body) => body.includes('"numImages":8') && body.includes('1024'))).toBe(
      false,
    )
  })

  it.each([
    ['Width (px)', '1020', 'Use a multiple of 8.'],
    ['Width (px)', '2048', 'Enter a value from 32 to 1,024.'],
    ['Width (px)', '', 'Enter a value.'],
    ['Height (px)', 'abc', 'Enter a whole number.'],
    ['Inference steps', '5', 'Enter a value from 10 to 60.'],
    ['Number of images', '2.5', 'Enter a whole number.'],
    ['LoRAs (elements)', '-1', 'Enter 0 or more.'],
  ])('explains %s %j on its field and keeps it', async (label, typed, message) => {
    const { screen } = await renderWithMock(<CostCalculator />)
    const input = screen.getByLabelText(label)
    await input.fill(typed)
    await expect.element(input).toHaveAttribute('aria-invalid', 'true')
    await expect.element(input).toHaveAccessibleDescription(expect.stringContaining(message))
    await expect.element(input).toHaveValue(typed)
    await expectNoA11yViolations()
  })

  it('lines up the inputs of a row of settings whatever the length of their labels and hints', async () => {
    const { screen } = await renderWithMock(
      <div style={{ width: 640 }}>
        <CostCalculator />
      </div>,
    )
    await expect.element(screen.getByText('$0.048', { exact: true })).toBeVisible()
    const tops = (labels: string[]) =>
      labels.map((label) =>
        Math.round(
          screen.getByLabelText(label, { exact: true }).element().getBoundingClientRect().top,
        ),
      )
    // "Model" has no hint, "Width (px)" a two-line one, "Number of images" a longer one.
    const first = tops(['Model', 'Width (px)', 'Height (px)'])
    const second = tops(['Number of images', 'Inference steps', 'LoRAs (elements)'])
    expect(new Set(first).size).toBe(1)
    expect(new Set(second).size).toBe(1)
    expect(second[0]).toBeGreaterThan(first[0] ?? 0)
  })

  it('keeps the previous price on screen while the next one loads', async () => {
    const { screen } = await renderWithMock(<CostCalculator />)
    await expect.element(screen.getByText('$0.048', { exact: true })).toBeVisible()
    mock.failNext('pricingCalculator', { mode: 'hang' })
    await screen.getByLabelText('Number of images').fill('2')
    await expect.element(screen.getByText('Updating…')).toBeVisible()
    expect(root().dataset.state).toBe('updating')
    await expect.element(screen.getByText('$0.048', { exact: true })).toBeVisible()
    expect(root().querySelector('[aria-busy="true"]')).not.toBeNull()
  })

  it('shows the list price beside a discounted price', async () => {
    const { screen } = await renderWithMock(<CostCalculator />, { scenario: 'customDiscounts' })
    await expect.element(screen.getByText('$0.0384', { exact: true })).toBeVisible()
    await expect.element(screen.getByText('List price $0.048')).toBeVisible()
    await expect.element(screen.getByText('20% off')).toBeVisible()
    await expectNoA11yViolations()

    await screen.getByLabelText('Model', { exact: true }).selectOptions('Stable Diffusion 1.5')
    // SD 1.5 has no discount: 12 credits, $0.0144, and no list price.
    await expect.element(screen.getByText('$0.0144', { exact: true })).toBeVisible()
    await expect.element(screen.getByText(/^List price/)).not.toBeInTheDocument()
  })

  it('prices all ten services with their own settings', async () => {
    const { screen } = await renderWithMock(<CostCalculator />)
    const service = screen.getByLabelText('Service')
    await expect.element(screen.getByText('$0.048', { exact: true })).toBeVisible()
    const options = Array.from((service.element() as HTMLSelectElement).options, (o) => o.text)
    expect(options).toEqual([
      'Image generation',
      'Fantasy avatar',
      'Motion (SVD)',
      'Motion video',
      'Veo 3 video',
      'Realtime image (LCM)',
      'Model training',
      '3D texturing',
      'Universal Upscaler',
      'Universal Upscaler Ultra',
    ])
    const expected: Array<[string, string]> = [
      ['Fantasy avatar', '$0.0192'],
      ['Motion (SVD)', '$0.054'],
      ['Motion video', '$0.24'],
      ['Veo 3 video', '$2.40'],
      ['Realtime image (LCM)', '$0.0012'],
      ['Model training', '$0.90'],
      ['3D texturing', '$0.18'],
      ['Universal Upscaler', '$0.018'],
      ['Universal Upscaler Ultra', '$0.036'],
    ]
    for (const [name, price] of expected) {
      await service.selectOptions(name)
      await expect.element(screen.getByText(price, { exact: true })).toBeVisible()
    }
    await expect.element(screen.getByLabelText('Upscale multiplier')).toHaveValue('1.5')

    await service.selectOptions('Model training')
    await screen.getByLabelText('Resolution').selectOptions('1,024 px')
    await expect.element(screen.getByText('$2.70', { exact: true })).toBeVisible()

    await service.selectOptions('3D texturing')
    await screen.getByLabelText('Preview only').click()
    await expect.element(screen.getByText('$0.036', { exact: true })).toBeVisible()
    await expectNoA11yViolations()

    // Each service keeps its own settings.
    await service.selectOptions('Model training')
    await expect.element(screen.getByText('$2.70', { exact: true })).toBeVisible()
  })

  it('shows the features of image generation and their dependent settings', async () => {
    const { screen } = await renderWithMock(<CostCalculator />)
    await expect.element(screen.getByText('$0.048', { exact: true })).toBeVisible()
    await expect.element(screen.getByLabelText('Prompt Magic version')).not.toBeInTheDocument()
    await screen.getByLabelText('Prompt Magic', { exact: true }).click()
    await expect.element(screen.getByLabelText('Prompt Magic version')).toHaveValue('v3')
    await screen.getByLabelText('Alchemy').click()
    await screen.getByLabelText('PhotoReal', { exact: true }).click()
    await screen.getByLabelText('PhotoReal version').selectOptions('v2')
    const body = () =>
      mock.requests.filter((request) => request.operationId === 'pricingCalculator').at(-1)?.body
    await vi.waitFor(() =>
      expect(body()).toEqual({
        service: 'IMAGE_GENERATION',
        serviceParams: {
          IMAGE_GENERATION: expect.objectContaining({
            isPhoenix: true,
            alchemyMode: true,
            promptMagic: true,
            promptMagicVersion: 'v3',
            photoRealMode: true,
            photoRealVersion: 'v2',
            imageWidth: 1024,
            numImages: 4,
          }),
        },
      }),
    )
    await expectNoA11yViolations()
  })

  it('shows what the server refuses on its field', async () => {
    const { screen } = await renderWithMock(
      <CostCalculator defaultService="UNIVERSAL_UPSCALER_ULTRA" />,
    )
    await expect.element(screen.getByText('$0.036', { exact: true })).toBeVisible()
    await screen.getByLabelText('Input width (px)').fill('4096')
    await screen.getByLabelText('Input height (px)').fill('4096')
    await screen.getByLabelText('Upscale multiplier').fill('2')
    const multiplier = screen.getByLabelText('Upscale multiplier')
    await expect.element(multiplier).toHaveAttribute('aria-invalid', 'true')
    await expect
      .element(multiplier)
      .toHaveAccessibleDescription(
        expect.stringContaining('The upscaled image would be over 20 megapixels.'),
      )
    expect(root().dataset.state).toBe('invalid')
    await expectNoA11yViolations()
  })

  it('shows an error with a retry that recovers', async () => {
    const { screen } = await renderWithMock(<CostCalculator />, {
      setup: (paygMock) => paygMock.failNext('pricingCalculator', { status: 500 }),
    })
    await expect
      .element(screen.getByRole('alert'))
      .toHaveTextContent('The price could not be calculated.')
    expect(root().dataset.state).toBe('error')
    await expectNoA11yViolations()
    await screen.getByRole('button', { name: 'Retry' }).click()
    await expect.element(screen.getByText('$0.048', { exact: true })).toBeVisible()
    await expect.element(screen.getByRole('alert')).not.toBeInTheDocument()
  })

  it('prices in credits on a legacy plan, without the auto top-up planner', async () => {
    const { screen } = await renderWithMock(<CostCalculator onApplySuggestion={() => {}} />, {
      scenario: 'legacySubscription',
    })
    await expect.element(screen.getByText('40 credits', { exact: true })).toBeVisible()
    await expect.element(screen.getByText('10 credits per image')).toBeVisible()
    await expect
      .element(screen.getByText('Your balance of 24,000 credits covers 600 requests like this.'))
      .toBeVisible()
    await expect.element(screen.getByLabelText('Requests per day')).not.toBeInTheDocument()
    await expectNoA11yViolations()
  })

  it('plans spend and applies a suggested auto top-up from the keyboard', async () => {
    const onApplySuggestion = vi.fn()
    const { screen } = await renderWithMock(
      <CostCalculator onApplySuggestion={onApplySuggestion} />,
    )
    await expect.element(screen.getByText('$0.048', { exact: true })).toBeVisible()
    const perDay = screen.getByLabelText('Requests per day')
    await perDay.fill('500')
    await expect.element(screen.getByText('$24.00')).toBeVisible()
    await expect.element(screen.getByText('$720.00')).toBeVisible()
    await expect
      .element(
        screen.getByText('Suggested auto top-up: add $168.00 when the balance falls below $48.00.'),
      )
      .toBeVisible()
    await expectNoA11yViolations()

    await userEvent.keyboard('{Tab}')
    await expect.element(screen.getByRole('button', { name: 'Apply to auto top-up' })).toHaveFocus()
    await userEvent.keyboard('{Enter}')
    expect(onApplySuggestion).toHaveBeenCalledExactlyOnceWith({ threshold: 48, amount: 168 })
    await expect
      .element(screen.getByRole('status').filter({ hasText: 'Applied' }))
      .toHaveTextContent('Applied to auto top-up: add $168.00 below $48.00.')

    // Spend in whole cents, rounded down, with the exact figure in its title.
    await perDay.fill('3')
    const daily = screen.getByText('$0.14', { exact: true })
    await expect.element(daily).toBeVisible()
    await expect.element(daily).toHaveAttribute('title', '$0.144')

    await perDay.fill('abc')
    await expect.element(perDay).toHaveAttribute('aria-invalid', 'true')
    await expect
      .element(perDay)
      .toHaveAccessibleDescription('Enter a whole number of requests from 1 to 1,000,000.')
    await expect
      .element(screen.getByRole('button', { name: 'Apply to auto top-up' }))
      .not.toBeInTheDocument()
    await expect.element(perDay).toHaveValue('abc')
  })

  it('formats for the locale and takes overridden strings', async () => {
    const { screen } = await renderWithMock(<CostCalculator />, {
      scenario: 'customDiscounts',
      locale: 'de-DE',
      messages: {
        'costCalculator.title': 'Kostenrechner',
        'costCalculator.listPrice': 'Listenpreis {amount}',
        'costCalculator.discount': '{percent} % Rabatt',
        'costCalculator.field.numImages': 'Anzahl der Bilder',
      },
    })
    await expect.element(screen.getByRole('heading', { name: 'Kostenrechner' })).toBeVisible()
    await expect.element(screen.getByText('0,0384 $', { exact: true })).toBeVisible()
    await expect.element(screen.getByText('Listenpreis 0,048 $')).toBeVisible()
    await expect.element(screen.getByText('20 % Rabatt')).toBeVisible()
    await expect.element(screen.getByLabelText('Anzahl der Bilder')).toHaveValue('4')
  })
})

describe('planAutoTopUp', () => {
  it('keeps two days of spend as the threshold and adds a week, rounded up to whole dollars', () => {
    expect(planAutoTopUp(usd('0.048'), 100)).toEqual({
      daily: usd('4.8'),
      monthly: usd('144'),
      threshold: 10,
      amount: 34,
    })
  })

  it('never suggests less than the $5 top-up minimum', () => {
    expect(planAutoTopUp(usd('0.0384'), 3)).toEqual({
      daily: usd('0.1152'),
      monthly: usd('3.456'),
      threshold: 5,
      amount: 5,
    })
  })

  it('stays exact where floats drift, and caps the amount at the $10,000 maximum', () => {
    // In floats 0.1 * 30 * 2 is 6.000000000000001 and 0.1 * 30 * 7 is 21.000000000000004,
    // which would round up to 7 and 22.
    expect(planAutoTopUp(usd('0.1'), 30)).toMatchObject({ threshold: 6, amount: 21 })
    expect(planAutoTopUp(usd('2.4'), 1_000).amount).toBe(10_000)
  })
})
