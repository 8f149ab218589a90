/** Internal: one widget's strings in one language, every key of its English defaults. */
export type CatalogPart<Defaults> = Readonly<Record<keyof Defaults, string>>
