// The kit in a few lines, against the built-in mock: a balance, a cost estimate, a top-up and a
// generation's cost. Swap the mock for a real server by dropping `server` and passing `apiKey`.
import { createPaygClient, formatMoney, InsufficientBalanceError } from '@payg-kit/core'
import { createPaygMock } from '@payg-kit/msw'
import { setupServer } from 'msw/node'

const mock = createPaygMock({ scenario: 'lowBalance' })
const server = setupServer(...mock.handlers)
server.listen({ onUnhandledRequest: 'error' })

const payg = createPaygClient({ apiKey: 'demo-key' })
const show = (label: string, value: string) => console.log(`${label.padEnd(22)} ${value}`)

try {
  const { balance, state } = await payg.getBalance()
  show('Balance', `${formatMoney(balance, { locale: 'en-US' })} (${state})`)

  const request = {
    prompt: 'a lighthouse at dawn, volumetric light',
    modelId: 'b24e16ff-06e3-43eb-8d33-4416c2d75876', // Leonardo Lightning XL
    width: 1024,
    height: 1024,
    num_images: 4,
    alchemy: true,
  }
  const estimate = await payg.estimateCost({
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
  })
  show('Estimate (4 images)', formatMoney(estimate, { locale: 'en-US' }))

  const topUp = await payg.topUp({ amount: 25 })
  show(
    'Top-up',
    `${formatMoney(topUp.topUp.amount, { locale: 'en-US' })} -> balance ${formatMoney(topUp.balance.balance, { locale: 'en-US' })}`,
  )

  const job = await payg.createGeneration(request)
  show('Generation cost', `${formatMoney(job.cost, { locale: 'en-US' })} (job ${job.generationId})`)

  const after = await payg.getBalance()
  show('Balance now', formatMoney(after.balance, { locale: 'de-DE' }))
} catch (error) {
  if (error instanceof InsufficientBalanceError) console.error('Paused: top up to continue.')
  throw error
} finally {
  server.close()
}
