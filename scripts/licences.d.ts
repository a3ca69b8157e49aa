// Types for scripts/licences.js, which runs with plain node before anything is compiled.
export interface ProductionPackage {
  name: string;
  version: string;
  licence: string;
}
export function isOpen(expression: unknown): boolean;
export function productionPackages(lock: {
  packages: Record<string, Record<string, unknown>>;
}): ProductionPackage[];
export function licenceList(packages: ProductionPackage[]): string;
