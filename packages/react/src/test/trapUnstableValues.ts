/**
 * Records every read of the clock or of a random source until the returned function is called,
 * which restores the originals and returns what was read (`Date.now()`, `new Date()`, ...).
 * React's own renderer timing itself (react-dom's development build) is not counted.
 */
export function trapUnstableValues(): () => string[] {
  const reads: string[] = []
  const record = (what: string) => {
    // Frame 0 is the message, 1 the trap, 2 its caller.
    const caller = new Error().stack?.split('\n')[3] ?? ''
    if (!/[/\\]react-dom[/\\_]/.test(caller)) reads.push(what)
  }
  const RealDate = globalThis.Date
  const realPerformanceNow = globalThis.performance.now
  const realRandom = Math.random
  const realRandomUUID = globalThis.crypto.randomUUID
  const realGetRandomValues = globalThis.crypto.getRandomValues

  class TrapDate extends RealDate {
    constructor(...args: ConstructorParameters<DateConstructor> | []) {
      if (args.length === 0) record('new Date()')
      super(...(args as ConstructorParameters<DateConstructor>))
    }
    static override now() {
      record('Date.now()')
      return RealDate.now()
    }
  }
  globalThis.Date = TrapDate as DateConstructor
  globalThis.performance.now = () => {
    record('performance.now()')
    return realPerformanceNow.call(globalThis.performance)
  }
  Math.random = () => {
    record('Math.random()')
    return realRandom()
  }
  globalThis.crypto.randomUUID = () => {
    record('crypto.randomUUID()')
    return realRandomUUID.call(globalThis.crypto)
  }
  globalThis.crypto.getRandomValues = ((array: Parameters<Crypto['getRandomValues']>[0]) => {
    record('crypto.getRandomValues()')
    return realGetRandomValues.call(globalThis.crypto, array)
  }) as Crypto['getRandomValues']

  let released = false
  return () => {
    if (!released) {
      globalThis.Date = RealDate
      globalThis.performance.now = realPerformanceNow
      Math.random = realRandom
      globalThis.crypto.randomUUID = realRandomUUID
      globalThis.crypto.getRandomValues = realGetRandomValues
      released = true
    }
    return reads
  }
}
