import type { Metadata } from 'next'
import '@payg-kit/ui/styles.css'

export const metadata: Metadata = {
  title: 'Billing',
  description: 'A Next.js app on payg-kit',
}

export default function RootLayout({ children }: LayoutProps<'/'>) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
