import { useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useEffect, useId, useState } from 'react'
import { isTestCard, TEST_CARD_OPTIONS, TEST_CARD_PATH, type TestCard } from './testCards'

/** Says which backend answers the page: the mock in this tab, or the billing server too. */
export function BackendNote(): ReactNode {
  if (__PAYG_LIVE__) return null // The controls already say the page is live.
  if (__PAYG_BILLING_SERVER__ === null) {
    // A paragraph inside the flex row, as in server mode: its words and code flow as one text.
    return (
      <div className="playground__backend" data-backend="mock">
        <p>
          <strong>Backend: the mock</strong> (<code>@payg-kit/msw</code>, in this tab): a reload
          starts it over. <code>pnpm dev</code> runs billing on the real server.
        </p>
      </div>
    )
  }
  return (
    <div className="playground__backend" data-backend="server">
      <p>
        <strong>Billing: the real server</strong> (<code>@payg-kit/server</code>) on{' '}
        {__PAYG_BILLING_SERVER__}, with the fake payment provider: top-ups stay across reloads and
        restarts. Generations, <code>/me</code> and prices: the mock.
      </p>
      <TestCardPicker />
    </div>
  )
}

/** The fake provider's saved card for the playground's account: succeeds or declines. */
function TestCardPicker(): ReactNode {
  const id = useId()
  const queryClient = useQueryClient()
  const [card, setCard] = useState<TestCard | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    let current = true
    void fetch(TEST_CARD_PATH)
      .then((response) => response.json() as Promise<{ card?: unknown }>)
      .then(({ card: saved }) => {
        if (current && isTestCard(saved)) setCard(saved)
      })
      .catch(() => {
        if (current) setProblem('The dev server did not answer.')
      })
    return () => {
      current = false
    }
  }, [])

  const change = async (next: TestCard) => {
    setProblem(null)
    try {
      const response = await fetch(TEST_CARD_PATH, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ card: next }),
      })
      if (!response.ok) throw new Error(String(response.status))
      setCard(next)
      await queryClient.invalidateQueries()
    } catch {
      setProblem('The card was not changed; reload the page.')
    }
  }

  return (
    <div className="playground__control">
      <label className="payg-label" htmlFor={`${id}-card`}>
        Saved test card
      </label>
      <select
        id={`${id}-card`}
        className="payg-select"
        value={card ?? ''}
        disabled={card === null}
        onChange={(event) => {
          if (isTestCard(event.target.value)) void change(event.target.value)
        }}
      >
        {card === null ? <option value="">…</option> : null}
        {TEST_CARD_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {problem ? <span className="payg-hint">{problem}</span> : null}
    </div>
  )
}
