/**
 * A generation request the mock's tests send: 4 images at 1024x1024 with Alchemy on Leonardo
 * Lightning XL (40 credits, $0.048 at list price).
 */
export const lightning4 = {
  prompt: 'a lighthouse at dawn',
  modelId: 'b24e16ff-06e3-43eb-8d33-4416c2d75876',
  width: 1024,
  height: 1024,
  num_images: 4,
  alchemy: true,
}
