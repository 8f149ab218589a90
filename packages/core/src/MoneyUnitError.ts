import type { MoneyUnit } from './types'

/** Thrown when two amounts in different units (dollars and credits) meet in one operation. */
export class MoneyUnitError extends TypeError {
  override readonly name = 'MoneyUnitError'
  /** The two units that met, left operand first. */
  readonly units: readonly [MoneyUnit, MoneyUnit]

  constructor(left: MoneyUnit, right: MoneyUnit) {
    super(
      `[payg-kit] Cannot combine ${left} with ${right}: dollars and plan credits are different units and are never mixed. Convert one explicitly first.`,
    )
    this.units = [left, right]
  }
}
