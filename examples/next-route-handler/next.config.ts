import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // Loaded by Node, not bundled: the server finds its SQL migrations and PGlite its WebAssembly
  // beside their own files.
  serverExternalPackages: ['@payg-kit/server', '@electric-sql/pglite'],
}

export default nextConfig
