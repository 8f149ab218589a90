import { useSubscription } from '@payg-kit/react'
import { MigrationPanel } from '@payg-kit/ui'
import type { ReactNode } from 'react'

/** The migration panel, for accounts on a legacy plan (and, once switched, its outcome). */
export function LegacyPlanMigration(): ReactNode {
  const { data } = useSubscription()
  if (!data || (data.billingModel !== 'SUBSCRIPTION' && data.migratedAt === null)) return null
  return <MigrationPanel />
}
