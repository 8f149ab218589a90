import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // Loaded by Node, not bundled: PGlite reads its WebAssembly beside its own files.
  serverExternalPackages: ['@electric-sql/pglite'],
}

export default nextConfig
