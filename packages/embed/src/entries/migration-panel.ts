// <payg-migration-panel>: a legacy plan's way to pay-as-you-go, with a confirm step.
import { MigrationPanel } from '@payg-kit/ui'
import { defineWidget } from '../defineWidget'

defineWidget({
  tag: 'payg-migration-panel',
  component: MigrationPanel,
  events: { onMigrated: 'payg-migrated' },
})
