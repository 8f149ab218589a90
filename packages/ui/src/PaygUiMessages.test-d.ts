import { expectTypeOf, test } from 'vitest'
import type { PaygUiMessages } from './PaygUiMessages'

test('message overrides are checked by key', () => {
  const german: PaygUiMessages = {
    'balanceBadge.label': 'Guthaben',
    'topUpForm.submit': 'Aufladen {amount}',
  }
  expectTypeOf(german).toMatchTypeOf<Readonly<Record<string, string>>>()
  // @ts-expect-error not a key any widget reads
  const typo: PaygUiMessages = { 'balanceBadge.lable': 'Guthaben' }
  expectTypeOf(typo).not.toBeAny()
})
