import { createPaygProxy } from '@payg-kit/core/proxy'

const proxy = createPaygProxy({
  apiKey: process.env.PAYG_API_KEY ?? '',
  upstream: process.env.PAYG_UPSTREAM,
  basePath: '/api/payg',
  // A real app checks the signed-in user's session here; this one lets every visitor in.
  authorize: async () => true,
})

export { proxy as DELETE, proxy as GET, proxy as POST, proxy as PUT }
