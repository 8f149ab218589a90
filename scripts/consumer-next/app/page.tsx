import { Billing } from './Billing'

export default function Home() {
  return (
    <main>
      <h1>Billing</h1>
      <Billing />
    </main>
  )
}
