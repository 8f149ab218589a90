import { billing } from '../../../../lib/billing'

// PGlite and `pg` need Node's runtime, not the Edge runtime.
export const runtime = 'nodejs'

/** Every `/api/billing/*` operation of the spec, for the signed-in account. */
function handler(request: Request): Promise<Response> {
  return billing(request)
}

export { handler as DELETE, handler as GET, handler as PATCH, handler as POST, handler as PUT }
