import { describe, expect, it } from 'vitest'
import { createFakePayments, type PaymentProvider, TEST_CARD_EXPIRY, TEST_CARDS } from './payments'
import { accountId, databases, migratedDatabase } from './test/databases'
import { closeBillingServers, serveBilling } from './test/http'

describe.each(databases)('GET /billing/payment-method on $name', ({ open }) => {
  const db = migratedDatabase(open, closeBillingServers)

  it("answers the caller's saved test card, or null, never another account's", async () => {
    const a = accountId()
    const b = accountId()
    const payments = createFakePayments()
    payments.setCard(a, TEST_CARDS.visa)
    const { call } = await serveBilling({ ta: a, tb: b }, { database: db(), payments })
    const mine = await call('/billing/payment-method', 'ta')
    expect(mine).toMatchObject({ status: 200 })
    expect(mine.body).toEqual({
      paymentMethod: { id: 'pm_card_4242', brand: 'visa', last4: '4242', ...TEST_CARD_EXPIRY },
    })
    expect((await call(`/billing/payment-method?accountId=${a}`, 'tb')).body).toEqual({
      paymentMethod: null,
    })
    payments.setCard(a, TEST_CARDS.declined)
    expect((await call('/billing/payment-method', 'ta')).body.paymentMethod).toMatchObject({
      id: 'pm_card_0002',
      last4: '0002',
    })
    payments.setCard(a, null)
    expect((await call('/billing/payment-method', 'ta')).body).toEqual({ paymentMethod: null })
    expect((await call('/billing/payment-method')).status).toBe(401)
  })

  it('answers null without a provider, or with one that cannot tell, and only the spec fields', async () => {
    const a = accountId()
    const bare = await serveBilling({ ta: a }, { database: db() })
    expect((await bare.call('/billing/payment-method', 'ta')).body).toEqual({
      paymentMethod: null,
    })
    const chargeOnly: PaymentProvider = {
      charge: async () => Promise.reject(new Error('unused')),
      lookup: async () => null,
    }
    const silent = await serveBilling({ ta: a }, { database: db(), payments: chargeOnly })
    expect((await silent.call('/billing/payment-method', 'ta')).body).toEqual({
      paymentMethod: null,
    })
    const chatty: PaymentProvider = {
      ...chargeOnly,
      paymentMethod: async () =>
        ({
          id: 'pm_1',
          brand: 'mastercard',
          last4: '4444',
          expMonth: 1,
          expYear: 2031,
          fingerprint: 'secret',
        }) as never,
    }
    const served = await serveBilling({ ta: a }, { database: db(), payments: chatty })
    expect((await served.call('/billing/payment-method', 'ta')).body).toEqual({
      paymentMethod: { id: 'pm_1', brand: 'mastercard', last4: '4444', expMonth: 1, expYear: 2031 },
    })
  })
})
