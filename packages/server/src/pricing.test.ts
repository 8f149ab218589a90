import { multiply, usd } from '@payg-kit/core'
import { describe, expect, it } from 'vitest'
import type { PricingOptions } from './routes/pricing'
import { accountId, databases, migratedDatabase } from './test/databases'
import { closeBillingServers, serveBilling } from './test/http'

/** A two-model price list: $0.012 an image at list price, 10 credits an image on a plan. */
function fixturePricing(discounts: Record<string, Record<string, number>>): PricingOptions {
  const models = [
    { key: 'PHOENIX', name: 'Leonardo Phoenix', service: 'IMAGE_GENERATION' as const },
    { key: 'SDXL', name: 'Leonardo Diffusion XL', service: 'IMAGE_GENERATION' as const },
  ]
  return {
    catalog: (account) => ({
      customPricing: account in discounts,
      illustrative: true,
      models: models.map((model) => ({
        ...model,
        discountPercent: discounts[account]?.[model.key] ?? 0,
      })),
    }),
    quote: (service, settings, account) => {
      const images = settings.numImages ?? 1
      if (service !== 'IMAGE_GENERATION') {
        return {
          fieldErrors: [{ field: 'service', code: 'INVALID_VALUE', message: 'Images only.' }],
        }
      }
      if (typeof images !== 'number' || !Number.isInteger(images) || images < 1 || images > 8) {
        return {
          fieldErrors: [{ field: 'numImages', code: 'OUT_OF_RANGE', message: 'From 1 to 8.' }],
        }
      }
      const modelKey = settings.isPhoenix === true ? 'PHOENIX' : 'SDXL'
      const discountPercent = discounts[account]?.[modelKey] ?? 0
      const listCost = multiply(usd('0.012'), images)
      return {
        listCost: listCost.amount,
        cost: multiply(listCost, (100 - discountPercent) / 100).amount,
        discountPercent,
        modelKey,
        credits: images * 10,
      }
    },
  }
}

describe.each(databases)(
  'GET /billing/pricing and POST /billing/pricing/quote on $name',
  ({ open }) => {
    const db = migratedDatabase(open, closeBillingServers)

    async function setup() {
      const a = accountId()
      const b = accountId()
      const served = await serveBilling(
        { ta: a, tb: b },
        { database: db(), pricing: fixturePricing({ [a]: { PHOENIX: 20 } }) },
      )
      const quote = (body: unknown, token = 'ta') =>
        served.call('/billing/pricing/quote', token, {
          method: 'POST',
          body: typeof body === 'string' ? body : JSON.stringify(body),
          headers: { 'content-type': 'application/json' },
        })
      return { ...served, a, b, quote }
    }

    const phoenix4 = {
      service: 'IMAGE_GENERATION',
      serviceParams: { IMAGE_GENERATION: { numImages: 4, isPhoenix: true } },
    }

    it('shows each account its own catalog and discounts', async () => {
      const { a, call } = await setup()
      expect((await call('/billing/pricing', 'ta')).body).toEqual({
        currency: 'USD',
        illustrative: true,
        customPricing: true,
        models: [
          {
            key: 'PHOENIX',
            name: 'Leonardo Phoenix',
            service: 'IMAGE_GENERATION',
            discountPercent: 20,
          },
          {
            key: 'SDXL',
            name: 'Leonardo Diffusion XL',
            service: 'IMAGE_GENERATION',
            discountPercent: 0,
          },
        ],
      })
      const other = await call(`/billing/pricing?accountId=${a}`, 'tb')
      expect(other.body.customPricing).toBe(false)
      expect(other.body.models.map((m: { discountPercent: number }) => m.discountPercent)).toEqual([
        0, 0,
      ])
    })

    it("quotes the account's price beside the list price, never another account's discount", async () => {
      const { a, quote } = await setup()
      expect((await quote(phoenix4)).body).toEqual({
        cost: { amount: '0.0384', unit: 'DOLLARS' },
        listCost: { amount: '0.048', unit: 'DOLLARS' },
        discountPercent: 20,
        modelKey: 'PHOENIX',
      })
      expect((await quote({ ...phoenix4, accountId: a }, 'tb')).status).toBe(422)
      expect((await quote(phoenix4, 'tb')).body).toEqual({
        cost: { amount: '0.048', unit: 'DOLLARS' },
        listCost: { amount: '0.048', unit: 'DOLLARS' },
        discountPercent: 0,
        modelKey: 'PHOENIX',
      })
      const sdxl = await quote({ service: 'IMAGE_GENERATION', serviceParams: {} })
      expect(sdxl.body).toMatchObject({ cost: { amount: '0.012' }, modelKey: 'SDXL' })
    })

    it('quotes list credits to an account still on a legacy plan', async () => {
      const { a, billing, quote } = await setup()
      await billing.ledger.setLegacyPlan(a, {
        name: 'API Basic',
        monthlyPrice: '9',
        creditsPerMonth: 3500,
        creditsRemaining: 100,
        renewalDate: '2026-07-01T00:00:00.000Z',
      })
      expect((await quote(phoenix4)).body).toEqual({
        cost: { amount: '40', unit: 'CREDITS' },
        listCost: { amount: '40', unit: 'CREDITS' },
        discountPercent: 0,
        modelKey: 'PHOENIX',
      })
    })

    it('refuses a malformed request with 400 and invalid fields with 422 naming them', async () => {
      const { quote } = await setup()
      expect(await quote('{"service":')).toMatchObject({
        status: 400,
        body: { code: 'BAD_REQUEST' },
      })
      const cases: [unknown, string, string][] = [
        [[1], 'service', 'REQUIRED'],
        [{ serviceParams: {} }, 'service', 'REQUIRED'],
        [{ service: 'TELEPORT', serviceParams: {} }, 'service', 'INVALID_VALUE'],
        [{ service: 'IMAGE_GENERATION' }, 'serviceParams', 'REQUIRED'],
        [{ ...phoenix4, extra: 1 }, 'extra', 'UNKNOWN_FIELD'],
        [
          { service: 'IMAGE_GENERATION', serviceParams: { BOGUS: {} } },
          'serviceParams.BOGUS',
          'UNKNOWN_FIELD',
        ],
        [
          { service: 'IMAGE_GENERATION', serviceParams: { IMAGE_GENERATION: 4 } },
          'serviceParams.IMAGE_GENERATION',
          'INVALID_TYPE',
        ],
        [
          { service: 'IMAGE_GENERATION', serviceParams: { IMAGE_GENERATION: { numImages: 9 } } },
          'serviceParams.IMAGE_GENERATION.numImages',
          'OUT_OF_RANGE',
        ],
      ]
      for (const [body, field, code] of cases) {
        const answer = await quote(body)
        expect(answer.status, JSON.stringify(body)).toBe(422)
        expect(answer.body.code).toBe('VALIDATION_FAILED')
        expect(answer.body.fieldErrors).toContainEqual(expect.objectContaining({ field, code }))
      }
    })

    it('is not served without the pricing option', async () => {
      const { call } = await serveBilling({ ta: accountId() }, { database: db() })
      expect(await call('/billing/pricing', 'ta')).toMatchObject({ status: 404 })
    })
  },
)
