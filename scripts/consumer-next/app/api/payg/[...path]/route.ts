import { createPaygProxy } from '@payg-kit/core/proxy'

const proxy = createPaygProxy({
  apiKey: process.env.PAYG_API_KEY ?? '',
  upstream: process.env.PAYG_UPSTREAM,
  basePath: '/api/payg',
  // A real app checks the signed-in user's session here (with its auth library); this one
  // accepts the session cookie the check's browser carries, and nobody without it.
  authorize: (request) =>
    /(?:^|;\s*)session=signed-in(?:;|$)/.test(request.headers.get('cookie') ?? ''),
})

export { proxy as DELETE, proxy as GET, proxy as POST, proxy as PUT }
