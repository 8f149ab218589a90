/** `BalanceBadge` -> `payg-balance-badge`. */
export declare function blockOf(widget: string): string
/** The stylesheet's source split into the base and each named component's own rules. */
export declare function splitStyles(
  css: string,
  widgets: string[],
): { base: string; widgets: Record<string, string>; order: Record<string, number> }
