import {
  type components,
  IdempotencyConflictError,
  PaymentDeclinedError,
  ServerError,
  usd,
} from '@payg-kit/core'
import { withMessage } from '../apiError'
import { idempotencyKey, invalid, JSON_HEADERS, onlyFields, readObject } from '../http'
import { type LedgerWrite, sha256 } from '../ledger'
import type { PaymentProvider } from '../payments'
import { claimTopUp, releaseTopUp, settleTopUp } from '../topUpRecords'
import type { Routes, ServerContext } from './types'

type TopUp = components['schemas']['TopUp']
type TopUpResult = components['schemas']['TopUpResult']

/** `POST /billing/top-ups`: a manual top-up, paid through the provider, credited once. */
export function topUpRoutes(context: ServerContext, payments: PaymentProvider): Routes {
  const { engine } = context
  const { topUpLimits = { min: 5, max: 10_000 } } = context.options
  const now = context.options.now ?? (() => new Date())

  async function topUpResponse(
    accountId: string,
    written: LedgerWrite & { topUp: TopUp },
    replayed: boolean,
  ): Promise<Response> {
    const body: TopUpResult = {
      topUp: written.topUp,
      balance: await context.balanceBody(
        accountId,
        usd(written.balance),
        written.transaction.createdAt,
      ),
    }
    const headers: Record<string, string> = { ...JSON_HEADERS }
    if (replayed) headers['idempotent-replayed'] = 'true'
    return new Response(JSON.stringify(body), { status: 201, headers })
  }

  async function readAmount(request: Request): Promise<number> {
    const body = await readObject(request, 'amount')
    onlyFields(body, ['amount'], 'a top-up')
    const { amount } = body
    if (typeof amount !== 'number' || !Number.isInteger(amount)) {
      throw invalid('amount', 'INVALID_TYPE', 'amount must be a whole number of dollars.')
    }
    if (amount < topUpLimits.min) {
      throw invalid('amount', 'TOO_SMALL', `A top-up is at least $${topUpLimits.min}.`)
    }
    if (amount > topUpLimits.max) {
      throw invalid('amount', 'TOO_LARGE', `A top-up is at most $${topUpLimits.max}.`)
    }
    return amount
  }

  async function createTopUp(accountId: string, request: Request): Promise<Response> {
    const key = idempotencyKey(request, 'a top-up')
    const amount = await readAmount(request)
    await context.account(accountId)
    const intent = { op: 'topUp', amount: String(amount) }
    const seen = await engine.peek<{ topUp: TopUp }>(accountId, key, intent)
    if (seen.state === 'conflict') engine.conflict(key)
    if (seen.state === 'replay') return topUpResponse(accountId, seen.response, true)
    // Claimed before paying: a lookup of this key now finds it, and one that came first refuses it.
    const topUpId = await claimTopUp(context.options.database, {
      accountId,
      idempotencyKey: key,
      amount,
      at: now(),
    })
    // The provider's key is derived from the account and the key: a retry, or a request racing
    // this one, reaches the same payment, so it is taken once whatever happens here.
    let outcome: Awaited<ReturnType<PaymentProvider['charge']>>
    try {
      outcome = await payments.charge({
        accountId,
        amount: String(amount),
        idempotencyKey: await sha256(`top-up\n${accountId}\n${key}`),
      })
    } catch (cause) {
      const message = 'The payment could not be confirmed. Retry with the same Idempotency-Key.'
      throw withMessage(new ServerError({ status: 503, message, cause }), message)
    }
    if (outcome.status === 'DECLINED' && outcome.code === 'NO_PAYMENT_METHOD') {
      await releaseTopUp(context.options.database, topUpId)
    } else if (outcome.status === 'DECLINED') {
      await settleTopUp(context.options.database, {
        id: topUpId,
        status: 'DECLINED',
        paymentMethodId: outcome.paymentMethodId,
        at: now(),
      })
    }
    if (outcome.status === 'DECLINED') {
      const message =
        outcome.code === 'NO_PAYMENT_METHOD'
          ? 'Add a payment method before topping up.'
          : 'Your card was declined. Update your payment method and try again.'
      throw withMessage(
        new PaymentDeclinedError({
          status: 402,
          code: outcome.code,
          message,
          details: outcome.declineCode ? { declineCode: outcome.declineCode } : undefined,
        }),
        message,
      )
    }
    const written = await engine.write(
      accountId,
      key,
      intent,
      async (tx) => {
        // A key forgotten after its retention, sent again, reaches the same payment at the
        // provider: that payment was credited already and is never credited twice.
        const credited = await tx.query('SELECT 1 FROM payg_ledger WHERE payment_id = $1', [
          outcome.paymentId,
        ])
        if (credited.length > 0) {
          const message = 'This top-up was already credited. Start a new top-up with a new key.'
          throw withMessage(
            new IdempotencyConflictError({ status: 409, message, idempotencyKey: key }),
            message,
          )
        }
        await settleTopUp(tx, {
          id: topUpId,
          status: 'SUCCEEDED',
          paymentMethodId: outcome.paymentMethodId,
          at: now(),
        })
        return {
          type: 'TOP_UP',
          amount: usd(amount),
          description: 'Manual top-up',
          topUpId,
          paymentId: outcome.paymentId,
        }
      },
      ({ transaction }) => ({
        topUp: {
          id: topUpId,
          amount: String(amount),
          kind: 'MANUAL',
          status: 'SUCCEEDED',
          paymentMethodId: outcome.paymentMethodId,
          createdAt: transaction.createdAt,
        } satisfies TopUp,
      }),
    )
    return topUpResponse(accountId, written, written.replayed)
  }

  return {
    '/billing/top-ups': { POST: ({ accountId, request }) => createTopUp(accountId, request) },
  }
}
