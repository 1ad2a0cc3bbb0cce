/**
 * Per distinct stage name of a coded stage column, the facts the funnel needs about it, packed
 * into one small integer.
 *
 * Why: a million deals name a handful of stages. Matching a name (normalize it, look it up in the
 * template, check it against the won/lost names) is string work, so each distinct name is matched
 * once, the first time a deal names it, and every later deal reads one Int32Array slot. Packed:
 * (stage index + 1) × 8, + 4 for a blank name, + terminal status (0 none, WON 1, LOST 2), so one
 * read gives all three; -1 marks a name not matched yet.
 */
export class StageNameCodes {
  private readonly packed: Int32Array;

  /**
   * @param names - the stage column's distinct names (position 0: none).
   * @param match - the matching rule, called once per distinct name.
   */
  constructor(
    private readonly names: readonly unknown[],
    private readonly match: (name: string) => StageNameFacts,
  ) {
    this.packed = new Int32Array(names.length).fill(-1);
  }

  /** The packed facts of the name with column code `code`. */
  packedOf(code: number): number {
    let packed = this.packed[code]!;
    if (packed < 0) {
      packed = packStageNameFacts(this.match(this.names[code] as string));
      this.packed[code] = packed;
    }
    return packed;
  }
}

/** What matching one stage name found. */
export interface StageNameFacts {
  /** Index into the template's stages, -1 when the name matches none. */
  index: number;
  blank: boolean;
  /** 0 none, else WON or LOST: the name itself says the deal is closed. */
  terminal: number;
}

function packStageNameFacts(facts: StageNameFacts): number {
  return (facts.index + 1) * 8 + (facts.blank ? 4 : 0) + facts.terminal;
}

/** The stage index in packed facts, -1 for none. */
export function packedStageIndex(packed: number): number {
  return (packed >> 3) - 1;
}

/** The terminal status in packed facts: 0 none, WON or LOST. */
export function packedTerminal(packed: number): number {
  return packed & 3;
}

/** Whether packed facts are those of a blank name. */
export function packedIsBlank(packed: number): boolean {
  return (packed & 4) !== 0;
}
