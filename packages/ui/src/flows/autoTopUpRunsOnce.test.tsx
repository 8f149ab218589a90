import type { GenerationRequest } from '@payg-kit/core'
import { useCreateGeneration } from '@payg-kit/react'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { AutoTopUpSettings } from '../AutoTopUpSettings/AutoTopUpSettings'
import { BalanceBadge } from '../BalanceBadge/BalanceBadge'
import { expectNoA11yViolations, mock, renderWithMock } from '../test/renderWithMock'

// 4 Alchemy images at 1024x1024 with Leonardo Lightning XL: $0.048 (Leonardo's published example).
const FOUR_IMAGES: GenerationRequest = {
  prompt: 'a lighthouse at dusk',
  modelId: 'b24e16ff-06e3-43eb-8d33-4416c2d75876',
  num_images: 4,
  width: 1024,
  height: 1024,
  alchemy: true,
}

/** Starts `count` generations at once, as a busy app would. */
function GenerateMany({ count }: { count: number }) {
  const generate = useCreateGeneration()
  const [done, setDone] = useState(0)
  const run = async () => {
    const jobs = Array.from({ length: count }, () => generate.mutateAsync(FOUR_IMAGES))
    setDone((await Promise.all(jobs)).length)
  }
  return (
    <>
      <button type="button" onClick={run}>
        Generate {count} times
      </button>
      <p>{done ? `${done} generations done` : ''}</p>
    </>
  )
}

describe('flow: enable auto top-up -> generations cross the threshold -> one auto top-up', () => {
  it('tops up exactly once however many generations race past the threshold', async () => {
    const { screen } = await renderWithMock(
      <>
        <BalanceBadge />
        <AutoTopUpSettings />
        <GenerateMany count={8} />
      </>,
      { setup: (paygMock) => paygMock.state.setBalance('10.1') },
    )
    await expect.element(screen.getByText('$10.10', { exact: true })).toBeVisible()

    await screen.getByRole('switch', { name: 'Top up automatically' }).click()
    await screen.getByLabelText('When the balance falls below').fill('10')
    await screen.getByLabelText('Add this amount').fill('50')
    await expect.element(screen.getByText(/^Saving will add/)).not.toBeInTheDocument()
    await screen.getByRole('button', { name: 'Save' }).click()
    await expect
      .element(screen.getByText('Saved. $50.00 will be added when the balance falls below $10.00.'))
      .toBeVisible()
    expect(mock.state.autoTopUp().enabled).toBe(true)

    // 8 x $0.048 = $0.384: the third generation takes $10.10 below $10.
    await screen.getByRole('button', { name: 'Generate 8 times' }).click()
    await expect.element(screen.getByText('8 generations done')).toBeVisible()
    const autoTopUps = mock.state.transactions().filter((entry) => entry.type === 'AUTO_TOP_UP')
    expect(autoTopUps).toHaveLength(1)
    expect(autoTopUps[0]?.amount).toBe('50')
    expect(
      mock.state.transactions().filter((entry) => entry.type === 'USAGE').length,
    ).toBeGreaterThanOrEqual(8)
    expect(mock.state.balance()).toBe('59.716')

    await expect.element(screen.getByText('$59.71', { exact: true })).toBeVisible()
    const badge = document.querySelector('.payg-balance-badge') as HTMLElement
    expect(badge.dataset.state).toBe('ok')
    await expectNoA11yViolations()
  })
})
