import { configure } from '@testing-library/react'

// `findBy*` and `waitFor` give a busy machine 5 s instead of 1 s before they fail.
configure({ asyncUtilTimeout: 5000 })
