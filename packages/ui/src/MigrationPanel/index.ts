'use client'
import { withBillingExtension } from '../withBillingExtension'
import { withErrorBoundary } from '../withErrorBoundary'
import { MigrationPanel as MigrationPanelWidget } from './MigrationPanel'

/**
 * A legacy plan's way to pay-as-you-go, with a confirm step.
 * @example <MigrationPanel onMigrated={() => router.refresh()} />
 */
export const MigrationPanel = /* @__PURE__ */ withErrorBoundary(
  /* @__PURE__ */ withBillingExtension(MigrationPanelWidget, 'migration'),
)
