// The full set: one script registers every widget as a custom element.
//   <script type="module" src="payg-embed.js"></script>
//   <payg-balance-badge base-url="/api/payg"></payg-balance-badge>
// Each element also has an entry of its own (`balance-badge.js` and so on) over the same shared
// runtime, for a page that shows only some of them.
import './entries/balance-badge'
import './entries/top-up-form'
import './entries/auto-top-up-settings'
import './entries/cost-calculator'
import './entries/paused-banner'
import './entries/transaction-history'
import './entries/spend-chart'
import './entries/migration-panel'
import './entries/cost-tag'

export { PAYG_ELEMENT_TAGS, type PaygElementEventMap, type PaygElementTag } from './elements'
