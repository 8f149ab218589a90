import { configure } from 'storybook/test'

// Stories answer through the mock with 120-300 ms of latency. A play function that waits for a
// chain of answers gets 5 s instead of 1 s, so a busy machine does not fail it.
configure({ asyncUtilTimeout: 5000 })
