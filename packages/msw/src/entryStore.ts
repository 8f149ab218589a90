// The ledger's entries in a compact form: one typed-array column per field, strings interned,
// ids packed into integers. Entries are read back as `LedgerEntry` objects only when asked for,
// so a long history costs tens of bytes per entry. Indexes keep the account's transaction order
// (by time) overall and per type, so a page of history is found in O(log n) and read in
// O(page); spend is added up by UTC day as entries are written, so a usage report reads only
// the days in its range.
import type { PricingService, TransactionType } from './types'

const DAY_MS = 86_400_000

/** The entry types in the spec's order; an entry stores its type's position. */
export const TRANSACTION_TYPES: readonly TransactionType[] = [
  'TOP_UP',
  'AUTO_TOP_UP',
  'USAGE',
  'MIGRATION_CREDIT',
  'FREE_CREDIT',
  'ADJUSTMENT',
  'REFUND',
]
const TYPE_CODE = new Map(TRANSACTION_TYPES.map((type, code) => [type, code]))

/** A unit of account: a legacy plan's credits sort before dollars among entries of one time. */
export type EntryUnit = 'DOLLARS' | 'CREDITS'
const CREDITS = 0
const DOLLARS = 1

/** What one entry holds, as `LedgerEntry` shows it. */
export interface EntryFields {
  type: TransactionType
  unit: EntryUnit
  amount: bigint
  balanceAfter: bigint
  description: string
  service: PricingService | null
  generationId: string | null
  topUpId: string | null
  createdAt: Date
}

/** Spend of one service in one day. */
export interface ServiceSpend {
  amount: bigint
  requests: number
}

/** Spend in one UTC day and one unit: usage less refunds, by service in first-seen order. */
export interface DailyUsage {
  total: bigint
  requests: number
  byService: Map<PricingService, ServiceSpend>
}

/** Typed-array columns that grow by doubling. */
function grow<T extends Float64Array | BigInt64Array | Uint32Array | Uint16Array | Uint8Array>(
  array: T,
  size: number,
  make: (length: number) => T,
): T {
  if (size < array.length) return array
  const next = make(Math.max(16, array.length * 2))
  next.set(array as never)
  return next
}

/** Strings by a small number, each kept once. */
class Interned {
  private readonly codes = new Map<string, number>()
  private readonly values: string[] = []

  code(value: string): number {
    let code = this.codes.get(value)
    if (code === undefined) {
      code = this.values.length
      this.values.push(value)
      this.codes.set(value, code)
    }
    return code
  }

  value(code: number): string {
    return this.values[code] as string
  }

  /** The code of a string already kept, or undefined. */
  find(value: string): number | undefined {
    return this.codes.get(value)
  }
}

const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'
const ID_DIGIT = new Map([...ID_ALPHABET].map((char, digit) => [char, digit]))
const TX_ID = /^tx_[0-9a-hjkmnp-tv-z]{12}$/
/** Two hex digits of every byte. */
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'))
const hex8 = (word: number): string =>
  (HEX[word >>> 24] as string) +
  HEX[(word >>> 16) & 255] +
  HEX[(word >>> 8) & 255] +
  HEX[word & 255]
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** A 32-bit hash of a unit and up to four words (murmur3's finaliser over a multiply-xor mix). */
function hashWords(unit: number, a: number, b: number, c: number, d: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b)
  h = Math.imul(h ^ b ^ (h >>> 13), 0xc2b2ae35)
  h = Math.imul(h ^ c ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ d ^ unit ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/** A sorted list of entry numbers, kept in the account's transaction order. */
class OrderIndex {
  private seqs = new Uint32Array(0)
  length = 0

  constructor(private readonly before: (a: number, b: number) => boolean) {}

  /** Adds an entry: at the end when it is the newest (the usual case), else in its place. */
  insert(seq: number): void {
    this.seqs = grow(this.seqs, this.length + 1, (n) => new Uint32Array(n))
    let at = this.length
    if (at > 0 && this.before(seq, this.seqs[at - 1] as number)) at = this.upperBound(seq)
    this.seqs.copyWithin(at + 1, at, this.length)
    this.seqs[at] = seq
    this.length++
  }

  /** The entry at a position, oldest first. */
  at(position: number): number {
    return this.seqs[position] as number
  }

  /** The position of an entry, or -1 when it is not in this index. */
  positionOf(seq: number): number {
    const at = this.lowerBound(seq)
    return at < this.length && this.seqs[at] === seq ? at : -1
  }

  /** The first position whose entry does not sort before `seq`. */
  private lowerBound(seq: number): number {
    let low = 0
    let high = this.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if (this.before(this.seqs[mid] as number, seq)) low = mid + 1
      else high = mid
    }
    return low
  }

  /** The first position whose entry sorts after `seq`. */
  private upperBound(seq: number): number {
    let low = 0
    let high = this.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if (this.before(seq, this.seqs[mid] as number)) high = mid
      else low = mid + 1
    }
    return low
  }
}

/**
 * Every entry of one account (dollars and plan credits), numbered in the order written. The
 * transaction order is by time; of one time, credits before dollars, then as written, which is
 * the order the mock has always listed them in.
 */
export class EntryStore {
  private count = 0
  private times = new Float64Array(0)
  private amounts = new BigInt64Array(0)
  private balances = new BigInt64Array(0)
  private types = new Uint8Array(0)
  private units = new Uint8Array(0)
  /** A `tx_` id as two 30-bit halves, or the interned id when `idKind` is 1. */
  private idHigh = new Uint32Array(0)
  private idLow = new Uint32Array(0)
  private idKind = new Uint8Array(0)
  private descriptions = new Uint32Array(0)
  /** The interned service plus one; 0 is none. */
  private services = new Uint8Array(0)
  /** 0 none, 1 a UUID in `generation` (four 32-bit words), 2 interned in `generation[4i]`. */
  private generationKind = new Uint8Array(0)
  private generation = new Uint32Array(0)
  /** The interned top-up id plus one; 0 is none. */
  private topUpIds = new Uint32Array(0)
  private readonly strings = new Interned()
  private readonly serviceNames = new Interned()
  private readonly all: OrderIndex
  private readonly byType: OrderIndex[]
  private readonly byUnit: [Uint32Array, Uint32Array] = [new Uint32Array(0), new Uint32Array(0)]
  private readonly unitCount = [0, 0]
  /**
   * The first USAGE entry of each generation and unit, for refunds: an open-addressing hash
   * table of entry numbers plus one (0 is an empty slot), keyed by the packed generation id.
   */
  private usageSlots = new Uint32Array(1024)
  private usageCount = 0
  private readonly daily: [Map<number, DailyUsage>, Map<number, DailyUsage>] = [
    new Map(),
    new Map(),
  ]

  constructor() {
    const before = (a: number, b: number): boolean => {
      const ta = this.times[a] as number
      const tb = this.times[b] as number
      if (ta !== tb) return ta < tb
      const ua = this.units[a] as number
      const ub = this.units[b] as number
      return ua !== ub ? ua < ub : a < b
    }
    this.all = new OrderIndex(before)
    this.byType = TRANSACTION_TYPES.map(() => new OrderIndex(before))
  }

  /** How many entries there are, in both units. */
  get size(): number {
    return this.count
  }

  /** How many entries of a unit there are. */
  unitSize(unit: EntryUnit): number {
    return this.unitCount[unit === 'CREDITS' ? CREDITS : DOLLARS] as number
  }

  /** The number of a unit's `index`-th entry, oldest written first. */
  unitEntry(unit: EntryUnit, index: number): number {
    return this.byUnit[unit === 'CREDITS' ? CREDITS : DOLLARS][index] as number
  }

  /** Appends an entry and returns its number. */
  append(id: string, fields: EntryFields): number {
    const seq = this.count
    const size = seq + 1
    this.times = grow(this.times, size, (n) => new Float64Array(n))
    this.amounts = grow(this.amounts, size, (n) => new BigInt64Array(n))
    this.balances = grow(this.balances, size, (n) => new BigInt64Array(n))
    this.types = grow(this.types, size, (n) => new Uint8Array(n))
    this.units = grow(this.units, size, (n) => new Uint8Array(n))
    this.idHigh = grow(this.idHigh, size, (n) => new Uint32Array(n))
    this.idLow = grow(this.idLow, size, (n) => new Uint32Array(n))
    this.idKind = grow(this.idKind, size, (n) => new Uint8Array(n))
    this.descriptions = grow(this.descriptions, size, (n) => new Uint32Array(n))
    this.services = grow(this.services, size, (n) => new Uint8Array(n))
    this.generationKind = grow(this.generationKind, size, (n) => new Uint8Array(n))
    this.generation = grow(this.generation, size * 4, (n) => new Uint32Array(n))
    this.topUpIds = grow(this.topUpIds, size, (n) => new Uint32Array(n))

    const type = TYPE_CODE.get(fields.type)
    if (type === undefined) throw new TypeError(`[@payg-kit/msw] unknown entry type ${fields.type}`)
    const unit = fields.unit === 'CREDITS' ? CREDITS : DOLLARS
    const time = fields.createdAt.getTime()
    this.times[seq] = time
    this.amounts[seq] = fields.amount
    this.balances[seq] = fields.balanceAfter
    this.types[seq] = type
    this.units[seq] = unit
    if (TX_ID.test(id)) {
      let high = 0
      let low = 0
      for (let i = 0; i < 6; i++) high = high * 32 + (ID_DIGIT.get(id[3 + i] as string) as number)
      for (let i = 6; i < 12; i++) low = low * 32 + (ID_DIGIT.get(id[3 + i] as string) as number)
      this.idHigh[seq] = high
      this.idLow[seq] = low
      this.idKind[seq] = 0
    } else {
      this.idHigh[seq] = this.strings.code(id)
      this.idKind[seq] = 1
    }
    this.descriptions[seq] = this.strings.code(fields.description)
    this.services[seq] = fields.service === null ? 0 : this.serviceNames.code(fields.service) + 1
    const generationId = fields.generationId
    if (generationId === null) {
      this.generationKind[seq] = 0
    } else if (UUID.test(generationId)) {
      const hex = generationId.replaceAll('-', '')
      for (let word = 0; word < 4; word++) {
        this.generation[seq * 4 + word] = Number.parseInt(hex.slice(word * 8, word * 8 + 8), 16)
      }
      this.generationKind[seq] = 1
    } else {
      this.generation[seq * 4] = this.strings.code(generationId)
      this.generationKind[seq] = 2
    }
    this.topUpIds[seq] = fields.topUpId === null ? 0 : this.strings.code(fields.topUpId) + 1
    this.count = size

    const units = this.byUnit[unit]
    const unitIndex = this.unitCount[unit] as number
    const grown = grow(units, unitIndex + 1, (n) => new Uint32Array(n))
    grown[unitIndex] = seq
    this.byUnit[unit] = grown
    this.unitCount[unit] = unitIndex + 1
    this.all.insert(seq)
    this.byType[type]?.insert(seq)

    if (fields.type === 'USAGE' && generationId !== null) this.indexUsage(seq, generationId)
    if ((fields.type === 'USAGE' || fields.type === 'REFUND') && fields.service !== null) {
      const dayNumber = Math.floor(time / DAY_MS)
      const days = this.daily[unit]
      let day = days.get(dayNumber)
      if (!day) {
        day = { total: 0n, requests: 0, byService: new Map() }
        days.set(dayNumber, day)
      }
      const spent = -fields.amount
      const requests = fields.type === 'USAGE' ? 1 : 0
      let service = day.byService.get(fields.service)
      if (!service) {
        service = { amount: 0n, requests: 0 }
        day.byService.set(fields.service, service)
      }
      service.amount += spent
      service.requests += requests
      day.total += spent
      day.requests += requests
    }
    return seq
  }

  /** An entry's id. */
  id(seq: number): string {
    if (this.idKind[seq] === 1) return this.strings.value(this.idHigh[seq] as number)
    const high = this.idHigh[seq] as number
    const low = this.idLow[seq] as number
    let out = 'tx_'
    for (let shift = 25; shift >= 0; shift -= 5) out += ID_ALPHABET[(high >>> shift) & 31]
    for (let shift = 25; shift >= 0; shift -= 5) out += ID_ALPHABET[(low >>> shift) & 31]
    return out
  }

  /** An entry's time in epoch milliseconds. */
  time(seq: number): number {
    return this.times[seq] as number
  }

  /** An entry's unit. */
  unit(seq: number): EntryUnit {
    return this.units[seq] === CREDITS ? 'CREDITS' : 'DOLLARS'
  }

  /** An entry's type. */
  type(seq: number): TransactionType {
    return TRANSACTION_TYPES[this.types[seq] as number] as TransactionType
  }

  /** An entry's signed amount. */
  amount(seq: number): bigint {
    return this.amounts[seq] as bigint
  }

  /** Rewrites an entry's `balanceAfter` (a legacy plan's history is filled in afterwards). */
  setBalanceAfter(seq: number, balanceAfter: bigint): void {
    this.balances[seq] = balanceAfter
  }

  /** An entry's generation id, or null. */
  generationId(seq: number): string | null {
    const kind = this.generationKind[seq]
    if (kind === 0) return null
    if (kind === 2) return this.strings.value(this.generation[seq * 4] as number)
    const at = seq * 4
    const second = hex8(this.generation[at + 1] as number)
    const third = hex8(this.generation[at + 2] as number)
    return `${hex8(this.generation[at] as number)}-${second.slice(0, 4)}-${second.slice(4)}-${third.slice(0, 4)}-${third.slice(4)}${hex8(this.generation[at + 3] as number)}`
  }

  /** An entry, read back whole. */
  fields(seq: number): EntryFields & { id: string } {
    const service = this.services[seq] as number
    const topUp = this.topUpIds[seq] as number
    return {
      id: this.id(seq),
      type: this.type(seq),
      unit: this.units[seq] === CREDITS ? 'CREDITS' : 'DOLLARS',
      amount: this.amounts[seq] as bigint,
      balanceAfter: this.balances[seq] as bigint,
      description: this.strings.value(this.descriptions[seq] as number),
      service: service === 0 ? null : (this.serviceNames.value(service - 1) as PricingService),
      generationId: this.generationId(seq),
      topUpId: topUp === 0 ? null : this.strings.value(topUp - 1),
      createdAt: new Date(this.times[seq] as number),
    }
  }

  /** The transaction order, overall or of one type: a position's entry, oldest first. */
  order(type?: TransactionType): {
    length: number
    at(position: number): number
    positionOf(seq: number): number
  } {
    if (type === undefined) return this.all
    const index = this.byType[TYPE_CODE.get(type) ?? -1]
    if (!index) throw new TypeError(`[@payg-kit/msw] unknown entry type ${type}`)
    return index
  }

  /** The first USAGE entry of a generation in a unit, or undefined. */
  usageOf(unit: EntryUnit, generationId: string): number | undefined {
    let kind = 2
    const words = [0, 0, 0, 0]
    if (UUID.test(generationId)) {
      kind = 1
      const hex = generationId.replaceAll('-', '')
      for (let word = 0; word < 4; word++) {
        words[word] = Number.parseInt(hex.slice(word * 8, word * 8 + 8), 16)
      }
    } else {
      const code = this.strings.find(generationId)
      if (code === undefined) return undefined
      words[0] = code
    }
    const unitCode = unit === 'CREDITS' ? CREDITS : DOLLARS
    const [w0 = 0, w1 = 0, w2 = 0, w3 = 0] = words
    const mask = this.usageSlots.length - 1
    for (let slot = hashWords(unitCode, w0, w1, w2, w3) & mask; ; slot = (slot + 1) & mask) {
      const stored = this.usageSlots[slot] as number
      if (stored === 0) return undefined
      const seq = stored - 1
      if (this.units[seq] === unitCode && this.generationKind[seq] === kind) {
        const at = seq * 4
        const same =
          kind === 2
            ? this.generation[at] === w0
            : this.generation[at] === w0 &&
              this.generation[at + 1] === w1 &&
              this.generation[at + 2] === w2 &&
              this.generation[at + 3] === w3
        if (same) return seq
      }
    }
  }

  /** The hash of an entry's unit and generation id. */
  private usageHash(seq: number): number {
    const at = seq * 4
    const words = this.generation
    return this.generationKind[seq] === 2
      ? hashWords(this.units[seq] as number, words[at] as number, 0, 0, 0)
      : hashWords(
          this.units[seq] as number,
          words[at] as number,
          words[at + 1] as number,
          words[at + 2] as number,
          words[at + 3] as number,
        )
  }

  /** Adds a USAGE entry to the refund table, unless its generation already has one there. */
  private indexUsage(seq: number, generationId: string): void {
    const unit = this.units[seq] === CREDITS ? 'CREDITS' : 'DOLLARS'
    if (this.usageOf(unit, generationId) !== undefined) return
    if ((this.usageCount + 1) * 2 > this.usageSlots.length) {
      const old = this.usageSlots
      this.usageSlots = new Uint32Array(old.length * 2)
      for (const stored of old) if (stored !== 0) this.place(stored - 1)
    }
    this.place(seq)
    this.usageCount++
  }

  private place(seq: number): void {
    const mask = this.usageSlots.length - 1
    let slot = this.usageHash(seq) & mask
    while (this.usageSlots[slot] !== 0) slot = (slot + 1) & mask
    this.usageSlots[slot] = seq + 1
  }

  /** Spend on one UTC day (days since 1970-01-01) in a unit, or undefined when none. */
  usageOn(unit: EntryUnit, day: number): DailyUsage | undefined {
    return this.daily[unit === 'CREDITS' ? CREDITS : DOLLARS].get(day)
  }
}
