import { createPaygClient } from '@payg-kit/core'
import { describe, expect, it } from 'vitest'
import { createFakePayments, TEST_CARDS } from './payments'
import type { PricingOptions } from './routes/pricing'
import { accountId, databases, migratedDatabase } from './test/databases'
import { closeBillingServers, serveBilling } from './test/http'

const NOW = new Date('2026-06-01T12:00:00.000Z')

const pricing: PricingOptions = {
  catalog: () => ({
    customPricing: false,
    models: [
      {
        key: 'SDXL',
        name: 'Leonardo Diffusion XL',
        service: 'IMAGE_GENERATION',
        discountPercent: 0,
      },
    ],
  }),
  quote: () => ({
    cost: '0.012',
    listCost: '0.012',
    discountPercent: 0,
    modelKey: 'SDXL',
    credits: 10,
  }),
}

// The kit's own client decodes every answer strictly against the spec's shapes: it reads them all.
describe.each(databases)("the kit's client against the server on $name", ({ open }) => {
  const db = migratedDatabase(open, closeBillingServers)

  it('reads every billing operation the server answers', async () => {
    const a = accountId()
    const payments = createFakePayments()
    payments.setCard(a, TEST_CARDS.visa)
    const { billing, origin } = await serveBilling(
      { ta: a },
      { database: db(), payments, pricing, now: () => NOW, newAccountCredit: '5' },
    )
    const client = createPaygClient({ apiKey: 'ta', baseUrl: origin })
    const key = '6f1c9a52-2a6b-4c1e-9d0e-2f7b1f3c8a10'
    await client.topUp({ amount: 20, idempotencyKey: key })
    expect(await client.getTopUp(key)).toMatchObject({ topUp: { status: 'SUCCEEDED' } })
    expect(await client.getTopUp('never-sent')).toBeNull()
    await billing.ledger.charge(a, '0.048', 'job-1', { service: 'IMAGE_GENERATION' })
    const usage = await client.getUsage({ days: 2 })
    expect(usage).toMatchObject({ from: '2026-05-31', to: '2026-06-01' })
    expect(await client.getPaymentMethod()).toMatchObject({ last4: '4242' })
    expect(await client.getPricing()).toMatchObject({ customPricing: false })
    expect(
      await client.quote({ service: 'IMAGE_GENERATION', serviceParams: { IMAGE_GENERATION: {} } }),
    ).toMatchObject({ modelKey: 'SDXL' })

    const b = accountId()
    await billing.ledger.setLegacyPlan(b, {
      name: 'API Standard',
      monthlyPrice: '49',
      creditsPerMonth: 25_000,
      creditsRemaining: 24_000,
      renewalDate: '2026-07-01T00:00:00.000Z',
    })
    const { origin: planOrigin } = await serveBilling(
      { tb: b },
      { database: db(), payments, pricing, now: () => NOW },
    )
    const planClient = createPaygClient({ apiKey: 'tb', baseUrl: planOrigin })
    expect(await planClient.getSubscription()).toMatchObject({ billingModel: 'SUBSCRIPTION' })
    expect(await planClient.getMigrationPreview()).toMatchObject({
      creditsRemaining: { amount: '24000', unit: 'CREDITS' },
    })
    const moved = await planClient.migrateToPayg()
    expect(moved).toMatchObject({ subscription: { billingModel: 'PAYG' } })
    expect(await planClient.getBalance()).toMatchObject({ billingModel: 'PAYG' })
  })
})
