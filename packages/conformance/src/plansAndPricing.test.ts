import { PRICING_MODELS, shiftRenewalDate } from '@payg-kit/core/rules'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_NOW } from '../../../test/clock'
import { type AccountState, BACKENDS } from './backends'

const PLAN = {
  name: 'API Standard',
  monthlyPrice: '49',
  creditsPerMonth: 25_000,
  creditsRemaining: 10_000,
}
const ON_PLAN: AccountState = { balance: '0', card: 'visa', lowBalanceThreshold: null, plan: PLAN }
const PAYG: AccountState = { balance: '20', card: 'visa', lowBalanceThreshold: null }

const LIGHTNING = {
  service: 'IMAGE_GENERATION',
  serviceParams: {
    IMAGE_GENERATION: { imageWidth: 1024, imageHeight: 1024, numImages: 4, isSDXLLightning: true },
  },
}

describe.each(BACKENDS)('legacy plans and pricing: %s', (_name, open) => {
  const backend = open()
  beforeAll(() => backend.ready())
  afterAll(() => backend.close())

  describe('an account on a legacy plan', () => {
    it('reads its balance in credits and its plan', async () => {
      const a = await backend.account(ON_PLAN)
      const balance = await a.call('GET', '/billing/balance')
      expect(balance.body).toMatchObject({
        billingModel: 'SUBSCRIPTION',
        credits: 10_000,
        state: 'OK',
      })
      const subscription = await a.call('GET', '/billing/subscription')
      expect(subscription.status).toBe(200)
      expect(subscription.body).toMatchObject({
        billingModel: 'SUBSCRIPTION',
        migratedAt: null,
        plan: { name: 'API Standard', creditsRemaining: 10_000 },
      })
    })

    it('previews and migrates: the credits become dollars once, as one MIGRATION_CREDIT', async () => {
      const a = await backend.account(ON_PLAN)
      const preview = await a.call('GET', '/billing/subscription/migration-preview')
      expect(preview.status).toBe(200)
      expect(preview.body).toMatchObject({ creditsRemaining: 10_000, balanceAfter: '12' })
      const migrated = await a.call('POST', '/billing/subscription/migrate', {
        headers: { 'idempotency-key': 'migrate-once' },
      })
      expect(migrated.status).toBe(200)
      expect(migrated.body.balance).toMatchObject({ balance: '12', billingModel: 'PAYG' })
      const replay = await a.call('POST', '/billing/subscription/migrate', {
        headers: { 'idempotency-key': 'migrate-once' },
      })
      expect(replay.status).toBe(200)
      expect(replay.headers.get('idempotent-replayed')).toBe('true')
      const again = await a.call('POST', '/billing/subscription/migrate')
      expect(again.status).toBe(409)
      expect(again.body.code).toBe('ALREADY_ON_PAYG')
      const entries = await a.call('GET', '/billing/transactions?type=MIGRATION_CREDIT')
      expect(entries.body.data.map((t: { amount: string }) => t.amount)).toEqual(['12'])
      expect((await a.call('GET', '/billing/subscription')).body).toMatchObject({
        billingModel: 'PAYG',
        plan: null,
        migratedAt: expect.any(String),
      })
    })

    it('renews its credits at the renewal date, a month on, and migrates the renewed credits', async () => {
      const a = await backend.account(ON_PLAN)
      // 4 Lightning XL images: 40 credits, $0.048 on PAYG.
      expect(await a.charge('0.048', 'before-renewal')).toBe(true)
      const plan = (await a.call('GET', '/billing/subscription')).body.plan
      expect(plan).toMatchObject({ creditsRemaining: 9_960 })
      const renewal = new Date(plan.renewalDate)
      // Just before the date nothing renews; at the date the 9,960 left do not roll over.
      await a.advance(renewal.getTime() - TEST_NOW.getTime() - 1)
      expect((await a.call('GET', '/billing/subscription')).body.plan).toMatchObject({
        creditsRemaining: 9_960,
        renewalDate: plan.renewalDate,
      })
      await a.advance(1)
      // The next renewal: one calendar month (UTC) on, by the rule both backends run.
      const next = shiftRenewalDate(renewal, 1).toISOString()
      const renewed = await a.call('GET', '/billing/subscription')
      expect(renewed.status).toBe(200)
      expect(renewed.body.plan).toEqual({ ...PLAN, creditsRemaining: 25_000, renewalDate: next })
      expect(renewed.body.plan.creditsRemaining).toBe(renewed.body.plan.creditsPerMonth)
      expect((await a.call('GET', '/billing/balance')).body).toMatchObject({
        billingModel: 'SUBSCRIPTION',
        credits: 25_000,
        state: 'OK',
      })
      // A charge after the renewal takes the new month's credits.
      expect(await a.charge('0.048', 'after-renewal')).toBe(true)
      expect((await a.call('GET', '/billing/balance')).body.credits).toBe(24_960)
      const preview = await a.call('GET', '/billing/subscription/migration-preview')
      expect(preview.body).toMatchObject({
        creditsRemaining: 24_960,
        convertedAmount: '29.952',
        balanceAfter: '29.952',
      })
      const migrated = await a.call('POST', '/billing/subscription/migrate')
      expect(migrated.status).toBe(200)
      expect(migrated.body.transaction).toMatchObject({
        type: 'MIGRATION_CREDIT',
        amount: '29.952',
        description: '24,960 plan credits converted from API Standard',
      })
      expect(migrated.body.balance).toMatchObject({ balance: '29.952', billingModel: 'PAYG' })
    })

    it('is quoted in list credits', async () => {
      const a = await backend.account(ON_PLAN)
      const quote = await a.call('POST', '/billing/pricing/quote', { body: LIGHTNING })
      expect(quote.status).toBe(200)
      expect(quote.body).toMatchObject({
        cost: { amount: '40', unit: 'CREDITS' },
        discountPercent: 0,
        modelKey: 'SDXL_LIGHTNING',
      })
    })
  })

  describe('pricing on PAYG', () => {
    it('quotes the same price for the same request', async () => {
      const a = await backend.account(PAYG)
      const quote = await a.call('POST', '/billing/pricing/quote', { body: LIGHTNING })
      expect(quote.status).toBe(200)
      expect(quote.body).toEqual({
        cost: { amount: '0.048', unit: 'DOLLARS' },
        listCost: { amount: '0.048', unit: 'DOLLARS' },
        discountPercent: 0,
        modelKey: 'SDXL_LIGHTNING',
      })
    })

    it.each<[string, unknown, string]>([
      [
        'too many images',
        { IMAGE_GENERATION: { numImages: 9 } },
        'serviceParams.IMAGE_GENERATION.numImages',
      ],
      [
        'a width off the grid',
        { IMAGE_GENERATION: { imageWidth: 1020 } },
        'serviceParams.IMAGE_GENERATION.imageWidth',
      ],
      [
        'a misspelt parameter',
        { IMAGE_GENERATION: { alchemy: false } },
        'serviceParams.IMAGE_GENERATION.alchemy',
      ],
      ['another service', { BOGUS: {} }, 'serviceParams.BOGUS'],
    ])('refuses %s with 422 naming the field', async (_what, serviceParams, field) => {
      const a = await backend.account(PAYG)
      const quote = await a.call('POST', '/billing/pricing/quote', {
        body: { service: 'IMAGE_GENERATION', serviceParams },
      })
      expect(quote.status).toBe(422)
      expect(quote.body.fieldErrors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field })]),
      )
    })

    it('lists the same catalog', async () => {
      const a = await backend.account(PAYG)
      const catalog = await a.call('GET', '/billing/pricing')
      expect(catalog.status).toBe(200)
      expect(catalog.body).toMatchObject({ illustrative: true, customPricing: false })
      // Every model of the one price table, at list price.
      expect(catalog.body.models).toEqual(
        PRICING_MODELS.map((model) => ({ ...model, discountPercent: 0 })),
      )
    })
  })
})
