import type { StorybookConfig } from '@storybook/react-vite'
import { testNow } from '../vitest.clock.ts'

const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  stories: [
    './Introduction.mdx',
    './Overview.stories.tsx',
    '../packages/ui/src/**/*.stories.@(ts|tsx)',
  ],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  staticDirs: ['./public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // No onboarding checklist in the sidebar or the menu: this Storybook is the kit's showcase.
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  // Every story's mock starts at one instant (PAYG_TEST_NOW when the stories run as tests under
  // another date), so a story reads the same whatever today is.
  viteFinal: (vite) => ({
    ...vite,
    define: { ...vite.define, __PAYG_STORY_NOW__: JSON.stringify(testNow) },
  }),
}

export default config
