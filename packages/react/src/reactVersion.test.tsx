import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import { version } from 'react'
import { version as domVersion } from 'react-dom'
import { renderToString } from 'react-dom/server'
import { expect, test } from 'vitest'

const expected = process.env.PAYG_EXPECTED_REACT_MAJOR

// react-query and testing-library must share one copy of React with the test: a second copy
// would break hooks ("Invalid hook call") instead of rendering.
function Probe() {
  const { data } = useQuery({ queryKey: ['probe'], queryFn: () => 'hooks work' })
  return <p>{data ?? 'loading'}</p>
}

test('runs the React major this project is for, in react, react-dom and react-query alike', async () => {
  expect(expected).toMatch(/^(18|19)$/)
  expect(version.split('.')[0]).toBe(expected)
  expect(domVersion.split('.')[0]).toBe(expected)

  render(
    <QueryClientProvider client={new QueryClient()}>
      <Probe />
    </QueryClientProvider>,
  )
  expect(await screen.findByText('hooks work')).toBeTruthy()
  expect(renderToString(<p>server</p>)).toBe('<p>server</p>')
})
