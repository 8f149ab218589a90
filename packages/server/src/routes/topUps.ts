import {
  type components,
  IdempotencyConflictError,
  PaymentDeclinedError,
  ServerError,
  usd,
} from '@payg-kit/core'
import {
  checkTopUpAmount,
  readTopUpRequest,
  TOP_UP_RANGE_MESSAGE,
  topUpRangeDetails,
} from '@payg-kit/core/rules'
import { withMessage } from '../apiError'
import { idempotencyKey, invalidParameters, JSON_HEADERS, readJson } from '../http'
import { clientKey, type LedgerWrite, sha256 } from '../ledger'
import { DEFAULT_TOP_UP_POLICY } from '../topUpPolicy'
import type { Routes, ServerContext } from './types'

type TopUp = components['schemas']['TopUp']
type TopUpResult = components['schemas']['TopUpResult']

/** `POST /billing/top-ups`: a manual top-up, paid through the provider, credited once. */
export function topUpRoutes(context: ServerContext): Routes {
  const { engine } = context
  const { topUpLimits = DEFAULT_TOP_UP_POLICY } = context.options

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
    const read = readTopUpRequest(await readJson(request))
    if (!read.ok) throw invalidParameters(read.errors, 'The top-up amount is invalid.')
    const problem = checkTopUpAmount('amount', read.amount, topUpLimits)
    if (problem) {
      throw invalidParameters([problem], TOP_UP_RANGE_MESSAGE, topUpRangeDetails(topUpLimits))
    }
    return read.amount
  }

  async function createTopUp(accountId: string, request: Request): Promise<Response> {
    const key = idempotencyKey(request, true)
    const amount = await readAmount(request)
    await context.account(accountId)
    const intent = { op: 'topUp', amount: String(amount) }
    const stored = clientKey(key)
    const seen = await engine.peek<{ topUp: TopUp }>(accountId, stored, intent)
    if (seen.state === 'conflict') engine.conflict(key)
    if (seen.state === 'replay') return topUpResponse(accountId, seen.response, true)
    // The attempt is recorded before any payment, so a crash at any later step leaves it for
    // `resumePending` or the account's next request. The provider's key is derived from the
    // account and the key: a retry, or a request racing this one, reaches the same payment.
    let attempt = await context.autoTopUp.recordManual(
      accountId,
      key,
      await sha256(`top-up\n${accountId}\n${key}`),
      String(amount),
    )
    if (attempt.status === 'CANCELLED') {
      const message =
        'This top-up was looked up and cancelled before it arrived, so nothing was charged. Start a new top-up (with a new Idempotency-Key).'
      throw withMessage(
        new IdempotencyConflictError({
          status: 409,
          message,
          idempotencyKey: key,
          details: { idempotencyKey: key, reason: 'CANCELLED_BY_LOOKUP' },
        }),
        message,
      )
    }
    if (usd(attempt.amount).amount !== String(amount)) engine.conflict(key)
    let credited = false
    let requiresAction = false
    let clientSecret: string | undefined
    if (attempt.status === 'PENDING') {
      const driven = await context.autoTopUp.drive(attempt.id, true)
      if (driven.row) attempt = driven.row
      credited = driven.credited
      requiresAction = driven.requiresAction === true
      clientSecret = driven.clientSecret
    }
    if (requiresAction) {
      // The spec's top-up answers have no 3-D Secure step: the card issuer's request to
      // authenticate is the spec's decline, nothing charged. Once the cardholder authenticates,
      // the same key reaches the now-succeeded payment and the top-up is credited.
      const message =
        'Your card needs authentication. Confirm the payment with your bank and try again.'
      throw withMessage(
        new PaymentDeclinedError({
          status: 402,
          code: 'PAYMENT_DECLINED',
          message,
          // The secret the account's own browser confirms the payment with (Stripe.js's
          // confirmCardPayment); it is this payment's, so it is theirs to see.
          details: {
            declineCode: 'authentication_required',
            ...(clientSecret ? { clientSecret } : {}),
          },
        }),
        message,
      )
    }
    if (attempt.status === 'PENDING') {
      const message = 'The payment could not be confirmed. Retry with the same Idempotency-Key.'
      throw withMessage(new ServerError({ status: 503, message }), message)
    }
    if (attempt.status === 'DECLINED') {
      const code = attempt.failure_code ?? 'PAYMENT_DECLINED'
      if (code === 'NO_PAYMENT_METHOD') {
        // No payment was attempted: as in the mock, no top-up is recorded, and the same key may
        // be sent again once a card is saved.
        await context.options.database.query(
          `DELETE FROM payg_top_up_attempts
           WHERE id = $1 AND kind = 'MANUAL' AND status = 'DECLINED' AND failure_code = 'NO_PAYMENT_METHOD'`,
          [attempt.id],
        )
      }
      const message =
        code === 'NO_PAYMENT_METHOD'
          ? 'Add a payment method before topping up.'
          : 'Your card was declined. Update your payment method and try again.'
      throw withMessage(
        new PaymentDeclinedError({
          status: 402,
          code,
          message,
          details: attempt.decline_code ? { declineCode: attempt.decline_code } : undefined,
        }),
        message,
      )
    }
    // Credited, with its answer stored under the key in the same transaction.
    const answer = await engine.peek<{ topUp: TopUp }>(accountId, stored, intent)
    if (answer.state === 'replay') return topUpResponse(accountId, answer.response, !credited)
    // A key forgotten after its retention, sent again, reaches the same payment at the
    // provider: that payment was credited already and is never credited twice.
    const message = 'This top-up was already credited. Start a new top-up with a new key.'
    throw withMessage(
      new IdempotencyConflictError({ status: 409, message, idempotencyKey: key }),
      message,
    )
  }

  return {
    '/billing/top-ups': { POST: ({ accountId, request }) => createTopUp(accountId, request) },
  }
}
