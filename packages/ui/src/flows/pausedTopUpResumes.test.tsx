import { useCreateGeneration } from '@payg-kit/react'
import { expect, it } from 'vitest'
import { CostTag } from '../CostTag/CostTag'
import { PausedBanner } from '../PausedBanner/PausedBanner'
import { expectNoA11yViolations, mock, renderWithMock } from '../test/renderWithMock'

// Leonardo Lightning XL with Alchemy, 4 images at 1024x1024: the published $0.048 example.
const lightning = {
  prompt: 'a lighthouse at dusk',
  modelId: 'b24e16ff-06e3-43eb-8d33-4416c2d75876',
  num_images: 4,
  width: 1024,
  height: 1024,
  alchemy: true,
}

function Generate() {
  const generation = useCreateGeneration()
  return (
    <section aria-label="Generate">
      <button type="button" onClick={() => generation.mutate(lightning)}>
        Generate
      </button>
      {generation.isError && <p>Refused</p>}
      {generation.data && (
        <p>
          Generated <CostTag cost={generation.data.cost} />
        </p>
      )}
    </section>
  )
}

// Flow: a zero balance -> the paused banner -> a top-up from it -> requests resume.
it('at zero the banner shows; a top-up lifts it and the next generation runs', async () => {
  const { screen } = await renderWithMock(
    <>
      <PausedBanner showTopUpForm />
      <Generate />
    </>,
    { scenario: 'zeroBalance' },
  )
  await expect.element(screen.getByRole('alert')).toHaveTextContent('Requests are paused')

  // A request while paused is refused, and nothing is charged.
  await screen.getByRole('button', { name: 'Generate' }).click()
  await expect.element(screen.getByText('Refused', { exact: true })).toBeVisible()
  await expect.element(screen.getByRole('alert')).toHaveTextContent('$0.048 short')
  await expectNoA11yViolations()

  await screen.getByRole('radio', { name: '$10', exact: true }).click()
  await screen.getByRole('button', { name: 'Add $10' }).click()
  await expect.element(screen.getByText('Requests are paused')).not.toBeInTheDocument()
  expect(document.querySelector('.payg-paused-banner [role="alert"]')).toBeNull()
  await expect.element(screen.getByText(/^Credit added: requests run again/)).toBeVisible()

  await screen.getByRole('button', { name: 'Generate' }).click()
  await expect.element(screen.getByText('Generated')).toHaveTextContent('Cost: $0.048')

  // What the mock received, reads aside (the balance, the card, the top-up policy): a refused
  // generation, one $10 top-up, an accepted generation.
  const reads = ['getBalance', 'getPaymentMethod', 'getAutoTopUp']
  const received = mock.requests
    .filter((r) => !reads.includes(r.operationId))
    .map((r) => [r.operationId, r.status, r.body && 'amount' in (r.body as object) ? r.body : null])
  expect(received).toEqual([
    ['createGeneration', 402, null],
    ['createTopUp', 201, { amount: 10 }],
    ['createGeneration', 200, null],
  ])
  expect(mock.state.balance()).toBe('9.952')
  await expectNoA11yViolations()
})
